import { Slider } from '../../../ui/Slider';
import { SPLINE_STARTS, TRAINING_WORLDS, type IPlannerParams, type TrainingWorlds } from '../params.ts';

interface TrainingPanelProps {
  params: IPlannerParams;
  setParams: (patch: Partial<IPlannerParams>) => void;
}

/** The example's training settings (p.* in the link): changing one restarts training from the seed. */
export function TrainingPanel({ params, setParams }: TrainingPanelProps) {
  return (
    <section className="panel" aria-labelledby="iplanner-train-title">
      <h2 id="iplanner-train-title">Training x and U</h2>
      <div className="field-row">
        <label className="field">
          training worlds
          <select
            value={params.worlds}
            data-testid="training-worlds"
            onChange={(e) => setParams({ worlds: e.target.value as TrainingWorlds })}
          >
            {TRAINING_WORLDS.map((w) => (
              <option key={w} value={w}>
                {w}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          spline start
          <select
            value={params.splineStart}
            onChange={(e) => setParams({ splineStart: e.target.value as IPlannerParams['splineStart'] })}
          >
            {SPLINE_STARTS.map((s) => (
              <option key={s} value={s}>
                {s === 'heading' ? 'along the heading' : 'natural'}
              </option>
            ))}
          </select>
        </label>
        <Slider
          label="depth noise σ"
          value={params.noise}
          min={0}
          max={0.2}
          step={0.01}
          onChange={(v) => setParams({ noise: v })}
        />
        <Slider
          label="depth dropout"
          value={params.dropout}
          min={0}
          max={0.5}
          step={0.01}
          onChange={(v) => setParams({ dropout: v })}
        />
      </div>
      <div className="field-row">
        <Slider
          label="α obstacle"
          value={params.wObstacle}
          min={0}
          max={5}
          step={0.1}
          onChange={(v) => setParams({ wObstacle: v })}
        />
        <Slider
          label="γ motion"
          value={params.wMotion}
          min={0}
          max={10}
          step={0.1}
          onChange={(v) => setParams({ wMotion: v })}
        />
        <Slider
          label="δ goal"
          value={params.wGoal}
          min={0}
          max={20}
          step={0.5}
          onChange={(v) => setParams({ wGoal: v })}
        />
        <Slider
          label="ε fear"
          value={params.wFear}
          min={0}
          max={5}
          step={0.1}
          onChange={(v) => setParams({ wFear: v })}
        />
        <Slider
          label="safety margin (m)"
          value={params.margin}
          min={0}
          max={0.5}
          step={0.05}
          onChange={(v) => setParams({ margin: v })}
        />
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
