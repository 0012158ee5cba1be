import { ParamSelect } from '../../../ui/ParamField';
import { Slider } from '../../../ui/Slider';
import { impcParamSchema as schema, type ImpcParams } from '../example-params';

interface Props {
  params: ImpcParams;
  setParams: (patch: Partial<ImpcParams>) => void;
}

/** The UL cost, the gradient path across the MPC, the IMU and the start point: each change restarts the run. */
export function TrainingControls({ params, setParams }: Props) {
  const throughMpc = params.upper === 'tracking' || params.pPath === 'mpc' || params.xPath === 'mpc';
  return (
    <section className="panel" aria-labelledby="impc-train-title">
      <h2 id="impc-train-title">Train ψ = [θ, γ] with</h2>
      <div className="field-row">
        <ParamSelect
          spec={schema.upper}
          value={params.upper}
          onChange={(upper) => setParams({ upper })}
          testId="impc-upper"
        />
        <ParamSelect
          spec={schema.gradient}
          value={params.gradient}
          onChange={(gradient) => setParams({ gradient })}
          testId="impc-gradient"
        />
        {params.upper === 'gap' && (
          <>
            <ParamSelect
              spec={schema.pPath}
              value={params.pPath}
              onChange={(pPath) => setParams({ pPath })}
              testId="impc-ppath"
            />
            <ParamSelect
              spec={schema.xPath}
              value={params.xPath}
              onChange={(xPath) => setParams({ xPath })}
              testId="impc-xpath"
            />
          </>
        )}
        <ParamSelect
          spec={schema.imu}
          value={params.imu}
          onChange={(imu) => setParams({ imu })}
          testId="impc-imu"
        />
      </div>
      <div className="field-row">
        <Slider
          label={schema.horizon.label}
          value={params.horizon}
          min={schema.horizon.min}
          max={schema.horizon.max}
          step={schema.horizon.step}
          onChange={(v) => setParams({ horizon: Math.round(v) })}
        />
        {params.gradient === 'unrolled' && (
          <Slider
            label={schema.unrollK.label}
            value={params.unrollK}
            min={schema.unrollK.min}
            max={schema.unrollK.max}
            step={schema.unrollK.step}
            log
            format={(v) => String(Math.round(v))}
            onChange={(v) => setParams({ unrollK: Math.round(v) })}
          />
        )}
        <Slider
          label={schema.pStart.label}
          value={params.pStart}
          min={schema.pStart.min}
          max={schema.pStart.max}
          step={schema.pStart.step}
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
