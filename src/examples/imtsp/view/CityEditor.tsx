import * as d3 from 'd3';
import { useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { AllocationResult } from '../contract';
import type { MtspInstance } from '../instances/instance';
import { agentColor } from './colors';

export interface Layers {
  allocation: boolean;
  tours: boolean;
  longest: boolean;
}

interface CityEditorProps {
  instance: MtspInstance;
  /** The network's allocation for this instance, or null while it is computed (a stale one is ignored). */
  allocation: AllocationResult | null;
  agents: number;
  layers: Layers;
  selected: number | null;
  onSelect: (index: number | null) => void;
  onAdd: (x: number, y: number) => void;
  onMove: (index: number, x: number, y: number) => void;
  onDelete: (index: number) => void;
}

const WIDTH = 640;
const HEIGHT = 480;
const PAD = 18;

/** Square domain around the cities (equal scale on both axes), at least the unit square's size. */
function fitDomain(instance: MtspInstance): { x0: number; y0: number; size: number } {
  const xs = Array.from(instance.x);
  const ys = Array.from(instance.y);
  const [xMin, xMax] = d3.extent(xs) as [number, number];
  const [yMin, yMax] = d3.extent(ys) as [number, number];
  const span = Math.max(xMax - xMin, yMax - yMin, 1e-9);
  const size = span <= 1 && xMin >= 0 && yMin >= 0 && xMax <= 1 && yMax <= 1 ? 1 : span * 1.08;
  if (size === 1) return { x0: 0, y0: 0, size: 1 };
  return { x0: (xMin + xMax) / 2 - size / 2, y0: (yMin + yMax) / 2 - size / 2, size };
}

/**
 * The city scatter (d3 scales, React SVG): click empty space to add a city, drag a city to move it, select one
 * and press Delete/Backspace to remove it (arrow keys nudge it). The depot is the black square. Layers: the
 * network's allocation (colour = agent, opacity = its probability), the engine's tours, the longest one bold.
 */
export function CityEditor({
  instance,
  allocation,
  agents,
  layers,
  selected,
  onSelect,
  onAdd,
  onMove,
  onDelete,
}: CityEditorProps) {
  const svg = useRef<SVGSVGElement>(null);
  // While a city is dragged the view keeps the domain it had when the drag began.
  const [drag, setDrag] = useState<{
    index: number;
    x: number;
    y: number;
    moved: boolean;
    domain: ReturnType<typeof fitDomain>;
  } | null>(null);
  const fitted = useMemo(() => fitDomain(instance), [instance]);
  const domain = drag ? drag.domain : fitted;
  const side = Math.min(WIDTH, HEIGHT) - 2 * PAD;
  const left = (WIDTH - side) / 2;
  const sx = d3
    .scaleLinear()
    .domain([domain.x0, domain.x0 + domain.size])
    .range([left, left + side]);
  const sy = d3
    .scaleLinear()
    .domain([domain.y0, domain.y0 + domain.size])
    .range([PAD + side, PAD]);
  const n = instance.x.length;
  const valid =
    allocation !== null &&
    allocation.assignment.length === n &&
    allocation.probs.length === (n - 1) * agents &&
    allocation.tours.length === agents;

  const toData = (e: PointerEvent<SVGElement>) => {
    const rect = svg.current!.getBoundingClientRect();
    const px = ((e.clientX - rect.left) / rect.width) * WIDTH;
    const py = ((e.clientY - rect.top) / rect.height) * HEIGHT;
    return { x: sx.invert(px), y: sy.invert(py) };
  };
  const at = (i: number) =>
    drag && drag.index === i ? { x: drag.x, y: drag.y } : { x: instance.x[i], y: instance.y[i] };

  const longest = valid ? d3.maxIndex(allocation.lengths) : -1;
  const tourPath = (tour: number[]) =>
    tour.length < 2
      ? ''
      : `${tour.map((c, k) => `${k === 0 ? 'M' : 'L'}${sx(at(c).x)},${sy(at(c).y)}`).join('')}Z`;

  const onKeyDown = (e: KeyboardEvent<SVGSVGElement>) => {
    if (selected === null) return;
    if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      onDelete(selected);
    } else if (e.key === 'Escape') onSelect(null);
    else if (e.key.startsWith('Arrow')) {
      e.preventDefault();
      const step = domain.size / 100;
      const dx = e.key === 'ArrowLeft' ? -step : e.key === 'ArrowRight' ? step : 0;
      const dy = e.key === 'ArrowDown' ? -step : e.key === 'ArrowUp' ? step : 0;
      onMove(selected, instance.x[selected] + dx, instance.y[selected] + dy);
    }
  };

  return (
    <svg
      ref={svg}
      className="imtsp-editor"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="application"
      aria-label={`City editor: ${n - 1} cities and the depot. Click to add a city, drag to move, select and press Delete to remove, arrow keys to nudge.`}
      aria-roledescription="city editor"
      tabIndex={0}
      data-testid="city-editor"
      data-cities={n}
      onKeyDown={onKeyDown}
      onPointerMove={(e) => {
        if (!drag) return;
        const p = toData(e);
        setDrag({ ...drag, ...p, moved: true });
      }}
      onPointerUp={() => {
        if (drag?.moved) onMove(drag.index, drag.x, drag.y);
        setDrag(null);
      }}
    >
      <rect
        x={0}
        y={0}
        width={WIDTH}
        height={HEIGHT}
        fill="#ffffff"
        data-testid="editor-background"
        onPointerDown={(e) => {
          if (e.button !== 0) return;
          const p = toData(e);
          onAdd(p.x, p.y);
        }}
      />
      <rect x={left} y={PAD} width={side} height={side} fill="none" stroke="#e5e7eb" pointerEvents="none" />
      {valid && layers.tours && (
        <g pointerEvents="none">
          {layers.longest && longest >= 0 && (
            <path
              d={tourPath(allocation.tours[longest])}
              fill="none"
              stroke="#111827"
              strokeWidth={6}
              opacity={0.25}
            />
          )}
          {allocation.tours.map((tour, a) => (
            <path
              key={a}
              d={tourPath(tour)}
              fill="none"
              stroke={agentColor(a)}
              strokeWidth={layers.longest && a === longest ? 3 : 1.5}
              data-testid={a === longest ? 'longest-tour' : undefined}
            />
          ))}
        </g>
      )}
      {Array.from({ length: n - 1 }, (_, k) => {
        const i = k + 1;
        const p = at(i);
        const agent = valid ? allocation.assignment[i] : -1;
        const prob = valid ? allocation.probs[k * agents + agent] : 1;
        const colored = valid && layers.allocation;
        return (
          <g key={i}>
            <circle
              cx={sx(p.x)}
              cy={sy(p.y)}
              r={n > 300 ? 3 : 5}
              fill={colored ? agentColor(agent) : '#6b7280'}
              fillOpacity={colored ? 0.25 + 0.75 * prob : 0.9}
              stroke={i === selected ? '#111827' : colored ? agentColor(agent) : 'none'}
              strokeWidth={i === selected ? 2.5 : 1}
              pointerEvents="none"
            />
            <circle
              cx={sx(p.x)}
              cy={sy(p.y)}
              r={9}
              fill="transparent"
              className="imtsp-hit"
              data-testid={`city-${i}`}
              onPointerDown={(e) => {
                e.stopPropagation();
                svg.current?.setPointerCapture(e.pointerId);
                svg.current?.focus();
                onSelect(i);
                setDrag({ index: i, x: instance.x[i], y: instance.y[i], moved: false, domain: fitted });
              }}
            >
              {valid && <title>{`city ${i}: agent ${agent + 1}, probability ${prob.toFixed(2)}`}</title>}
            </circle>
          </g>
        );
      })}
      <rect
        x={sx(at(0).x) - 6}
        y={sy(at(0).y) - 6}
        width={12}
        height={12}
        fill="#111827"
        stroke={selected === 0 ? '#f59e0b' : '#ffffff'}
        strokeWidth={2}
        data-testid="depot"
        onPointerDown={(e) => {
          e.stopPropagation();
          svg.current?.setPointerCapture(e.pointerId);
          svg.current?.focus();
          onSelect(0);
          setDrag({ index: 0, x: instance.x[0], y: instance.y[0], moved: false, domain: fitted });
        }}
      >
        <title>depot (city 0)</title>
      </rect>
    </svg>
  );
}
