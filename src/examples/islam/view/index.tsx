import { useMemo } from 'react';
import { defineView } from '../../../ui/define-view';
import type { ExampleViewProps } from '../../../ui/example-view';
import { Slider } from '../../../ui/Slider';
import { numberParam } from '../../../il/problem';
import manifest from '../manifest';
import type { IslamCommands, IslamSnapshot } from '../contract';
import { GRADIENTS, MODES, type GradientMethod, type IslamParams, type Mode } from '../params';
import { ShowcaseErrors } from './ErrorsTable';
import { TrajectoryPlot } from './TrajectoryPlot';
import { ChecksPanel } from './ChecksPanel';
import { G2oPanel } from './G2oPanel';

const MODE_LABEL: Record<Mode, string> = {
  loop: 'loop closures (whole drive)',
  window: 'faithful (windows of 8)',
};
const GRADIENT_LABEL: Record<GradientMethod, string> = { 'one-step': 'one-step', implicit: 'implicit (IFT)' };

/** Residual √(eᵀΩe) → colour: green (≤ 1σ) to red (≥ 4σ). */
function residualColor(r: number): string {
  const t = Math.min(1, Math.max(0, (r - 1) / 3));
  return `hsl(${Math.round(120 * (1 - t))} 70% 42%)`;
}

function IslamView({
  snapshot,
  params,
  setParams,
  viewState,
  setViewState,
  channel,
  notify,
}: ExampleViewProps<IslamSnapshot, IslamParams, IslamCommands>) {
  const frames = snapshot?.iterations.length ?? 0;
  const frame = Math.round(numberParam(viewState, 'it', frames - 1, 0, Math.max(0, frames - 1)));
  const final = frame >= frames - 1;
  const layers = useMemo(() => {
    if (!snapshot) return [];
    const shown = snapshot.iterations[Math.min(frame, frames - 1)] ?? snapshot.optimised;
    return [
      { points: snapshot.truth, color: '#111', width: 1.5, label: 'ground truth', dash: '4 3' },
      { points: snapshot.frontEnd, color: '#dc2626', width: 1.5, label: 'front-end dead reckoning' },
      {
        points: shown,
        color: '#1d4ed8',
        width: final ? 0.5 : 2,
        label: final ? 'optimised P* (coloured by odometry residual)' : `LM iterate ${frame}`,
      },
    ];
  }, [snapshot, frame, frames, final]);
  return (
    <div className="islam">
      <section className="panel" aria-labelledby="islam-train-title">
        <h2 id="islam-train-title">Train the front-end with</h2>
        <div className="field-row">
          <label className="field">
            mode
            <select
              value={params.mode}
              data-testid="islam-mode"
              onChange={(e) => setParams({ mode: e.target.value as Mode })}
            >
              {MODES.map((m) => (
                <option key={m} value={m}>
                  {MODE_LABEL[m]}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            gradient across the LL
            <select
              value={params.gradient}
              onChange={(e) => setParams({ gradient: e.target.value as GradientMethod })}
            >
              {GRADIENTS.map((g) => (
                <option key={g} value={g}>
                  {GRADIENT_LABEL[g]}
                </option>
              ))}
            </select>
          </label>
          <Slider
            label="LM iterations (max)"
            value={params.llIterations}
            min={1}
            max={200}
            step={1}
            onChange={(v) => setParams({ llIterations: Math.round(v) })}
          />
        </div>
        <p className="hint">
          Changing these restarts from the same seed: the same drives, the same robot-A network.
        </p>
      </section>
      {snapshot ? (
        <div className="two-col">
          <section className="panel" aria-labelledby="islam-world-title">
            <h2 id="islam-world-title">A held-out drive of robot B, seen from above</h2>
            <TrajectoryPlot
              title="ground truth, front-end dead reckoning and optimised trajectory with loop closures"
              layers={layers}
              links={snapshot.loops}
              anchor={snapshot.optimised}
              segmentColors={
                viewState.residuals === false ? undefined : snapshot.residuals.map(residualColor)
              }
              segmentsOf={snapshot.optimised}
            />
            <Slider
              label="LL iteration (replay of the last LM solve)"
              value={frame}
              min={0}
              max={Math.max(0, frames - 1)}
              step={1}
              onChange={(v) => setViewState({ it: Math.round(v) })}
            />
            <p className="hint" data-testid="islam-ll-status">
              LM: {snapshot.llIterations} iterations, max |∇_P L| = {snapshot.maxGradient.toExponential(1)},{' '}
              {snapshot.msPerLlSolve.toFixed(0)} ms. Green segments: odometry residuals ≤ 1σ at P*; red: ≥ 4σ.
              Teal: loop closures.
            </p>
          </section>
          <section className="panel" aria-labelledby="islam-errors-title">
            <h2 id="islam-errors-title">Trajectory errors</h2>
            <ShowcaseErrors current={snapshot.current} pretrained={snapshot.pretrained} />
            <p className="hint">ATE after a rigid SE(2) alignment (rotation + translation); RPE per step.</p>
          </section>
        </div>
      ) : (
        <p className="loading">Pre-training on robot A and driving robot B…</p>
      )}
      <ChecksPanel channel={channel} notify={notify} />
      <G2oPanel channel={channel} />
    </div>
  );
}

export const View = defineView(manifest, IslamView);
