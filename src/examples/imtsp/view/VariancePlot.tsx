import { useMemo, useState } from 'react';
import type { StepReport } from '../../../il/trainer';
import { LinePlot, type Series } from '../../../ui/LinePlot';
import { REINFORCE_COLOR, SURROGATE_COLOR } from './colors';

/** Both estimators' gradient variance per step (same samples), on a log scale, whichever one trains θ. */
export function VariancePlot({ reports, training }: { reports: readonly StepReport[]; training: string }) {
  const [hover, setHover] = useState<number | null>(null);
  const series: Series[] = useMemo(() => {
    const pick = (key: string) =>
      reports
        .filter((r) => r.metrics?.[key] !== undefined && r.metrics[key] > 0)
        .map((r) => [r.step, r.metrics![key]] as [number, number]);
    return [
      { name: 'REINFORCE', color: REINFORCE_COLOR, points: pick('varianceReinforce') },
      { name: 'surrogate', color: SURROGATE_COLOR, points: pick('varianceSurrogate'), dashed: true },
    ];
  }, [reports]);
  const last = reports.at(-1)?.metrics;
  return (
    <section className="panel" aria-labelledby="imtsp-variance-title">
      <h2 id="imtsp-variance-title">Gradient variance per estimator</h2>
      <LinePlot
        title="trace Cov of per-sample ∂E[U]/∂ℓ"
        series={series}
        logY
        width={520}
        height={170}
        hoverX={hover}
        onHover={setHover}
        testId="plot-variance"
      />
      <p className="plot-readout" data-testid="variance-readout">
        {last
          ? `last step: REINFORCE ${last.varianceReinforce.toExponential(2)}, surrogate ${last.varianceSurrogate.toExponential(2)} (${(last.varianceReinforce / last.varianceSurrogate).toFixed(1)}× lower); θ is trained with ${training}.`
          : 'Train a few steps to see both estimators’ variance.'}
      </p>
    </section>
  );
}
