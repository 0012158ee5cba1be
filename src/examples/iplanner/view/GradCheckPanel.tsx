import type { GradientCheck } from '../learning/gradcheck.ts';

const sci = (x: number) => (Number.isFinite(x) ? x.toExponential(1) : '–');
const fix = (x: number) => (Number.isFinite(x) ? x.toFixed(4) : '–');

/** The live gradient check of key points → W → U (and of L), refreshed as training runs. */
export function GradCheckPanel({ check }: { check: GradientCheck | null }) {
  return (
    <section className="panel" aria-labelledby="iplanner-gradcheck-title">
      <h2 id="iplanner-gradcheck-title">Gradient check: ∂U/∂P through the spline</h2>
      <p className="hint">
        At the current plan in this world: the gradient training hands to θ (tfjs, through the bridge and the
        constant matrix B), the same chain in TypeScript (Bᵀ ∂U/∂W), and central finite differences of U (h ={' '}
        {check ? check.h : '1e-6'} m).
      </p>
      {check ? (
        <>
          <p className="iplanner-metrics" data-testid="gradcheck-errors">
            relative error: tfjs <strong>{sci(check.relErrorTfjs)}</strong> · TypeScript{' '}
            <strong>{sci(check.relErrorAnalytic)}</strong> · ∂L/∂P = 2QP{' '}
            <strong>{sci(check.relErrorLower)}</strong>
          </p>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">key point</th>
                <th scope="col">∂U/∂x tfjs</th>
                <th scope="col">∂U/∂x FD</th>
                <th scope="col">∂U/∂y tfjs</th>
                <th scope="col">∂U/∂y FD</th>
              </tr>
            </thead>
            <tbody>
              {Array.from({ length: check.keypoints.length / 2 }, (_, i) => (
                <tr key={i}>
                  <th scope="row">p{i + 1}</th>
                  <td>{fix(check.tfjs[2 * i])}</td>
                  <td>{fix(check.numeric[2 * i])}</td>
                  <td>{fix(check.tfjs[2 * i + 1])}</td>
                  <td>{fix(check.numeric[2 * i + 1])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : (
        <p className="loading">Checking…</p>
      )}
    </section>
  );
}
