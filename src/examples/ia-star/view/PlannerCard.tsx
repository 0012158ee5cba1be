import { useEffect, useRef, type ReactNode } from 'react';
import { MathTex } from '../../../ui/Math';
import type { GridMap, GridPoint } from '../maps/grid-map.ts';
import type { PlanResult } from '../search/search.ts';
import { drawGrid, SearchLayer } from './grid-draw.ts';
import { useElementWidth } from './use-element-width.ts';
import { layout, fitCamera } from './viewport.ts';

/** What a card shows in its head: the classic planners' PlannerInfo, or a learned planner's. */
export interface CardInfo {
  kind: string;
  label: string;
  /** f as KaTeX. */
  formula: string;
}

interface PlannerCardProps {
  info: CardInfo;
  plan: PlanResult | null;
  map: GridMap;
  start: GridPoint;
  goal: GridPoint;
  step: number;
  /** The optimal length (A*'s), to show how far from it this path is. */
  optimal: number;
  shown: boolean;
  onShow: () => void;
  pending: boolean;
  children?: ReactNode;
}

const fmt = (x: number, digits = 2) => (Number.isFinite(x) ? x.toFixed(digits) : '–');

export function formatMs(ms: number): string {
  // Browsers round performance.now() to 0.1 ms or coarser; below that only the bound is known.
  if (ms < 0.1) return '<\u00a00.1\u00a0ms';
  return ms < 10 ? `${ms.toFixed(2)}\u00a0ms` : `${ms.toFixed(0)}\u00a0ms`;
}

/** Short, for the card; the map says the whole story. */
const STATUS_TEXT: Record<PlanResult['status'], string> = {
  found: 'found',
  'no-path': 'none',
  'start-blocked': 'blocked',
  'goal-blocked': 'blocked',
  'out-of-bounds': 'outside',
  limit: 'capped',
};

const formatLength = (x: number) => (x >= 100 ? x.toFixed(1) : fmt(x));

/** One planner on the shared map: its search replayed as a heat map, its path and its counts. */
export function PlannerCard({
  info,
  plan,
  map,
  start,
  goal,
  step,
  optimal,
  shown,
  onShow,
  pending,
  children,
}: PlannerCardProps) {
  const [wrapRef, cw] = useElementWidth<HTMLDivElement>(200);
  const ch = Math.round(Math.min(cw, (cw * map.height) / map.width));
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const layerRef = useRef<SearchLayer | null>(null);
  const total = plan?.expansionOrder.length ?? 0;
  const at = Math.min(step, total);
  const done = at === total;

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    layerRef.current ??= new SearchLayer();
    const raster = layerRef.current.update(map, plan, step);
    const l = layout(fitCamera(map.width, map.height), map.width, map.height, cw, ch);
    drawGrid(canvas, window.devicePixelRatio || 1, cw, ch, l, layerRef.current.image, map, {
      path: plan?.success && done ? plan.path : null,
      current: Number.isFinite(step) && !done ? raster.current : -1,
      start,
      goal,
      markerMin: 4.5,
    });
  });

  const ratio = plan?.success && optimal > 0 ? plan.pathLength / optimal - 1 : NaN;
  return (
    <article className={`ia-card${shown ? ' ia-card-shown' : ''}`} aria-labelledby={`ia-card-${info.kind}`}>
      <header className="ia-card-head">
        <h3 id={`ia-card-${info.kind}`}>{info.label}</h3>
        <span className="ia-card-formula">
          <MathTex tex={info.formula} />
        </span>
      </header>
      <div className="ia-card-canvas" ref={wrapRef}>
        <canvas
          ref={canvasRef}
          style={{ width: cw, height: ch }}
          role="img"
          aria-label={`${info.label} search on the map`}
          data-testid={`canvas-${info.kind}`}
        />
        {pending && <span className="ia-card-pending">planning…</span>}
      </div>
      <dl className="ia-stats" data-testid={`result-${info.kind}`} aria-live="off">
        <div>
          <dt>expanded</dt>
          <dd>
            {done ? total.toLocaleString('en') : `${at.toLocaleString('en')} / ${total.toLocaleString('en')}`}
          </dd>
        </div>
        <div>
          <dt>path</dt>
          <dd>
            {!plan
              ? '–'
              : !done
                ? '…'
                : plan.success
                  ? formatLength(plan.pathLength)
                  : STATUS_TEXT[plan.status]}
            {done && Number.isFinite(ratio) && ratio > 1e-9 && (
              <small> (+{(ratio * 100).toFixed(1)} %)</small>
            )}
          </dd>
        </div>
        <div>
          <dt>time</dt>
          <dd>{plan ? formatMs(plan.ms) : '–'}</dd>
        </div>
      </dl>
      <div className="ia-card-foot">
        {children}
        <button
          type="button"
          className={shown ? 'primary' : undefined}
          aria-pressed={shown}
          onClick={onShow}
          data-testid={`show-${info.kind}`}
        >
          {shown ? 'Shown on the map' : 'Show on the map'}
        </button>
      </div>
    </article>
  );
}
