import { useState } from 'react';
import type { CommandChannel } from '../../../il/example/contract';
import type { GradientCheckRow } from '../gradients/gradient-check';
import type { EvaluationRow, IslamCommands } from '../contract';
import { EvaluationTable } from './ErrorsTable';

/** On demand: the gradient check against finite differences and the baselines on the held-out drives. */
export function ChecksPanel({
  channel,
  notify,
}: {
  channel: CommandChannel<IslamCommands>;
  notify: (kind: 'error', message: string) => void;
}) {
  const [checks, setChecks] = useState<GradientCheckRow[] | null>(null);
  const [rows, setRows] = useState<EvaluationRow[] | null>(null);
  const [busy, setBusy] = useState(false);
  const run = <T,>(p: Promise<T>, set: (v: T) => void) => {
    setBusy(true);
    p.then(set)
      .catch((e: unknown) => notify('error', e instanceof Error ? e.message : String(e)))
      .finally(() => setBusy(false));
  };
  return (
    <section className="panel" aria-labelledby="islam-checks-title">
      <h2 id="islam-checks-title">Gradient check and baselines</h2>
      <div className="field-row">
        <button
          type="button"
          data-testid="islam-gradient-check"
          disabled={busy}
          onClick={() => run(channel.command('gradientCheck', { llIterations: [1, 3, 10, 200] }), setChecks)}
        >
          Check gradients (finite differences)
        </button>
        <button type="button" disabled={busy} onClick={() => run(channel.command('evaluate', {}), setRows)}>
          Compare on held-out drives
        </button>
      </div>
      {checks && (
        <table className="data-table" data-testid="islam-check-table">
          <thead>
            <tr>
              <th scope="col">LL stopped after</th>
              <th scope="col">max |∇_P L|</th>
              <th scope="col">one-step vs FD</th>
              <th scope="col">implicit vs FD</th>
            </tr>
          </thead>
          <tbody>
            {checks.map((c) => (
              <tr key={c.llIterations}>
                <th scope="row">{c.llIterations} LM it.</th>
                <td>{c.maxGradient.toExponential(1)}</td>
                <td>{c.oneStepRelError.toExponential(2)}</td>
                <td>{c.implicitRelError.toExponential(2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {rows && <EvaluationTable rows={rows} />}
      <p className="hint">
        Relative error of ⟨∇V, d⟩ against central differences of V(z) = min_P L, along 6 seeded directions;
        every V a converged LM solve.
      </p>
    </section>
  );
}
