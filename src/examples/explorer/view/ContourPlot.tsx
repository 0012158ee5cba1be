import * as d3 from 'd3';
import { useMemo } from 'react';
import type { ContourGrid } from '../compare';

interface Props {
  grid: ContourGrid | null;
  /** θ after every step; only the two axes are drawn. */
  path: number[][];
  features: number;
  axisI: number;
  axisJ: number;
  onAxes: (i: number, j: number) => void;
}

const SIZE = 300;
const M = 34;

/** U over two θ_j (the rest held at the current θ) as filled contours, with the descent path of training on top. */
export function ContourPlot({ grid, path, features, axisI, axisJ, onAxes }: Props) {
  const contours = useMemo(() => {
    if (!grid) return null;
    const n = grid.ticks.length;
    const logValues = grid.values.map((v) => Math.log10(Math.max(v, 1e-12)));
    const lo = d3.min(logValues)!;
    // The lowest band starts at the minimum itself, so no part of the grid is left unfilled.
    const thresholds = [lo, ...d3.ticks(lo, d3.max(logValues)!, 14).filter((t) => t > lo)];
    return { n, thresholds, shapes: d3.contours().size([n, n]).thresholds(thresholds)(logValues) };
  }, [grid]);
  const lo = grid?.ticks[0] ?? -6;
  const hi = grid?.ticks[grid.ticks.length - 1] ?? 6;
  const x = d3
    .scaleLinear()
    .domain([lo, hi])
    .range([M, SIZE - 6]);
  const y = d3
    .scaleLinear()
    .domain([lo, hi])
    .range([SIZE - M + 6, 6]);
  const color = d3
    .scaleSequential(d3.interpolateViridis)
    .domain(
      contours ? [contours.thresholds[contours.thresholds.length - 1], contours.thresholds[0]] : [1, 0],
    );
  // Contour coordinates are in grid-index space; map them to θ space.
  const n = contours?.n ?? 2;
  const toTheta = (k: number) => lo + ((hi - lo) * k) / (n - 1);
  const projection = d3.geoTransform({
    point(px, py) {
      this.stream.point(x(toTheta(px - 0.5)), y(toTheta(py - 0.5)));
    },
  });
  const geoPath = d3.geoPath(projection);
  const clampTheta = (v: number) => Math.min(hi, Math.max(lo, v));
  const pathPoints = path.map(
    (p) => [x(clampTheta(p[axisI] ?? 0)), y(clampTheta(p[axisJ] ?? 0))] as [number, number],
  );
  const polyline = pathPoints.map((p) => p.join(',')).join(' ');
  const options = d3.range(features);
  const start = pathPoints[0];
  const end = pathPoints[pathPoints.length - 1];
  return (
    <section className="panel" aria-labelledby="contour-title">
      <h2 id="contour-title">U over two regularisers, and the descent path</h2>
      <div className="field-row">
        <label className="field">
          horizontal
          <select value={axisI} onChange={(e) => onAxes(Number(e.target.value), axisJ)}>
            {options.map((j) => (
              <option key={j} value={j} disabled={j === axisJ}>
                θ{j}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          vertical
          <select value={axisJ} onChange={(e) => onAxes(axisI, Number(e.target.value))}>
            {options.map((j) => (
              <option key={j} value={j} disabled={j === axisI}>
                θ{j}
              </option>
            ))}
          </select>
        </label>
      </div>
      <svg
        width={SIZE}
        height={SIZE}
        viewBox={`0 0 ${SIZE} ${SIZE}`}
        role="img"
        aria-label={`Contour of U over θ${axisI} and θ${axisJ}`}
        data-testid="contour"
      >
        <rect x={M} y={6} width={SIZE - M - 6} height={SIZE - M} fill="#f3f4f6" />
        {contours?.shapes.map((c) => (
          <path key={c.value} d={geoPath(c) ?? ''} fill={color(c.value)} stroke="#ffffff" strokeWidth={0.3} />
        ))}
        <polyline points={polyline} fill="none" stroke="#ffffff" strokeWidth={3} />
        <polyline points={polyline} fill="none" stroke="#dc2626" strokeWidth={1.6} />
        {start && <circle cx={start[0]} cy={start[1]} r={3.5} fill="#ffffff" stroke="#111827" />}
        {end && <circle cx={end[0]} cy={end[1]} r={4.5} fill="#dc2626" stroke="#ffffff" />}
        {x.ticks(5).map((t) => (
          <text key={`x${t}`} x={x(t)} y={SIZE - M + 20} fontSize={10} textAnchor="middle" fill="#374151">
            {t}
          </text>
        ))}
        {y.ticks(5).map((t) => (
          <text key={`y${t}`} x={M - 4} y={y(t) + 3} fontSize={10} textAnchor="end" fill="#374151">
            {t}
          </text>
        ))}
        <text x={SIZE / 2} y={SIZE - 2} fontSize={11} textAnchor="middle" fill="#111827">
          θ{axisI}
        </text>
        <text
          x={10}
          y={SIZE / 2}
          fontSize={11}
          textAnchor="middle"
          fill="#111827"
          transform={`rotate(-90 10 ${SIZE / 2})`}
        >
          θ{axisJ}
        </text>
      </svg>
      <p className="hint">Colour: log₁₀ U (yellow low, purple high). White dot: start; red: current θ.</p>
    </section>
  );
}
