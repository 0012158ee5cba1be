import type { BackendChoice } from '../il/backend-names';

const FAST = new Set(['webgpu', 'webgl']);

/** Which tfjs backend trains, how fast, and why any other was passed over (hover for the reasons). */
export function BackendBadge({
  choice,
  stepsPerSecond,
}: {
  choice: BackendChoice | null;
  stepsPerSecond?: number | null;
}) {
  if (!choice) return <span className="badge badge-pending">backend: starting…</span>;
  const reasons = choice.fallbacks.map((f) => `${f.name}: ${f.reason}`).join('\n');
  const about = choice.note ? `Running on ${choice.name}, ${choice.note}` : `Running on ${choice.name}`;
  const title = reasons ? `${about}\nPassed over:\n${reasons}` : about;
  const software = choice.note?.startsWith('software') ?? false;
  return (
    <span
      className={`badge ${FAST.has(choice.name) && !software ? 'badge-ok' : 'badge-warn'}`}
      title={title}
      data-testid="backend-badge"
      data-backend={choice.name}
    >
      backend: {choice.name}
      {software && ' (software)'}
      {stepsPerSecond != null && <span className="badge-rate"> · {formatRate(stepsPerSecond)} steps/s</span>}
      {choice.fallbacks.length > 0 && <span className="badge-note"> (fallback — hover for why)</span>}
    </span>
  );
}

function formatRate(r: number): string {
  return r >= 10 ? r.toFixed(0) : r.toPrecision(2);
}
