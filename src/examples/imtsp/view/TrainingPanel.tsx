import { ParamSelect, ParamSlider } from '../../../ui/ParamField';
import type { ImtspSnapshot } from '../contract';
import { imtspParamSchema as schema, type ImtspParams } from '../params';

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
        <ParamSelect
          spec={schema.estimator}
          value={params.estimator}
          onChange={(estimator) => setParams({ estimator })}
          testId="estimator-select"
        />
        <ParamSelect
          spec={schema.distribution}
          value={params.distribution}
          onChange={(distribution) => setParams({ distribution })}
        />
        <ParamSlider
          spec={schema.trainCities}
          value={params.trainCities}
          onChange={(trainCities) => setParams({ trainCities })}
        />
        <ParamSlider
          spec={schema.trainAgents}
          value={params.trainAgents}
          onChange={(trainAgents) => setParams({ trainAgents })}
        />
        <ParamSlider
          spec={schema.samples}
          value={params.samples}
          onChange={(samples) => setParams({ samples })}
        />
        <ParamSelect
          spec={schema.reinforceBaseline}
          value={params.reinforceBaseline}
          onChange={(reinforceBaseline) => setParams({ reinforceBaseline })}
          testId="reinforce-baseline-select"
        />
      </div>
      <p className="hint">
        Each step: a batch of random instances (N = {params.trainCities}, M = {params.trainAgents}), S
        allocations sampled per instance, every tour solved by g. Changing these restarts the run from the
        same seed. The variance plot compares the two estimators under the baseline chosen here: against the
        running mean the surrogate looks far better than against the leave-one-out mean of the instance&apos;s
        other samples, the fairer baseline (<code>npm run bench -- imtsp</code> measures both).
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
