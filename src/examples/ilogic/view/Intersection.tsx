import type { IlogicSnapshot } from '../contract';
import { ACTIONS } from '../rules';
import { isRoad } from '../scene';
import { PATCH } from '../sprites';

const CELL = 30;
const ACTION_COLOR = ['#d9a400', '#4a8fd9', '#2aa65c', '#d9412b'];

/** The held-out scene: roads, each agent's sprite (the very pixels f(θ, ·) sees), predicted vs true action. */
export function Intersection({ snapshot }: { snapshot: IlogicSnapshot }) {
  const g = snapshot.grid;
  const size = g * CELL;
  const px = CELL / (PATCH + 1);
  const correct = snapshot.agents.filter((a) => a.predictedAction === a.trueAction).length;
  return (
    <svg
      width={size}
      height={size}
      viewBox={`0 0 ${size} ${size}`}
      role="img"
      aria-label={`Intersection with ${snapshot.agents.length} agents; ${correct} next actions predicted correctly`}
      data-testid="ilogic-scene"
    >
      {Array.from({ length: g * g }, (_, k) => {
        const r = Math.floor(k / g);
        const c = k % g;
        return (
          <rect
            key={k}
            x={c * CELL}
            y={r * CELL}
            width={CELL}
            height={CELL}
            fill={isRoad(g, r, c) ? '#5a5a61' : '#b9d7a8'}
            stroke="#00000012"
          />
        );
      })}
      {snapshot.agents.map((a, i) => (
        <g key={i} transform={`translate(${a.col * CELL + px / 2}, ${a.row * CELL + px / 2})`}>
          {Array.from({ length: PATCH * PATCH }, (_, p) => {
            const [r, gr, b] = [0, 1, 2].map((ch) => Math.round(255 * a.sprite[p * 3 + ch]));
            return (
              <rect
                key={p}
                x={(p % PATCH) * px}
                y={Math.floor(p / PATCH) * px}
                width={px}
                height={px}
                fill={`rgb(${r},${gr},${b})`}
              />
            );
          })}
          <rect
            x={-px / 2}
            y={-px / 2}
            width={CELL}
            height={CELL}
            fill="none"
            strokeWidth={3}
            stroke={ACTION_COLOR[a.predictedAction]}
          >
            <title>{`agent ${i + 1} (${a.type}): predicted ${ACTIONS[a.predictedAction]}, true ${ACTIONS[a.trueAction]}`}</title>
          </rect>
          {a.predictedAction !== a.trueAction && (
            <text
              x={CELL - px}
              y={px}
              fontSize={12}
              fontWeight="bold"
              fill="#fff"
              stroke="#000"
              strokeWidth={0.5}
            >
              ✗
            </text>
          )}
        </g>
      ))}
    </svg>
  );
}

export function ActionLegend() {
  return (
    <p className="hint">
      Frame colour = predicted next action:{' '}
      {ACTIONS.map((a, i) => (
        <span key={a} style={{ fontWeight: 600, marginRight: 8 }}>
          <span aria-hidden="true" style={{ color: ACTION_COLOR[i] }}>
            ■
          </span>{' '}
          {a}
        </span>
      ))}
      ✗ marks a wrong prediction.
    </p>
  );
}
