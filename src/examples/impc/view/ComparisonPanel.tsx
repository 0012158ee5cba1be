import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { CommandChannel } from '../../../il/example/contract';
import type { EvaluationResult, ImpcCommands } from '../contract';
import { CONTROLLER_COLORS } from './colors';

interface Props {
  channel: CommandChannel<ImpcCommands>;
  onError: (message: string) => void;
  /** Training step of the latest report (shown next to the result, so a stale table is visible). */
  step: number;
}

const fmt = (v: number | null, digits: number): string =>
  v === null ? '—' : Number.isFinite(v) ? v.toFixed(digits) : 'never';

/**
 * iMPC against the MPC with the starting parameters on the raw IMU and the PID baseline, on held-out
 * disturbance scenarios (step, gust, step wind; three seeds each) and a gust-speed sweep.
 */
export function ComparisonPanel({ channel, onError, step }: Props) {
  const [result, setResult] = useState<{ data: EvaluationResult; step: number } | null>(null);
  const [busy, setBusy] = useState(true);
  const [request, setRequest] = useState(0);
  // The channel object is new on every render of the page: keep the latest in a ref, never in effect deps.
  const latest = useRef({ step, onError, channel });
  useLayoutEffect(() => {
    latest.current = { step, onError, channel };
  });

  // Runs on mount and on every "Compare now" (which bumps `request`).
  useEffect(() => {
    let live = true;
    const at = latest.current.step;
    latest.current.channel
      .command('evaluate', { maxWind: true })
      .then((data) => {
        if (live) setResult({ data, step: at });
      })
      .catch((e: unknown) =>
        latest.current.onError(`comparison failed: ${e instanceof Error ? e.message : String(e)}`),
      )
      .finally(() => {
        if (live) setBusy(false);
      });
    return () => {
      live = false;
    };
  }, [request]);

  const run = useCallback(() => {
    setBusy(true);
    setRequest((r) => r + 1);
  }, []);

  // A reset or loaded run starts counting again: an older table no longer describes ψ.
  const current = result !== null && step >= result.step ? result : null;

  return (
    <section className="panel" aria-labelledby="impc-compare-title">
      <div className="panel-head">
        <h2 id="impc-compare-title">Held-out disturbances: iMPC vs baselines</h2>
        <div className="panel-actions">
          <button type="button" onClick={run} disabled={busy} data-testid="impc-compare">
            {busy ? 'Flying…' : 'Compare now'}
          </button>
        </div>
      </div>
      <p className="hint">
        The same seeded scenarios for every controller: a 10° attitude step, an 8 m/s gust and a 6 m/s steady
        wind, three seeds each (errors on the true attitude). Max stable gust: the strongest 0.3 s gust every
        seed survives.
        {current
          ? ` Measured at step ${current.step}.`
          : result && !busy
            ? ' The run restarted: compare again.'
            : ''}
      </p>
      <table className="data-table" data-testid="impc-metrics">
        <thead>
          <tr>
            <th scope="col">controller</th>
            <th scope="col">RMSE (°)</th>
            <th scope="col">steady-state (°)</th>
            <th scope="col">settling (s)</th>
            <th scope="col">max stable gust (m/s)</th>
          </tr>
        </thead>
        <tbody>
          {(current?.data.rows ?? []).map((r) => (
            <tr key={r.id} className={r.id === 'impc' ? 'row-active' : undefined}>
              <th scope="row">
                <span
                  className="impc-swatch"
                  style={{ background: CONTROLLER_COLORS[r.id] }}
                  aria-hidden="true"
                />
                {r.label}
              </th>
              <td>{fmt(r.rmseDeg, 3)}</td>
              <td>{fmt(r.steadyStateErrorDeg, 3)}</td>
              <td>{fmt(r.settlingTimeS, 2)}</td>
              <td>{fmt(r.maxStableWind, 2)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {current && (
        <p className="hint">
          Learned p: mass off by {current.data.massErrorPct.toFixed(2)} %, inertia off by{' '}
          {current.data.inertiaErrorPct.toFixed(2)} % (worst axis).
        </p>
      )}
    </section>
  );
}
