import { useState } from 'react';
import type { CommandChannel } from '../../../il/example/contract';
import type { HeldOutRow } from '../allocation/compare';
import { heldOutVerdict } from '../allocation/held-out-verdict';
import type { EvaluateRequest, ImtspCommands } from '../contract';
import { METHOD_LABEL } from './colors';

/** The bench's grid (N = 200, 500, 1 000 × M = 5, 10, 15), smallest first so the first click is quick. */
const SIZES = [200, 500, 1000].flatMap((cities) => [5, 10, 15].map((agents) => ({ cities, agents })));
const FAMILIES = ['uniform', 'clustered'] as const;

/** Held-out evaluation on fresh random instances (never seen in training), as ratios to the local search. */
export function HeldOutPanel({
  channel,
  onError,
}: {
  channel: CommandChannel<ImtspCommands>;
  onError: (m: string) => void;
}) {
  const [size, setSize] = useState(0);
  const [family, setFamily] = useState<(typeof FAMILIES)[number]>('uniform');
  const [rows, setRows] = useState<HeldOutRow[] | null>(null);
  const [busy, setBusy] = useState(false);
  const verdict = rows ? heldOutVerdict(rows) : null;
  const run = () => {
    const { cities, agents } = SIZES[size];
    const request: EvaluateRequest = {
      cities,
      agents,
      count: cities >= 500 ? 2 : 4,
      distribution: family,
      localSearchMs: 3000,
      samples: 0,
    };
    setBusy(true);
    channel
      .command('evaluate', request)
      .then(setRows)
      .catch((e: unknown) =>
        onError(`held-out evaluation failed: ${e instanceof Error ? e.message : String(e)}`),
      )
      .finally(() => setBusy(false));
  };
  return (
    <section className="panel" aria-labelledby="imtsp-heldout-title">
      <h2 id="imtsp-heldout-title">Held-out instances</h2>
      <div className="field-row">
        <label className="field">
          size
          <select value={size} onChange={(e) => setSize(Number(e.target.value))}>
            {SIZES.map((s, i) => (
              <option key={i} value={i}>
                N = {s.cities}, M = {s.agents}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          cities
          <select
            value={family}
            onChange={(e) => setFamily(FAMILIES.find((f) => f === e.target.value) ?? 'uniform')}
          >
            {FAMILIES.map((f) => (
              <option key={f} value={f}>
                {f}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={run} disabled={busy} data-testid="heldout-run">
          {busy ? 'Evaluating…' : 'Evaluate'}
        </button>
      </div>
      {rows && (
        <table className="data-table" data-testid="heldout-table">
          <thead>
            <tr>
              <th scope="col">method</th>
              <th scope="col">mean U / local search</th>
              <th scope="col">mean longest tour</th>
              <th scope="col">mean time</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.method}>
                <th scope="row">{METHOD_LABEL[r.method] ?? r.method}</th>
                <td>{r.meanRatio.toFixed(3)}</td>
                <td>{r.meanMaxTour.toFixed(4)}</td>
                <td className="imtsp-nowrap">{r.meanMs.toFixed(1)} ms</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {verdict && (
        <ul className="verdict-list" data-testid="heldout-verdict">
          <li className={verdict.clustering.wins ? 'verdict-yes' : 'verdict-no'}>
            {verdict.clustering.text}
          </li>
          <li>{verdict.localSearch.text}</li>
        </ul>
      )}
      <p className="hint">
        Fresh instances from a seed stream training never draws from. Learned = the network’s allocation
        (greedy: each city to its most likely agent) + the TSP engine, no local search; learned + local search
        = the min-max local search started from it (its time includes the learned solve); the local search
        starts from the clustering.
      </p>
    </section>
  );
}
