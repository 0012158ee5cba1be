import { useMemo, useRef, useState } from 'react';
import { ariaKeys, PAGE_ACTIONS } from './actions';
import { Kbd } from './Kbd';
import type { StepReport } from '../il/trainer';
import { LinePlot, type Series } from './LinePlot';
import { downloadBlob, downloadText, svgToPngBlob } from './download';

interface CostPlotProps {
  reports: readonly StepReport[];
  logScale: boolean;
  onToggleLog: () => void;
  /** Used in exported file names. */
  name: string;
  upperLabel?: string;
  lowerLabel?: string;
}

export const UPPER_COLOR = '#c2410c';
export const LOWER_COLOR = '#1d4ed8';

/** The live U and L curves, stacked with a shared hover, plus CSV and PNG export. */
export function CostPlot({
  reports,
  logScale,
  onToggleLog,
  name,
  upperLabel = 'U (upper level)',
  lowerLabel = 'L (lower level)',
}: CostPlotProps) {
  const [hoverX, setHoverX] = useState<number | null>(null);
  const upperRef = useRef<SVGSVGElement>(null);
  const lowerRef = useRef<SVGSVGElement>(null);
  const upper: Series[] = useMemo(
    () => [
      { name: 'U', color: UPPER_COLOR, points: reports.map((r) => [r.step, r.upper] as [number, number]) },
    ],
    [reports],
  );
  const lower: Series[] = useMemo(
    () => [
      { name: 'L', color: LOWER_COLOR, points: reports.map((r) => [r.step, r.lower] as [number, number]) },
    ],
    [reports],
  );
  const last = reports[reports.length - 1];

  const exportCsv = () => {
    const metricKeys = [...new Set(reports.flatMap((r) => Object.keys(r.metrics ?? {})))];
    const header = ['step', 'U', 'L', 'gradNorm', 'ms', ...metricKeys].join(',');
    const rows = reports.map((r) =>
      [
        r.step,
        r.upper,
        r.lower,
        r.gradNorm,
        r.ms.toFixed(3),
        ...metricKeys.map((k) => r.metrics?.[k] ?? ''),
      ].join(','),
    );
    downloadText(`${name}-costs.csv`, [header, ...rows].join('\n'), 'text/csv');
  };

  const exportPng = async () => {
    for (const [ref, part] of [
      [upperRef, 'U'],
      [lowerRef, 'L'],
    ] as const) {
      if (ref.current) downloadBlob(`${name}-${part}.png`, await svgToPngBlob(ref.current));
    }
  };

  return (
    <section className="panel cost-plot" aria-labelledby="cost-plot-title">
      <div className="panel-head">
        <h2 id="cost-plot-title">Both levels, live</h2>
        <div className="panel-actions">
          <label>
            <input
              type="checkbox"
              checked={logScale}
              onChange={onToggleLog}
              aria-keyshortcuts={ariaKeys(PAGE_ACTIONS.logScale)}
            />{' '}
            log scale <Kbd action={PAGE_ACTIONS.logScale} />
          </label>
          <button type="button" onClick={exportCsv} disabled={reports.length === 0}>
            CSV
          </button>
          <button type="button" onClick={() => void exportPng()} disabled={reports.length === 0}>
            PNG
          </button>
        </div>
      </div>
      <LinePlot
        ref={upperRef}
        title={upperLabel}
        series={upper}
        logY={logScale}
        hoverX={hoverX}
        onHover={setHoverX}
        testId="plot-upper"
      />
      <LinePlot
        ref={lowerRef}
        title={lowerLabel}
        series={lower}
        logY={logScale}
        hoverX={hoverX}
        onHover={setHoverX}
        testId="plot-lower"
      />
      <p className="plot-readout" data-testid="plot-readout">
        {last
          ? `step ${last.step}: U = ${last.upper.toPrecision(5)}, L = ${last.lower.toPrecision(5)}, ‖∇U‖ = ${last.gradNorm.toPrecision(3)}, ${last.ms.toFixed(1)} ms/step`
          : 'No steps yet: press Train or Step.'}
      </p>
    </section>
  );
}
