import type { ImtspSnapshot } from '../problem';
import {
  DISTRIBUTIONS,
  ESTIMATORS,
  type Distribution,
  type EstimatorKind,
  type ImtspParams,
} from '../params';
import { Slider } from '../../../ui/Slider';

const ESTIMATOR_LABEL: Record<EstimatorKind, string> = {
  surrogate: 'surrogate control variate (iMTSP)',
  reinforce: 'REINFORCE, running-mean baseline',
};
const MIX_LABELS = ['radial trip', 'zig-zag', 'distance', 'count'];

interface TrainingPanelProps {
  params: ImtspParams;
  snapshot: ImtspSnapshot | null;
  setParams: (patch: Partial<ImtspParams>) => void;
}

/** How θ is trained (changing any of it restarts the run from the seed) and what it has learned so far. */
export function TrainingPanel({ params, snapshot, setParams }: TrainingPanelProps) {
  const mix = snapshot?.workloadMix ?? [];
  const total = mix.reduce((a, b) => a + b, 0) || 1;
  return (
    <section className="panel" aria-labelledby="imtsp-train-title">
      <h2 id="imtsp-train-title">Training f(θ)</h2>
      <div className="field-row">
        <label className="field">
          gradient estimator
          <select
            value={params.estimator}
            data-testid="estimator-select"
            onChange={(e) => setParams({ estimator: e.target.value as EstimatorKind })}
          >
            {ESTIMATORS.map((k) => (
              <option key={k} value={k}>
                {ESTIMATOR_LABEL[k]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          training instances
          <select
            value={params.distribution}
            onChange={(e) => setParams({ distribution: e.target.value as Distribution })}
          >
            {DISTRIBUTIONS.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>
        <Slider
          label="train N"
          value={params.trainCities}
          min={10}
          max={100}
          onChange={(v) => setParams({ trainCities: Math.round(v) })}
        />
        <Slider
          label="train M"
          value={params.trainAgents}
          min={2}
          max={10}
          onChange={(v) => setParams({ trainAgents: Math.round(v) })}
        />
        <Slider
          label="samples S"
          value={params.samples}
          min={2}
          max={32}
          onChange={(v) => setParams({ samples: Math.round(v) })}
        />
      </div>
      <p className="hint">
        Each step: a batch of random instances (N = {params.trainCities}, M = {params.trainAgents}), S
        allocations sampled per instance, every tour solved by g. Changing these restarts the run from the
        same seed.
      </p>
      {snapshot && (
        <div className="imtsp-learned" data-testid="learned-params">
          <span>learned workload mix α:</span>
          {mix.map((v, k) => (
            <span key={MIX_LABELS[k]} className="imtsp-chip">
              {MIX_LABELS[k]} {((100 * v) / total).toFixed(0)}%
            </span>
          ))}
          <span className="imtsp-chip">sharpness κ {snapshot.sharpness.toFixed(2)}</span>
        </div>
      )}
    </section>
  );
}
