import { useCallback } from 'react';
import { numberParam, type ExampleParams } from '../../../il/problem';
import type { CommandChannel } from '../../../il/example/contract';
import { Slider } from '../../../ui/Slider';
import { useThrottledCommand } from '../../../ui/use-throttled-command';
import type { ImpcCommands } from '../contract';

interface Props {
  channel: CommandChannel<ImpcCommands>;
  viewState: ExampleParams;
  setViewState: (patch: ExampleParams) => void;
  onError: (message: string) => void;
  /** Re-checked as training moves ψ (every 25 steps). */
  step: number;
  defaultK: number;
}

const e = (v: number): string => (Number.isFinite(v) ? v.toExponential(2) : String(v));
const g = (v: number): string => v.toPrecision(4);
const good = (rel: number): string => (rel < 1e-3 ? 'impc-ok' : 'impc-bad');

/**
 * The live gradient check at the current ψ: dU/dp through the MPC (implicit KKT and unrolled K iterations),
 * with the applied input held, and dU/dθ, each against central finite differences (the MPC re-solved).
 */
export function GradientCheckPanel({ channel, viewState, setViewState, onError, step, defaultK }: Props) {
  const K = Math.round(numberParam(viewState, 'K', defaultK, 10, 12000));
  const report = useCallback((m: string) => onError(m), [onError]);
  const check = useThrottledCommand(
    channel,
    'gradcheck',
    { unrollK: K },
    `${K}|${Math.floor(step / 25)}`,
    400,
    report,
  );
  return (
    <section className="panel" aria-labelledby="impc-gradcheck-title">
      <h2 id="impc-gradcheck-title">Live gradient check: implicit vs unrolled vs finite differences</h2>
      <div className="field-row">
        <Slider
          label="K unrolled iterations"
          value={K}
          min={10}
          max={12000}
          log
          format={(v) => String(Math.round(v))}
          onChange={(v) => setViewState({ K: Math.round(v) })}
        />
      </div>
      <p className="hint">
        U = the gap on three fixed control steps with every first input off its bounds; finite differences
        re-solve the MPC for each probe. Unrolling needs thousands of iterations: H is badly conditioned.
      </p>
      {check ? (
        <>
          <table className="data-table" data-testid="impc-gradcheck">
            <thead>
              <tr>
                <th scope="col">dU/d</th>
                <th scope="col">implicit (KKT)</th>
                <th scope="col">unrolled K={check.unrollK}</th>
                <th scope="col">finite diff.</th>
                <th scope="col">applied input held</th>
              </tr>
            </thead>
            <tbody>
              {check.paramNames.map((name, j) => (
                <tr key={name}>
                  <th scope="row">{name}</th>
                  <td>{g(check.implicit[j])}</td>
                  <td>{g(check.unrolled[j])}</td>
                  <td>{g(check.finiteDifference[j])}</td>
                  <td>{g(check.applied[j])}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">rel. error</th>
                <td className={good(check.implicitRelError)} data-testid="impc-implicit-error">
                  {e(check.implicitRelError)}
                </td>
                <td className={good(check.unrolledRelError)} data-testid="impc-unrolled-error">
                  {e(check.unrolledRelError)}
                </td>
                <td>reference</td>
                <td className={good(check.appliedRelError)}>{e(check.appliedRelError)} (vs its own FD)</td>
              </tr>
            </tbody>
          </table>
          <p className="hint" data-testid="impc-theta-check">
            dU/dθ on the {check.thetaIndices.length} largest entries (
            {check.thetaPath === 'mpc' ? 'through the MPC' : 'applied input held'}, TypeScript upstream
            gradient + tfjs backward): rel. error{' '}
            <span className={good(check.thetaRelError)}>{e(check.thetaRelError)}</span> against finite
            differences.
          </p>
        </>
      ) : (
        <p className="loading">Checking gradients…</p>
      )}
    </section>
  );
}
