import * as d3 from 'd3';
import { forwardRef, useMemo, useState } from 'react';

export interface Series {
  name: string;
  color: string;
  /** [x, y] pairs in increasing x. */
  points: [number, number][];
  dashed?: boolean;
  /** Drawn thin and pale, under the others (the raw per-step value beneath its smoothed trend). */
  faint?: boolean;
  /** Legend text, where it should say more than the name (e.g. the smoothing window). */
  legend?: string;
}

/** A moment marked on the x-axis (a learning-rate change, weights loaded, a refused divergent step). */
export interface PlotEvent {
  x: number;
  label: string;
  kind: 'learningRate' | 'weights' | 'diverged';
}

const EVENT_COLOR: Record<PlotEvent['kind'], string> = {
  learningRate: '#7c3aed',
  weights: '#15803d',
  diverged: '#b91c1c',
};

interface LinePlotProps {
  title: string;
  series: Series[];
  logY: boolean;
  width?: number;
  height?: number;
  xLabel?: string;
  /** Shared hover position (an x value), so stacked plots read out together. */
  hoverX: number | null;
  onHover: (x: number | null) => void;
  testId?: string;
  events?: readonly PlotEvent[];
}

const MAX_POINTS = 1200;

/** Keeps the shape of a long curve (min and max of each bucket) while drawing at most ~MAX_POINTS points. */
function thin(points: [number, number][]): [number, number][] {
  if (points.length <= MAX_POINTS) return points;
  const bucket = Math.ceil(points.length / (MAX_POINTS / 2));
  const out: [number, number][] = [];
  for (let i = 0; i < points.length; i += bucket) {
    let lo = points[i];
    let hi = points[i];
    for (let j = i; j < Math.min(points.length, i + bucket); j++) {
      if (points[j][1] < lo[1]) lo = points[j];
      if (points[j][1] > hi[1]) hi = points[j];
    }
    if (lo[0] <= hi[0]) out.push(lo, hi);
    else out.push(hi, lo);
  }
  out.push(points[points.length - 1]);
  return out;
}

function nearest(points: [number, number][], x: number): [number, number] | undefined {
  if (points.length === 0) return undefined;
  const i = d3.bisector((p: [number, number]) => p[0]).center(points, x);
  return points[i];
}

const fmt = d3.format('.4~g');

/** A log axis gets 1-2-5 ticks, or only powers of ten when that is still too many, so labels never overlap. */
function logTicks(ticks: number[]): number[] {
  const leading = (t: number) => Number(t.toExponential().charAt(0));
  const few = ticks.filter((t) => [1, 2, 5].includes(leading(t)));
  if (few.length <= 6) return few.length >= 2 ? few : ticks.slice(0, 6);
  const decades = ticks.filter((t) => leading(t) === 1);
  return decades.length >= 2 ? decades : few.filter((_, i) => i % Math.ceil(few.length / 5) === 0);
}

