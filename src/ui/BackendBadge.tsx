import type { BackendChoice } from '../il/backend-names';

const FAST = new Set(['webgpu', 'webgl']);

/** Which tfjs backend trains, and why any faster one was passed over. */
export function BackendBadge({ choice }: { choice: BackendChoice | null }) {
  if (!choice) return <span className="badge badge-pending">backend: starting…</span>;
  const reasons = choice.fallbacks.map((f) => `${f.name}: ${f.reason}`).join('\n');
  const title = reasons ? `Fell back from:\n${reasons}` : `Running on ${choice.name}`;
  return (
    <span
      className={`badge ${FAST.has(choice.name) ? 'badge-ok' : 'badge-warn'}`}
      title={title}
      data-testid="backend-badge"
      data-backend={choice.name}
    >
      backend: {choice.name}
      {choice.fallbacks.length > 0 && <span className="badge-note"> (fallback — hover for why)</span>}
    </span>
  );
}
