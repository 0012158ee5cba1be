import { useEffect, useLayoutEffect, useMemo, useRef, useState, type PointerEvent } from 'react';
import { type GridPoint, gridPoint, inBounds } from '../maps/grid-map.ts';
import { paintStroke, type BrushMode } from '../maps/map-edit.ts';
import { cellSteps, type PlanResult } from '../search/search.ts';
import { type EditorScene, withGoal, withStart, withWalls } from './editor-scene.ts';
import { drawGrid, SearchLayer } from './grid-draw.ts';
import { IMMEDIATE_CELLS } from './plan-set.ts';
import { openCountAt } from './search-raster.ts';
import { BRUSH_MAX, type Tool } from './tools.ts';
import { useElementWidth } from './use-element-width.ts';
import { type Camera, cellAtPixel, fitCamera, layout, panBy, revealCell, zoomAt } from './viewport.ts';

interface MapEditorProps {
  scene: EditorScene;
  /** The shown planner's search on this very map, or null. */
  plan: PlanResult | null;
  planLabel: string;
  /** Playback step (Infinity: the whole search). */
  step: number;
  tool: Tool;
  brush: number;
  onTool: (tool: Tool) => void;
  onBrush: (radius: number) => void;
  onPreview: (scene: EditorScene) => void;
  onCommit: (scene: EditorScene, before?: EditorScene) => void;
  /** Shown over the map (start on a wall, unreachable goal, …). */
  message: string | null;
  helpId: string;
}

type Drag =
  | { kind: 'paint'; mode: BrushMode; last: GridPoint; before: EditorScene; scene: EditorScene }
  | { kind: 'start' | 'goal'; before: EditorScene; scene: EditorScene }
  | { kind: 'pan'; x: number; y: number };

const MAX_HEIGHT = 560;
const MIN_HEIGHT = 220;
const ZOOM_STEP = 1.5;

function pointerPixel(
  e: PointerEvent<HTMLCanvasElement> | WheelEvent,
  canvas: HTMLCanvasElement,
): [number, number] {
  const r = canvas.getBoundingClientRect();
  return [e.clientX - r.left, e.clientY - r.top];
}

/**
 * The map editor: a canvas drawn at one pixel per cell and scaled (zoom and pan for large maps), with the shown
 * planner's search replayed on it. Mouse, pen and touch through pointer events; the keyboard while it has focus
 * (its keys stop there, so the page's training shortcuts never fire by accident).
 */
