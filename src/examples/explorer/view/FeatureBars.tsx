import * as d3 from 'd3';
import type { ExplorerSnapshot } from '../contract';
import { KIND_COLOR } from './colors';

/** θ_j (log regularisation) and μ_j against the true weight, one column per feature, coloured by what it really is. */
export function FeatureBars({ snapshot }: { snapshot: ExplorerSnapshot }) {
  const d = snapshot.theta.length;
  const width = 560;
  const height = 230;
  const m = { left: 44, right: 10, top: 18, bottom: 26 };
  const band = d3
    .scaleBand<number>()
    .domain(d3.range(d))
    .range([m.left, width - m.right])
    .padding(0.2);
  const half = (height - m.top - m.bottom) / 2;
  const thetaMax = Math.max(6, d3.max(snapshot.theta, Math.abs) ?? 1);
  const yTheta = d3
    .scaleLinear()
    .domain([-thetaMax, thetaMax])
    .range([m.top + half - 4, m.top]);
  const wMax = Math.max(0.5, d3.max([...snapshot.mu, ...snapshot.trueWeights], Math.abs) ?? 1);
  const yW = d3
    .scaleLinear()
    .domain([-wMax, wMax])
    .range([height - m.bottom, m.top + half + 8]);
  return (
    <figure className="figure">
      <svg
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label="Per-feature regularisation θ and weights μ"
      >
        <text x={4} y={m.top + 8} fontSize={11} fill="#374151">
          θ_j
        </text>
        <line x1={m.left} x2={width - m.right} y1={yTheta(0)} y2={yTheta(0)} stroke="#9ca3af" />
        <text x={4} y={m.top + half + 20} fontSize={11} fill="#374151">
          μ_j
        </text>
        <line x1={m.left} x2={width - m.right} y1={yW(0)} y2={yW(0)} stroke="#9ca3af" />
        {snapshot.theta.map((t, j) => {
          const x = band(j)!;
          const kind = snapshot.featureKinds[j];
          return (
            <g key={j}>
              <title>{`feature ${j} (${kind}): θ = ${t.toFixed(2)}, λ = e^θ = ${Math.exp(t).toPrecision(3)}, μ = ${snapshot.mu[j].toFixed(3)}, true w = ${snapshot.trueWeights[j].toFixed(3)}`}</title>
              <rect
                x={x}
                width={band.bandwidth()}
                y={Math.min(yTheta(t), yTheta(0))}
                height={Math.abs(yTheta(t) - yTheta(0))}
                fill={KIND_COLOR[kind]}
              />
              <rect
                x={x}
                width={band.bandwidth() / 2}
                y={Math.min(yW(snapshot.mu[j]), yW(0))}
                height={Math.abs(yW(snapshot.mu[j]) - yW(0))}
                fill={KIND_COLOR[kind]}
                opacity={0.85}
              />
              <rect
                x={x + band.bandwidth() / 2}
                width={band.bandwidth() / 2}
                y={Math.min(yW(snapshot.trueWeights[j]), yW(0))}
                height={Math.abs(yW(snapshot.trueWeights[j]) - yW(0))}
                fill="none"
                stroke="#111827"
                strokeDasharray="2 2"
              />
              <text
                x={x + band.bandwidth() / 2}
                y={height - 8}
                fontSize={10}
                textAnchor="middle"
                fill="#374151"
              >
                {j}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        Bars per feature: θ_j on top (tall = strongly regularised), below μ_j (filled) beside the true weight
        (dashed). Colours: <span style={{ color: KIND_COLOR.relevant }}>relevant</span>,{' '}
        <span style={{ color: KIND_COLOR.irrelevant }}>irrelevant</span>,{' '}
        <span style={{ color: KIND_COLOR.noisy }}>noisy</span>.
      </figcaption>
    </figure>
  );
}
