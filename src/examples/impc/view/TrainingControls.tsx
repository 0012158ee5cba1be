import { Slider } from '../../../ui/Slider';
import { GRADIENT_MODES, IMU_PROFILES, PARAM_PATHS, UPPER_COSTS, type ImpcParams } from '../example-params';

interface Props {
  params: ImpcParams;
  setParams: (patch: Partial<ImpcParams>) => void;
}

const LABELS: Record<string, string> = {
  gap: 'gap: IMU-integrated vs model-predicted next state (iMPC)',
  tracking: 'tracking error of the measured attitude',
  implicit: 'implicit (KKT at the active set)',
  unrolled: 'unrolled K solver iterations',
  applied: 'applied input held',
  mpc: 'through the MPC (y held)',
  default: 'calibrated MEMS (default)',
  cheap: 'uncalibrated, 4× bias',
};

function Choice<T extends string>({
  label,
  value,
  options,
  onChange,
  testId,
}: {
  label: string;
  value: T;
  options: readonly T[];
  onChange: (v: T) => void;
  testId: string;
}) {
  return (
    <label className="field">
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value as T)} data-testid={testId}>
        {options.map((o) => (
          <option key={o} value={o}>
            {LABELS[o] ?? o}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The UL cost, the gradient path across the MPC, the IMU and the start point: each change restarts the run. */
export function TrainingControls({ params, setParams }: Props) {
  const throughMpc = params.upper === 'tracking' || params.pPath === 'mpc' || params.xPath === 'mpc';
  return (
    <section className="panel" aria-labelledby="impc-train-title">
      <h2 id="impc-train-title">Train ψ = [θ, γ] with</h2>
      <div className="field-row">
        <Choice
          label="upper-level cost U"
          value={params.upper}
          options={UPPER_COSTS}
          onChange={(upper) => setParams({ upper })}
          testId="impc-upper"
        />
        <Choice
          label="gradient across the MPC"
          value={params.gradient}
          options={GRADIENT_MODES}
          onChange={(gradient) => setParams({ gradient })}
          testId="impc-gradient"
        />
        {params.upper === 'gap' && (
          <>
            <Choice
              label="path for γ = (m, J)"
              value={params.pPath}
              options={PARAM_PATHS}
              onChange={(pPath) => setParams({ pPath })}
              testId="impc-ppath"
            />
            <Choice
              label="path for θ (via x_k)"
              value={params.xPath}
              options={PARAM_PATHS}
              onChange={(xPath) => setParams({ xPath })}
              testId="impc-xpath"
            />
          </>
        )}
        <Choice
          label="IMU"
          value={params.imu}
          options={IMU_PROFILES}
          onChange={(imu) => setParams({ imu })}
          testId="impc-imu"
        />
      </div>
      <div className="field-row">
        <Slider
          label="MPC horizon N"
          value={params.horizon}
          min={3}
          max={20}
          onChange={(v) => setParams({ horizon: Math.round(v) })}
        />
        {params.gradient === 'unrolled' && (
          <Slider
            label="K (training)"
            value={params.unrollK}
            min={10}
            max={5000}
            log
            format={(v) => String(Math.round(v))}
            onChange={(v) => setParams({ unrollK: Math.round(v) })}
          />
        )}
        <Slider
          label="p starts at × true"
          value={params.pStart}
          min={0.4}
          max={2.5}
          step={0.05}
          format={(v) => v.toFixed(2)}
          onChange={(v) => setParams({ pStart: v })}
        />
      </div>
      <p className="hint">
        {throughMpc
          ? `The gradient crosses the MPC ${params.gradient === 'implicit' ? 'through its KKT conditions (one solve per step)' : `by unrolling ${params.unrollK} solver iterations (memory and time grow with K; keep N small)`}.`
          : 'With the applied input held on both paths, training never differentiates the MPC: its solution is the input the vehicle answered. Choose “through the MPC” to use the implicit or unrolled gradient.'}{' '}
        Changing these restarts training from the same seed.
      </p>
    </section>
  );
}