export function MapEditor({
  scene,
  plan,
  planLabel,
  step,
  tool,
  brush,
  onTool,
  onBrush,
  onPreview,
  onCommit,
  message,
  helpId,
}: MapEditorProps) {
  const { map, start, goal } = scene;
  const [wrapRef, cw] = useElementWidth<HTMLDivElement>(560);
  const ch = Math.round(Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, (cw * map.height) / map.width)));
  const [view, setView] = useState<{ w: number; h: number; cam: Camera }>(() => ({
    w: map.width,
    h: map.height,
    cam: fitCamera(map.width, map.height),
  }));
  const cam = view.w === map.width && view.h === map.height ? view.cam : fitCamera(map.width, map.height);
  const l = layout(cam, map.width, map.height, cw, ch);
  const [cursor, setCursor] = useState<GridPoint | null>(null);
  const [hover, setHover] = useState<GridPoint | null>(null);
  const [focused, setFocused] = useState(false);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const layerRef = useRef<SearchLayer | null>(null);
  const drag = useRef<Drag | null>(null);

  const setCam = (next: Camera) => setView({ w: map.width, h: map.height, cam: next });
  const cursorCell = cursor && inBounds(map, cursor) ? cursor : start;

  // Per-cell steps of the shown search, for the hover readout (skipped on huge maps).
  const steps = useMemo(
    () =>
      plan && map.width * map.height <= IMMEDIATE_CELLS ? cellSteps(plan, map.width * map.height) : null,
    [plan, map],
  );

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    layerRef.current ??= new SearchLayer();
    const raster = layerRef.current.update(map, plan, step);
    const done = raster.shown === raster.total;
    drawGrid(canvas, window.devicePixelRatio || 1, cw, ch, l, layerRef.current.image, map, {
      path: plan?.success && done ? plan.path : null,
      current: Number.isFinite(step) && !done ? raster.current : -1,
      start,
      goal,
      cursor: focused ? { ...cursorCell, radius: brush } : null,
      hover: hover && inBounds(map, hover) && tool !== 'pan' ? { ...hover, radius: brush } : null,
    });
  });

  // Native listeners: wheel needs passive: false to keep the page still, keys must stop before the window.
  const handlers = useRef({ key: (_e: KeyboardEvent) => {}, wheel: (_e: WheelEvent) => {} });
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const key = (e: KeyboardEvent) => handlers.current.key(e);
    const wheel = (e: WheelEvent) => handlers.current.wheel(e);
    canvas.addEventListener('keydown', key);
    canvas.addEventListener('wheel', wheel, { passive: false });
    return () => {
      canvas.removeEventListener('keydown', key);
      canvas.removeEventListener('wheel', wheel);
    };
  }, []);

  // Walls never cover start or goal; erasing under them is fine (it frees a start placed on a wall).
  const keepFor = (mode: BrushMode) => (mode === 'wall' ? [start, goal] : []);
  const near = (p: GridPoint, px: number, py: number) => {
    const dx = l.ox + (p.x + 0.5) * l.scale - px;
    const dy = l.oy + (p.y + 0.5) * l.scale - py;
    return Math.hypot(dx, dy) <= Math.max(l.scale * 0.75, 9);
  };

  function onWheel(e: WheelEvent) {
    // Plain wheel scrolls the page; Ctrl/⌘ + wheel (and trackpad pinch) zooms about the pointer.
    if (!(e.ctrlKey || e.metaKey)) return;
    e.preventDefault();
    const canvas = canvasRef.current!;
    const [px, py] = pointerPixel(e, canvas);
    setCam(zoomAt(cam, Math.exp(-e.deltaY * 0.002), px, py, map.width, map.height, cw, ch));
  }

  function zoomAbout(factor: number, p: GridPoint) {
    const px = l.ox + (p.x + 0.5) * l.scale;
    const py = l.oy + (p.y + 0.5) * l.scale;
    setCam(zoomAt(cam, factor, px, py, map.width, map.height, cw, ch));
  }

  function moveCursor(dx: number, dy: number) {
    const next = gridPoint(
      Math.min(map.width - 1, Math.max(0, cursorCell.x + dx)),
      Math.min(map.height - 1, Math.max(0, cursorCell.y + dy)),
    );
    setCursor(next);
    setCam(revealCell(cam, next, map.width, map.height, cw, ch));
  }

  function onKey(e: KeyboardEvent) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const big = e.shiftKey ? 8 : 1;
    const at = cursorCell;
    switch (e.key) {
      case 'ArrowLeft':
        moveCursor(-big, 0);
        break;
      case 'ArrowRight':
        moveCursor(big, 0);
        break;
      case 'ArrowUp':
        moveCursor(0, -big);
        break;
      case 'ArrowDown':
        moveCursor(0, big);
        break;
      case ' ':
      case 'Enter': {
        const mode: BrushMode = map.blocked[at.y * map.width + at.x] ? 'erase' : 'wall';
        const next = withWalls(scene, paintStroke(map, at, at, brush, mode, keepFor(mode)));
        if (next !== scene) onCommit(next);
        break;
      }
      case 's':
      case 'S':
        onCommit(withStart(scene, at));
        break;
      case 'g':
      case 'G':
        onCommit(withGoal(scene, at));
        break;
      case '+':
      case '=':
        zoomAbout(ZOOM_STEP, at);
        break;
      case '-':
      case '_':
        zoomAbout(1 / ZOOM_STEP, at);
        break;
      case '0':
        setCam(fitCamera(map.width, map.height));
        break;
      case '[':
        onBrush(Math.max(0, brush - 1));
        break;
      case ']':
        onBrush(Math.min(BRUSH_MAX, brush + 1));
        break;
      case 'w':
      case 'W':
        onTool('wall');
        break;
      case 'e':
      case 'E':
        onTool('erase');
        break;
      case 'h':
      case 'H':
        onTool('pan');
        break;
      default:
        return;
    }
    e.preventDefault();
    e.stopPropagation();
  }

  useLayoutEffect(() => {
    handlers.current.key = onKey;
    handlers.current.wheel = onWheel;
  });

  const onPointerDown = (e: PointerEvent<HTMLCanvasElement>) => {
    const canvas = e.currentTarget;
    canvas.focus({ preventScroll: true });
    const [px, py] = pointerPixel(e, canvas);
    if (tool === 'pan' || e.button === 1) {
      drag.current = { kind: 'pan', x: e.clientX, y: e.clientY };
    } else if (e.button === 0 && near(start, px, py)) {
      drag.current = { kind: 'start', before: scene, scene };
    } else if (e.button === 0 && near(goal, px, py)) {
      drag.current = { kind: 'goal', before: scene, scene };
    } else if (e.button === 0 || e.button === 2) {
      const p = cellAtPixel(l, px, py);
      if (!inBounds(map, p)) return;
      const mode: BrushMode = e.button === 2 || e.shiftKey || tool === 'erase' ? 'erase' : 'wall';
      const painted = withWalls(scene, paintStroke(map, p, p, brush, mode, keepFor(mode)));
      drag.current = { kind: 'paint', mode, last: p, before: scene, scene: painted };
      if (painted !== scene) onPreview(painted);
      setCursor(p);
    } else return;
    canvas.setPointerCapture(e.pointerId);
    e.preventDefault();
  };

  const onPointerMove = (e: PointerEvent<HTMLCanvasElement>) => {
    const [px, py] = pointerPixel(e, e.currentTarget);
    const p = cellAtPixel(l, px, py);
    if (!hover || hover.x !== p.x || hover.y !== p.y) setHover(p);
    const d = drag.current;
    if (!d) return;
    if (d.kind === 'pan') {
      setCam(panBy(cam, e.clientX - d.x, e.clientY - d.y, map.width, map.height, cw, ch));
      drag.current = { ...d, x: e.clientX, y: e.clientY };
      return;
    }
    if (d.kind === 'paint') {
      const to = gridPoint(
        Math.min(map.width - 1, Math.max(0, p.x)),
        Math.min(map.height - 1, Math.max(0, p.y)),
      );
      if (to.x === d.last.x && to.y === d.last.y) return;
      const scene2 = withWalls(d.scene, paintStroke(d.scene.map, d.last, to, brush, d.mode, keepFor(d.mode)));
      drag.current = { ...d, last: to, scene: scene2 };
      if (scene2 !== d.scene) onPreview(scene2);
      return;
    }
    const moved = d.kind === 'start' ? withStart(d.scene, p) : withGoal(d.scene, p);
    if (moved !== d.scene) {
      drag.current = { ...d, scene: moved };
      onPreview(moved);
    }
  };

  const endDrag = (e: PointerEvent<HTMLCanvasElement>) => {
    const d = drag.current;
    drag.current = null;
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
    if (d && d.kind !== 'pan') onCommit(d.scene, d.before);
  };

  const hoverCell = hover && inBounds(map, hover) ? hover : null;
  const readout = hoverCell ? describeCell(hoverCell, scene, steps, planLabel) : null;

  return (
    <div className="ia-editor">
      <div className="ia-canvas-wrap" ref={wrapRef}>
        <canvas
          ref={canvasRef}
          className={`ia-editor-canvas ia-tool-${tool}`}
          style={{ width: cw, height: ch }}
          tabIndex={0}
          role="application"
          aria-label={`Map editor, ${map.width} by ${map.height} cells`}
          aria-describedby={helpId}
          data-testid="map-canvas"
          data-layout={`${l.ox},${l.oy},${l.scale}`}
          data-start={`${start.x},${start.y}`}
          data-goal={`${goal.x},${goal.y}`}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={endDrag}
          onPointerCancel={endDrag}
          onPointerLeave={() => setHover(null)}
          onContextMenu={(e) => e.preventDefault()}
          onFocus={() => setFocused(true)}
          onBlur={() => setFocused(false)}
        />
        <div className="ia-zoom" role="group" aria-label="Zoom">
          <button type="button" onClick={() => zoomAbout(ZOOM_STEP, cursorCell)} aria-label="Zoom in">
            +
          </button>
          <button type="button" onClick={() => zoomAbout(1 / ZOOM_STEP, cursorCell)} aria-label="Zoom out">
            −
          </button>
          <button
            type="button"
            onClick={() => setCam(fitCamera(map.width, map.height))}
            aria-label="Fit the map"
          >
            Fit
          </button>
        </div>
        {message && (
          <p className="ia-map-message" role="status" data-testid="map-message">
            {message}
          </p>
        )}
      </div>
      <p className="ia-readout" data-testid="map-readout">
        {readout ??
          (plan && Number.isFinite(step)
            ? `${planLabel}: ${Math.min(step, plan.expanded).toLocaleString('en')} expanded, ${openCountAt(plan, step).toLocaleString('en')} on the open list`
            : 'Point at a cell to see when the search reached it.')}
      </p>
    </div>
  );
}

function describeCell(
  p: GridPoint,
  scene: EditorScene,
  steps: { openedAt: Int32Array; closedAt: Int32Array } | null,
  planLabel: string,
): string {
  const { map } = scene;
  const cell = p.y * map.width + p.x;
  const what = map.blocked[cell] ? 'wall' : 'free';
  let text = `cell (${p.x}, ${p.y}): ${what}`;
  if (steps && !map.blocked[cell]) {
    const o = steps.openedAt[cell];
    const c = steps.closedAt[cell];
    text +=
      o < 0
        ? ` · ${planLabel} never reached it`
        : ` · ${planLabel}: opened at step ${o}${c < 0 ? ', never expanded' : `, expanded at step ${c}`}`;
  }
  return text;
}
