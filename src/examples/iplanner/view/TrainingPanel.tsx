import { ParamSelect, ParamSlider } from '../../../ui/ParamField';
import { iplannerParamSchema as schema, type IPlannerParams } from '../params.ts';

interface TrainingPanelProps {
  params: IPlannerParams;
  setParams: (patch: Partial<IPlannerParams>) => void;
}

type NumberKey = 'noise' | 'dropout' | 'wObstacle' | 'wMotion' | 'wGoal' | 'wFear' | 'margin';

/** The example's training settings (p.* in the link): changing one restarts training from the seed. */
export function TrainingPanel({ params, setParams }: TrainingPanelProps) {
  const slider = (key: NumberKey) => (
    <ParamSlider spec={schema[key]} value={params[key]} onChange={(v) => setParams({ [key]: v })} />
  );
  return (
    <section className="panel" aria-labelledby="iplanner-train-title">
      <h2 id="iplanner-train-title">Training x and U</h2>
      <div className="field-row">
        <ParamSelect
          spec={schema.worlds}
          value={params.worlds}
          onChange={(worlds) => setParams({ worlds })}
          testId="training-worlds"
        />
        <ParamSelect
          spec={schema.splineStart}
          value={params.splineStart}
          onChange={(splineStart) => setParams({ splineStart })}
        />
        {slider('noise')}
        {slider('dropout')}
      </div>
      <div className="field-row">
        {slider('wObstacle')}
        {slider('wMotion')}
        {slider('wGoal')}
        {slider('wFear')}
        {slider('margin')}
      </div>
      <p className="hint">
        iPlanner’s weights are α = 0.5, γ = 2, δ = 5, ε = 1. Training samples poses and goals in seeded worlds
        of the train split and sees only the depth image and the goal; the cost map (inflated by the robot
        radius plus the margin) is the only teacher. Changing any of these restarts training from the same
        seed.
      </p>
    </section>
  );
}
