import { useState } from 'react';
import type { CommandChannel } from '../../../il/example/contract';
import type { ImtspCommands } from '../contract';
import type { EstimatorCheck } from '../learning/estimator-check';

/**
 * The live gradient check of this example: the lower level gives no derivative, but on 4 cities and 2 robots every
 * allocation can be enumerated, so ∇E[U] is exact and both estimators can be checked against it at the current θ, φ.
 */
export function EstimatorCheckPanel({
  channel,
  onError,
}: {
  channel: CommandChannel<ImtspCommands>;
  onError: (m: string) => void;
}) {
  const [check, setCheck] = useState<EstimatorCheck | null>(null);
  const [busy, setBusy] = useState(false);
  const run = () => {
    setBusy(true);
    channel
      .command('estimatorCheck', { batches: 400 })
      .then(setCheck)
      .catch((e: unknown) => onError(`estimator check failed: ${e instanceof Error ? e.message : String(e)}`))
      .finally(() => setBusy(false));
  };
  const rows = check
    ? ([
        ['REINFORCE', check.reinforce],
        ['surrogate', check.surrogate],
      ] as const)
    : [];
  return (
    <section className="panel" aria-labelledby="imtsp-check-title">
      <h2 id="imtsp-check-title">Estimators vs the exact gradient</h2>
      <p className="hint">
        4 cities, 2 robots: all 16 allocations enumerated give ∇ℓE[U] exactly; each estimator is averaged over
        400 batches of 8 samples at the current θ and φ (REINFORCE with the exact E[U] as its baseline, the
        best constant one).
      </p>
      <button type="button" onClick={run} disabled={busy} data-testid="estimator-check-run">
        {busy ? 'Checking…' : 'Check both estimators'}
      </button>
      {check && (
        <table className="data-table" data-testid="estimator-check-table">
          <thead>
            <tr>
              <th scope="col">estimator</th>
              <th scope="col">relative error of the mean</th>
              <th scope="col">error / standard error</th>
              <th scope="col">variance per batch</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([name, a]) => (
              <tr key={name}>
                <th scope="row">{name}</th>
                <td>{a.relativeError.toExponential(2)}</td>
                <td>{a.standardErrors.toFixed(2)}</td>
                <td>{a.variance.toExponential(2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {check && (
        <p className="hint">
          An unbiased estimator’s error is about one standard error (it shrinks as 1/√batches); a biased one’s
          would not.
        </p>
      )}
    </section>
  );
}
