import { agentColor } from './colors';

/** One bar per agent: its tour length; the longest (the min-max cost U) is marked. */
export function AgentBars({ lengths }: { lengths: readonly number[] }) {
  const max = Math.max(1e-12, ...lengths);
  const longest = lengths.indexOf(Math.max(...lengths));
  const rowH = 20;
  const width = 330;
  const labelW = 60;
  const valueW = 86;
  const barW = width - labelW - valueW;
  return (
    <svg
      className="imtsp-bars"
      viewBox={`0 0 ${width} ${lengths.length * rowH + 4}`}
      role="img"
      aria-label={`Tour length per agent: ${lengths.map((l, a) => `agent ${a + 1} ${l.toFixed(3)}`).join(', ')}`}
      data-testid="agent-bars"
    >
      {lengths.map((l, a) => (
        <g key={a} transform={`translate(0, ${a * rowH + 2})`}>
          <text x={0} y={14} fontSize={12} fill="#374151">
            agent {a + 1}
          </text>
          <rect
            x={labelW}
            y={3}
            width={(l / max) * barW}
            height={rowH - 6}
            fill={agentColor(a)}
            stroke={a === longest ? '#111827' : 'none'}
            strokeWidth={2}
          />
          <text
            x={labelW + barW + 6}
            y={14}
            fontSize={12}
            fill="#111827"
            fontWeight={a === longest ? 700 : 400}
          >
            {l.toFixed(3)}
            {a === longest ? ' ◂ U' : ''}
          </text>
        </g>
      ))}
    </svg>
  );
}
