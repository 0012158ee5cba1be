import { scaleLinear } from 'd3';
import { useMemo } from 'react';

export interface PathLayer {
  /** Flat [x0, y0, x1, y1, …] in world metres. */
  points: readonly number[];
  color: string;
  width: number;
  label: string;
  dash?: string;
}

interface TrajectoryPlotProps {
  title: string;
  layers: PathLayer[];
  /** Pairs of pose indices into `anchor`, drawn as thin segments (loop closures, g2o edges). */
  links?: readonly (readonly [number, number])[];
  anchor?: readonly number[];
  /** One colour per segment of `segmentsOf` (residuals), drawn over that path. */
  segmentColors?: readonly string[];
  segmentsOf?: readonly number[];
  size?: number;
}

/** A 2D world seen from above, metres on equal axes (y up). */
export function TrajectoryPlot({
  title,
  layers,
  links,
  anchor,
  segmentColors,
  segmentsOf,
  size = 420,
}: TrajectoryPlotProps) {
  const { sx, sy } = useMemo(() => {
    let x0 = Infinity;
    let x1 = -Infinity;
    let y0 = Infinity;
    let y1 = -Infinity;
    for (const l of layers)
      for (let k = 0; k < l.points.length; k += 2) {
        x0 = Math.min(x0, l.points[k]);
        x1 = Math.max(x1, l.points[k]);
        y0 = Math.min(y0, l.points[k + 1]);
        y1 = Math.max(y1, l.points[k + 1]);
      }
    if (!Number.isFinite(x0)) [x0, x1, y0, y1] = [-1, 1, -1, 1];
    const span = Math.max(x1 - x0, y1 - y0, 1e-6) * 1.08;
    const cx = (x0 + x1) / 2;
    const cy = (y0 + y1) / 2;
    return {
      sx: scaleLinear()
        .domain([cx - span / 2, cx + span / 2])
        .range([10, size - 10]),
      sy: scaleLinear()
        .domain([cy - span / 2, cy + span / 2])
        .range([size - 10, 10]),
    };
  }, [layers, size]);
  const path = (pts: readonly number[]) => {
    let d = '';
    for (let k = 0; k < pts.length; k += 2)
      d += `${k === 0 ? 'M' : 'L'}${sx(pts[k]).toFixed(1)},${sy(pts[k + 1]).toFixed(1)}`;
    return d;
  };
  return (
    <figure className="islam-plot">
      <svg viewBox={`0 0 ${size} ${size}`} width="100%" role="img" aria-label={title}>
        <rect x={0} y={0} width={size} height={size} fill="var(--panel-bg, #fff)" stroke="#ccc" />
        {links && anchor && (
          <g stroke="#2a9d8f" strokeWidth={0.8} opacity={0.7}>
            {links.map(([i, j], k) => (
              <line
                key={k}
                x1={sx(anchor[2 * i])}
                y1={sy(anchor[2 * i + 1])}
                x2={sx(anchor[2 * j])}
                y2={sy(anchor[2 * j + 1])}
              />
            ))}
          </g>
        )}
        {layers.map((l) => (
          <path
            key={l.label}
            d={path(l.points)}
            fill="none"
            stroke={l.color}
            strokeWidth={l.width}
            strokeDasharray={l.dash}
          />
        ))}
        {segmentColors && segmentsOf && (
          <g strokeWidth={2.5}>
            {segmentColors.map((c, k) => (
              <line
                key={k}
                x1={sx(segmentsOf[2 * k])}
                y1={sy(segmentsOf[2 * k + 1])}
                x2={sx(segmentsOf[2 * k + 2])}
                y2={sy(segmentsOf[2 * k + 3])}
                stroke={c}
              />
            ))}
          </g>
        )}
      </svg>
      <figcaption>
        {layers.map((l) => (
          <span key={l.label} className="legend-item">
            <svg width="18" height="8" aria-hidden="true">
              <line x1="0" y1="4" x2="18" y2="4" stroke={l.color} strokeWidth={3} strokeDasharray={l.dash} />
            </svg>{' '}
            {l.label}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
