import type { MethodResult } from '../compare';
import { METHOD_LABEL } from './colors';
import { Slider } from '../../../ui/Slider';

interface Props {
  rows: MethodResult[] | null;
  unrollSteps: number;
  cgIterations: number;
  onUnrollSteps: (k: number) => void;
  onCgIterations: (n: number) => void;
  trainingMethod: MethodResult['method'];
}

const fmtErr = (e: number) => (e === 0 ? '0 (reference)' : e.toExponential(2));

/** The four hypergradients at the current θ: their relative error against the closed form and their cost. */
export function HypergradientTable({
  rows,
  unrollSteps,
  cgIterations,
  onUnrollSteps,
  onCgIterations,
  trainingMethod,
}: Props) {
  const maxAbs = rows ? Math.max(1e-12, ...rows[0].gradient.map(Math.abs)) : 1;
  return (
    <section className="panel" aria-labelledby="hypergrad-title">
      <h2 id="hypergrad-title">Hypergradient dU/dθ at the current θ</h2>
      <div className="field-row">
        <Slider
          label="K unrolled steps"
          value={unrollSteps}
          min={1}
          max={300}
          onChange={(v) => onUnrollSteps(Math.round(v))}
        />
        <Slider
          label="n CG iterations"
          value={cgIterations}
          min={1}
          max={50}
          onChange={(v) => onCgIterations(Math.round(v))}
        />
      </div>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Hypergradients by method">
        <table className="data-table" data-testid="hypergradient-table">
          <thead>
            <tr>
              <th scope="col">method</th>
              <th scope="col">dU/dθ (per feature)</th>
              <th scope="col">rel. error vs (a)</th>
              <th scope="col">abs. error</th>
              <th scope="col">ms</th>
            </tr>
          </thead>
          <tbody>
            {(rows ?? []).map((r) => (
              <tr key={r.method} className={r.method === trainingMethod ? 'row-active' : undefined}>
                <th scope="row">
                  {METHOD_LABEL[r.method]}
                  {r.method === 'unrolled' && ` K=${unrollSteps}`}
                  {r.method === 'implicit' && ` n=${cgIterations}`}
                  {r.method === trainingMethod && ' ← trains'}
                </th>
                <td>
                  <svg
                    width={88}
                    height={22}
                    viewBox="0 0 120 22"
                    preserveAspectRatio="none"
                    role="img"
                    aria-label={`gradient of ${r.method}`}
                  >
                    <line x1={0} x2={120} y1={11} y2={11} stroke="#d1d5db" />
                    {r.gradient.map((g, j) => {
                      const w = 120 / r.gradient.length;
                      const h = (Math.abs(g) / maxAbs) * 10;
                      return (
                        <rect
                          key={j}
                          x={j * w + 1}
                          width={Math.max(1, w - 2)}
                          y={g > 0 ? 11 - h : 11}
                          height={h}
                          fill={g > 0 ? '#c2410c' : '#1d4ed8'}
                        />
                      );
                    })}
                  </svg>
                </td>
                <td data-testid={`error-${r.method}`}>{fmtErr(r.relativeError)}</td>
                <td>{r.absoluteError === 0 ? '0' : r.absoluteError.toExponential(2)}</td>
                <td>{r.ms.toFixed(3)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!rows && <p className="hint">Computing…</p>}
      <p className="hint">
        Near the optimum ‖dU/dθ‖ itself tends to 0, so relative errors grow there; read the absolute error
        too.
      </p>
    </section>
  );
}