/** A d3-scaled line chart rendered by React: axes, optional log y, hover read-out. */
export const LinePlot = forwardRef<SVGSVGElement, LinePlotProps>(function LinePlot(
  { title, series, logY, width = 420, height = 150, xLabel = 'step', hoverX, onHover, testId, events = [] },
  ref,
) {
  const margin = { top: 20, right: 12, bottom: 28, left: 56 };
  const [focused, setFocused] = useState(false);
  const thinned = useMemo(() => series.map((s) => ({ ...s, points: thin(s.points) })), [series]);
  const all = thinned.flatMap((s) => s.points);
  const usableLog = logY && all.length > 0 && all.every((p) => p[1] > 0);
  const xExtent = d3.extent(all, (p) => p[0]) as [number, number] | [undefined, undefined];
  const yExtent = d3.extent(all, (p) => p[1]) as [number, number] | [undefined, undefined];
  const x = d3
    .scaleLinear()
    .domain(xExtent[0] === undefined ? [0, 1] : [xExtent[0], Math.max(xExtent[1], xExtent[0] + 1)])
    .range([margin.left, width - margin.right]);
  const yDomain: [number, number] =
    yExtent[0] === undefined
      ? [0, 1]
      : yExtent[0] === yExtent[1]
        ? [yExtent[0] * 0.9 - 1e-9, yExtent[1] * 1.1 + 1e-9]
        : [yExtent[0], yExtent[1]];
  const y = (usableLog ? d3.scaleLog() : d3.scaleLinear())
    .domain(yDomain)
    .nice()
    .range([height - margin.bottom, margin.top]);
  const line = d3
    .line<[number, number]>()
    .x((p) => x(p[0]))
    .y((p) => y(p[1]));
  const xTicks = x.ticks(5);
  const yTicks = usableLog ? logTicks(y.ticks()) : y.ticks(4);
  const readouts = hoverX === null ? [] : thinned.map((s) => ({ s, p: nearest(s.points, hoverX) }));
  // The event under the pointer: within 6 px of it.
  const hoverEvent = hoverX === null ? undefined : events.find((e) => Math.abs(x(e.x) - x(hoverX)) <= 6);
  // Legend entries right-aligned, each as wide as its text (about 6 px a character at 11 px).
  const legendWidths = thinned.map((s) => 26 + 6.2 * (s.legend ?? s.name).length);
  const legendX = legendWidths.map(
    (_, i) => width - margin.right - legendWidths.slice(i).reduce((a, b) => a + b, 0),
  );
  const drawOrder = [...thinned.filter((s) => s.faint), ...thinned.filter((s) => !s.faint)];

  return (
    <svg
      ref={ref}
      className="line-plot"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={`${title}: ${series.map((s) => `${s.name} ${s.points.length ? fmt(s.points[s.points.length - 1][1]) : 'no data'}`).join(', ')}`}
      data-testid={testId}
      data-points={series.map((s) => s.points.length).join(',')}
      data-first-y={series[0]?.points[0]?.[1]}
      data-last-y={series[0]?.points[series[0].points.length - 1]?.[1]}
      tabIndex={0}
      onFocus={() => setFocused(true)}
      onBlur={() => setFocused(false)}
      onMouseLeave={() => onHover(null)}
      onMouseMove={(e) => {
        const rect = e.currentTarget.getBoundingClientRect();
        const px = ((e.clientX - rect.left) / rect.width) * width;
        if (px >= margin.left && px <= width - margin.right) onHover(x.invert(px));
      }}
      style={{ outline: focused ? '2px solid #2563eb' : undefined, fontFamily: 'system-ui, sans-serif' }}
    >
      <rect x={0} y={0} width={width} height={height} fill="#ffffff" />
      <text x={margin.left} y={13} fontSize={12} fontWeight={600} fill="#1f2937">
        {title}
        {usableLog ? ' (log)' : ''}
      </text>
      {thinned.map((s, i) => (
        <g key={s.name} transform={`translate(${legendX[i]}, 9)`}>
          <line
            x1={0}
            x2={14}
            y1={0}
            y2={0}
            stroke={s.color}
            strokeWidth={s.faint ? 1.2 : 2}
            strokeOpacity={s.faint ? 0.45 : 1}
            strokeDasharray={s.dashed ? '4 3' : undefined}
          />
          <text x={18} y={4} fontSize={11} fill="#374151">
            {s.legend ?? s.name}
          </text>
        </g>
      ))}
      {yTicks.map((t) => (
        <g key={`y${t}`}>
          <line x1={margin.left} x2={width - margin.right} y1={y(t)} y2={y(t)} stroke="#e5e7eb" />
          <text x={margin.left - 6} y={y(t) + 4} fontSize={10} textAnchor="end" fill="#4b5563">
            {fmt(t)}
          </text>
        </g>
      ))}
      {xTicks.map((t) => (
        <text
          key={`x${t}`}
          x={x(t)}
          y={height - margin.bottom + 14}
          fontSize={10}
          textAnchor="middle"
          fill="#4b5563"
        >
          {fmt(t)}
        </text>
      ))}
      <text x={width - margin.right} y={height - 3} fontSize={10} textAnchor="end" fill="#4b5563">
        {xLabel}
      </text>
      {drawOrder.map((s) => (
        <path
          key={s.name}
          d={line(s.points) ?? ''}
          fill="none"
          stroke={s.color}
          strokeWidth={s.faint ? 1 : 1.8}
          strokeOpacity={s.faint ? 0.35 : 1}
          strokeDasharray={s.dashed ? '4 3' : undefined}
          data-series={s.name}
        />
      ))}
      {events.map((e, i) => {
        const ex = x(e.x);
        if (ex < margin.left - 0.5 || ex > width - margin.right + 0.5) return null;
        const base = height - margin.bottom;
        return (
          <g key={`e${i}`} data-event={e.kind}>
            <title>{`${e.label} (${xLabel} ${fmt(e.x)})`}</title>
            <line
              x1={ex}
              x2={ex}
              y1={margin.top}
              y2={base}
              stroke={EVENT_COLOR[e.kind]}
              strokeOpacity={0.55}
              strokeDasharray="2 3"
            />
            <path d={`M${ex},${base - 1} l-4.5,7 h9 z`} fill={EVENT_COLOR[e.kind]} />
          </g>
        );
      })}
      {hoverX !== null && (
        <g>
          <line x1={x(hoverX)} x2={x(hoverX)} y1={margin.top} y2={height - margin.bottom} stroke="#9ca3af" />
          {readouts.map(({ s, p }, i) =>
            p ? (
              <g key={s.name}>
                <circle cx={x(p[0])} cy={y(p[1])} r={3} fill={s.color} />
                <text x={margin.left + 6} y={margin.top + 12 + 13 * i} fontSize={11} fill={s.color}>
                  {s.name} = {fmt(p[1])} at {xLabel} {fmt(p[0])}
                </text>
              </g>
            ) : null,
          )}
          {hoverEvent && (
            <text
              x={margin.left + 6}
              y={margin.top + 12 + 13 * readouts.length}
              fontSize={11}
              fill={EVENT_COLOR[hoverEvent.kind]}
            >
              {hoverEvent.label} at {xLabel} {fmt(hoverEvent.x)}
            </text>
          )}
        </g>
      )}
    </svg>
  );
});
