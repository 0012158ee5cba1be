import type { CompareRow } from '../allocation/compare';
import { METHOD_LABEL } from './colors';

interface ResultTableProps {
  rows: CompareRow[] | null;
  busy: boolean;
  onRun: () => void;
  onShow: (row: CompareRow) => void;
  shown: string | null;
}

/** Learned vs every baseline on the instance in the editor: longest tour, total, time, ratio to the local search. */
export function ResultTable({ rows, busy, onRun, onShow, shown }: ResultTableProps) {
  const reference = rows?.find((r) => r.method === 'local-search')?.maxTour ?? NaN;
  const best = rows ? Math.min(...rows.map((r) => r.maxTour)) : NaN;
  return (
    <section className="panel" aria-labelledby="imtsp-compare-title">
      <div className="panel-head">
        <h2 id="imtsp-compare-title">This instance, every method</h2>
        <div className="panel-actions">
          <button type="button" onClick={onRun} disabled={busy} data-testid="compare-run">
            {busy ? 'Solving…' : 'Compare again'}
          </button>
        </div>
      </div>
      <table className="data-table" data-testid="compare-table">
        <thead>
          <tr>
            <th scope="col">method</th>
            <th scope="col">longest tour U</th>
            <th scope="col">total L</th>
            <th scope="col">U / local search</th>
            <th scope="col">time</th>
            <th scope="col">
              <span className="imtsp-sr-only">show tours</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {(rows ?? []).map((r) => (
            <tr key={r.method} className={r.method === shown ? 'row-active' : undefined}>
              <th scope="row">{METHOD_LABEL[r.method] ?? r.method}</th>
              <td className={r.maxTour <= best + 1e-9 ? 'imtsp-best' : undefined}>{r.maxTour.toFixed(4)}</td>
              <td>{r.sumTour.toFixed(4)}</td>
              <td>{(r.maxTour / reference).toFixed(3)}</td>
              <td>{r.ms < 10 ? r.ms.toFixed(2) : r.ms.toFixed(0)} ms</td>
              <td>
                <button type="button" onClick={() => onShow(r)} aria-pressed={r.method === shown}>
                  show
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!rows && <p className="hint">{busy ? 'Solving with every method…' : 'No comparison yet.'}</p>}
      <p className="hint">
        Learned = the network’s argmax allocation and 15 allocations sampled from π, each solved by the TSP
        engine g, the best kept. The local search is capped at 3 s here.
      </p>
    </section>
  );
}
