import type { EvaluateResponse } from '../contract.ts';

interface ComparisonTableProps {
  heldOut: EvaluateResponse | null;
  editor: EvaluateResponse | null;
  busy: 'held-out' | 'editor' | null;
  onHeldOut: () => void;
  onEditor: () => void;
}

const pct = (x: number) => (Number.isFinite(x) ? `${Math.round(100 * x)} %` : '–');
const num = (x: number, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : '–');
const fails = (m: { collisions: number; timeouts: number }) => `${m.collisions} / ${m.timeouts}`;

/**
 * Learned vs both classical planners (privileged; depth-only): success rate, SPL, failures, path length and
 * planning time, on held-out worlds and the editor's.
 */
export function ComparisonTable({ heldOut, editor, busy, onHeldOut, onEditor }: ComparisonTableProps) {
  const rows = [
    ...(heldOut?.rows ?? []).map((r) => ({ ...r, label: `held-out ${r.label}` })),
    ...(editor?.rows ?? []),
  ];
  return (
    <section className="panel" aria-labelledby="iplanner-compare-title">
      <div className="panel-head">
        <h2 id="iplanner-compare-title">Learned vs classical</h2>
        <div className="panel-actions">
          <button type="button" onClick={onHeldOut} disabled={busy !== null} data-testid="evaluate-held-out">
            {busy === 'held-out' ? 'Evaluating…' : 'Held-out worlds'}
          </button>
          <button type="button" onClick={onEditor} disabled={busy !== null} data-testid="evaluate-editor">
            {busy === 'editor' ? 'Driving…' : 'This world'}
          </button>
        </div>
      </div>
      <p className="hint">
        The learned planner drives, replanning 5× a second from its own depth image. Classical, privileged: A*
        on the fully known cost map, then smoothing, planned once. Classical, depth-only: the same depth
        images built into a map as it drives, A* + smoothing, replanning at the same rate. SPL = success ×
        shortest / taken length; fails: collisions / timeouts. Time: median ms per plan (learned: the network
        and the spline, batch of one; privileged: search and smoothing; depth-only: map update, cost map,
        search and smoothing).
      </p>
      {rows.length === 0 ? (
        <p className="hint">
          Run a comparison: held-out worlds are test-split seeds that training never sees.
        </p>
      ) : (
        <table className="data-table" data-testid="comparison-table">
          <thead>
            <tr>
              <th scope="col">episodes</th>
              <th scope="col">planner</th>
              <th scope="col">success</th>
              <th scope="col">SPL</th>
              <th scope="col">fails</th>
              <th scope="col">path (m)</th>
              <th scope="col">ms / plan</th>
            </tr>
          </thead>
          <tbody>
            {rows.flatMap((r) => [
              <tr key={`${r.label}-l`}>
                <th scope="row" rowSpan={r.comparison.depthOnly ? 3 : 2}>
                  {r.label} ({r.comparison.episodes})
                </th>
                <td>learned</td>
                <td>{pct(r.comparison.learned.successRate)}</td>
                <td>{num(r.comparison.learned.spl, 3)}</td>
                <td>{fails(r.comparison.learned)}</td>
                <td>{num(r.comparison.learned.meanPathLength)}</td>
                <td>{num(r.comparison.learned.msPerPlan, 3)}</td>
              </tr>,
              <tr key={`${r.label}-c`}>
                <td>classical, privileged</td>
                <td>{pct(r.comparison.classical.successRate)}</td>
                <td>{num(r.comparison.classical.spl, 3)}</td>
                <td>–</td>
                <td>{num(r.comparison.classical.meanPathLength)}</td>
                <td>{num(r.comparison.classical.msPerPlan, 3)}</td>
              </tr>,
              ...(r.comparison.depthOnly
                ? [
                    <tr key={`${r.label}-d`}>
                      <td>classical, depth-only</td>
                      <td>{pct(r.comparison.depthOnly.successRate)}</td>
                      <td>{num(r.comparison.depthOnly.spl, 3)}</td>
                      <td>{fails(r.comparison.depthOnly)}</td>
                      <td>{num(r.comparison.depthOnly.meanPathLength)}</td>
                      <td>{num(r.comparison.depthOnly.msPerPlan, 3)}</td>
                    </tr>,
                  ]
                : []),
            ])}
          </tbody>
        </table>
      )}
      {editor?.learnedStatus && (
        <p className="hint">
          In this world the learned robot{' '}
          {editor.learnedStatus === 'reached'
            ? 'reached the goal'
            : editor.learnedStatus === 'collided'
              ? 'collided'
              : 'ran out of time'}{' '}
          (its trace is drawn in purple).
        </p>
      )}
    </section>
  );
}
