import * as d3 from 'd3';
import type { CurvePoint, TradeoffPoint } from './tradeoff.ts';

/** Okabe–Ito hues, and a distinct shape per planner, so neither colour nor shape alone carries the meaning. */
export const TRADEOFF_STYLE = {
  curve: { color: '#0072b2', symbol: d3.symbolCircle },
  'ia-star': { color: '#d55e00', symbol: d3.symbolDiamond },
  'neural-astar': { color: '#009e73', symbol: d3.symbolTriangle },
} as const;

export interface LearnedPoint extends TradeoffPoint {
  kind: 'ia-star' | 'neural-astar';
}

interface TradeoffPlotProps {
  curve: readonly CurvePoint[];
  learned: readonly LearnedPoint[];
  width?: number;
  height?: number;
}

const M = { top: 14, right: 18, bottom: 42, left: 54 };
const LABEL_FIRST = [1.5, 2];

/**
 * Which curve points get a "w = …" label: greedily in order of `first` (indices), then the rest, each at least `gap`
 * px from every label kept and from `avoid` (the learned points).
 */
function labelled(at: [number, number][], avoid: [number, number][], first: number[], gap = 26): Set<number> {
  const kept: [number, number][] = [];
  const out = new Set<number>();
  const far = (p: [number, number], q: [number, number]) => Math.hypot(p[0] - q[0], p[1] - q[1]) >= gap;
  const order = [...first, ...at.map((_, i) => i)];
  for (const i of order) {
    const p = at[i];
    if (!p || out.has(i)) continue;
    if (kept.every((q) => far(p, q)) && avoid.every((q) => far(p, q))) {
      kept.push(p);
      out.add(i);
    }
  }
  return out;
}

/** Expansion ratio against path ratio: weighted A* as a curve over w, the learned planners as points. */
export function TradeoffPlot({ curve, learned, width = 480, height = 300 }: TradeoffPlotProps) {
  const shown = learned.filter((p) => Number.isFinite(p.pathRatio) && Number.isFinite(p.expandedRatio));
  const all = [...curve, ...shown].filter((p) => Number.isFinite(p.pathRatio));
  const xs = all.map((p) => p.pathRatio);
  const ys = all.map((p) => p.expandedRatio);
  const xMax = Math.max(1.01, ...xs);
  const x = d3
    .scaleLinear()
    .domain([Math.min(1, ...xs), xMax + (xMax - 1) * 0.08])
    .range([M.left, width - M.right])
    .nice();
  const y = d3
    .scaleLinear()
    .domain([0, Math.max(1.05, ...ys) * 1.05])
    .range([height - M.bottom, M.top])
    .nice();
  const line = d3
    .line<CurvePoint>()
    .x((p) => x(p.pathRatio))
    .y((p) => y(p.expandedRatio));
  const drawn = curve.filter((p) => Number.isFinite(p.pathRatio));
  const symbol = (type: d3.SymbolType, size = 90) => d3.symbol(type, size)() ?? '';
  const fmt = d3.format('.3~f');
  const withLabel = labelled(
    drawn.map((p) => [x(p.pathRatio), y(p.expandedRatio)]),
    shown.map((p) => [x(p.pathRatio), y(p.expandedRatio)]),
    // The ends, then the weights the table quotes.
    [0, drawn.length - 1, ...LABEL_FIRST.map((w) => drawn.findIndex((p) => p.weight === w))],
  );
  const legend = [
    { key: 'curve', text: 'weighted A*, w = 1 … 3' },
    ...shown.map((p) => ({ key: p.kind, text: p.label })),
  ] as const;

  return (
    <svg
      className="ia-tradeoff"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      role="img"
      aria-label="Trade-off: expanded cells against path length, both relative to A*; weighted A* as a curve over w, the learned planners as points"
      data-testid="tradeoff-plot"
    >
      <g aria-hidden="true">
        {x.ticks(6).map((t) => (
          <g key={`x${t}`} transform={`translate(${x(t)},0)`}>
            <line y1={M.top} y2={height - M.bottom} stroke="#e5e7eb" />
            <text y={height - M.bottom + 15} textAnchor="middle" fontSize="11" fill="#4b5563">
              {fmt(t)}
            </text>
          </g>
        ))}
        {y.ticks(5).map((t) => (
          <g key={`y${t}`} transform={`translate(0,${y(t)})`}>
            <line x1={M.left} x2={width - M.right} stroke="#e5e7eb" />
            <text x={M.left - 6} dy="0.32em" textAnchor="end" fontSize="11" fill="#4b5563">
              {fmt(t)}
            </text>
          </g>
        ))}
        <text
          x={(M.left + width - M.right) / 2}
          y={height - 6}
          textAnchor="middle"
          fontSize="12"
          fill="#111827"
        >
          path length / optimal
        </text>
        <text
          transform={`translate(14,${(M.top + height - M.bottom) / 2}) rotate(-90)`}
          textAnchor="middle"
          fontSize="12"
          fill="#111827"
        >
          expanded / A*&apos;s expanded
        </text>
        <path d={line(drawn) ?? ''} fill="none" stroke={TRADEOFF_STYLE.curve.color} strokeWidth="2" />
        {drawn.map((p, i) => (
          <g key={p.weight} transform={`translate(${x(p.pathRatio)},${y(p.expandedRatio)})`}>
            <path d={symbol(TRADEOFF_STYLE.curve.symbol, 30)} fill={TRADEOFF_STYLE.curve.color} />
            {withLabel.has(i) && (
              <text x="5" y={-6} fontSize="10" fill={TRADEOFF_STYLE.curve.color}>
                w={p.weight}
              </text>
            )}
          </g>
        ))}
        {shown.map((p) => (
          <g
            key={p.kind}
            transform={`translate(${x(p.pathRatio)},${y(p.expandedRatio)})`}
            data-testid={`tradeoff-${p.kind}`}
          >
            <path
              d={symbol(TRADEOFF_STYLE[p.kind].symbol)}
              fill={TRADEOFF_STYLE[p.kind].color}
              stroke="#fff"
              strokeWidth="1.5"
            />
            <text x="9" y="14" fontSize="12" fontWeight="600" fill={TRADEOFF_STYLE[p.kind].color}>
              {p.label}
            </text>
          </g>
        ))}
        <g transform={`translate(${width - M.right - 170},${height - M.bottom - 10 - 16 * legend.length})`}>
          <rect x="-6" y="-4" width="172" height={16 * legend.length + 6} fill="#fff" stroke="#e5e7eb" />
          {legend.map((l, i) => (
            <g key={l.key} transform={`translate(0,${16 * i + 8})`}>
              {l.key === 'curve' && (
                <line x1="0" x2="14" stroke={TRADEOFF_STYLE.curve.color} strokeWidth="2" />
              )}
              <path
                transform="translate(7,0)"
                d={symbol(TRADEOFF_STYLE[l.key].symbol, l.key === 'curve' ? 30 : 60)}
                fill={TRADEOFF_STYLE[l.key].color}
              />
              <text x="20" dy="0.32em" fontSize="11" fill="#111827">
                {l.text}
              </text>
            </g>
          ))}
        </g>
      </g>
    </svg>
  );
}
