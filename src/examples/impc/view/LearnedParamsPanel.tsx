import { useMemo, useState } from 'react';
import type { StepReport } from '../../../il/trainer';
import { LinePlot, type Series } from '../../../ui/LinePlot';

interface Props {
  reports: readonly StepReport[];
  /** True and starting (m, Jx, Jy, Jz), from the snapshot. */
  pTrue: number[] | null;
  pStart: number[] | null;
}

/** Plotted units: kilograms and g·m² (10⁻³ kg·m²). */
const PLOTS = [
  { key: 'm', title: 'm (kg)', scale: 1 },
  { key: 'Jx', title: 'Jx (g·m²)', scale: 1000 },
  { key: 'Jy', title: 'Jy (g·m²)', scale: 1000 },
  { key: 'Jz', title: 'Jz (g·m²)', scale: 1000 },
];

/** Learned mass and inertia over the training steps, each against its true value (dashed). */
export function LearnedParamsPanel({ reports, pTrue, pStart }: Props) {
  const [hover, setHover] = useState<number | null>(null);
  const plots = useMemo(() => {
    const withParams = reports.filter((r) => r.metrics && Number.isFinite(r.metrics.m));
    const first = withParams[0]?.step ?? 0;
    const last = withParams.at(-1)?.step ?? 1;
    return PLOTS.map((plot, j): { title: string; key: string; series: Series[] } => {
      const series: Series[] = [
        {
          name: 'learned',
          color: '#c2410c',
          points: withParams.map((r) => [r.step, (r.metrics?.[plot.key] ?? NaN) * plot.scale]),
        },
      ];
      if (pTrue)
        series.push({
          name: 'true',
          color: '#111827',
          dashed: true,
          points: [
            [first, pTrue[j] * plot.scale],
            [Math.max(last, first + 1), pTrue[j] * plot.scale],
          ],
        });
      return { title: plot.title, key: plot.key, series };
    });
  }, [reports, pTrue]);
  const latest = reports.at(-1)?.metrics;

  return (
    <section className="panel" aria-labelledby="impc-params-title">
      <h2 id="impc-params-title">Learned physical parameters γ = (m, J)</h2>
      <p className="hint">
        They start at {pStart && pTrue ? `${((pStart[0] / pTrue[0]) * 100).toFixed(0)} %` : '—'} of the true
        values.
        {latest && (
          <>
            {' '}
            Now: mass off by <strong data-testid="impc-mass-error">{latest.massErrorPct.toFixed(2)} %</strong>
            , inertia off by{' '}
            <strong data-testid="impc-inertia-error">{latest.inertiaErrorPct.toFixed(2)} %</strong> (worst
            axis).
          </>
        )}
      </p>
      {reports.length === 0 ? (
        <p className="loading">Train a few steps to see m and J move towards the truth.</p>
      ) : (
        <div className="impc-param-plots">
          {plots.map((p) => (
            <LinePlot
              key={p.key}
              title={p.title}
              series={p.series}
              logY={false}
              width={330}
              height={140}
              hoverX={hover}
              onHover={setHover}
              testId={`impc-plot-${p.key}`}
            />
          ))}
        </div>
      )}
    </section>
  );
}
