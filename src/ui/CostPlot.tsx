import { useMemo, useRef, useState } from 'react';
import { ariaKeys, PAGE_ACTIONS } from './actions';
import { Kbd } from './Kbd';
import type { StepReport } from '../il/trainer';
import { LinePlot, type PlotEvent, type Series } from './LinePlot';
import { ema, smoothingWindow } from './smoothing';
import { downloadBlob, downloadText, svgToPngBlob } from './download';

interface CostPlotProps {
  reports: readonly StepReport[];
  /** Marked on both x-axes. */
  events?: readonly { step: number; kind: PlotEvent['kind']; label: string }[];
  logScale: boolean;
  onToggleLog: () => void;
  /** Used in exported file names. */
  name: string;
  upperLabel?: string;
  lowerLabel?: string;
}

export const UPPER_COLOR = '#c2410c';
export const LOWER_COLOR = '#1d4ed8';

/** A cost's series: the raw per-step value (first: the e2e tests read it) faint, its EMA trend over it. */
function costSeries(name: string, color: string, raw: [number, number][], window: number): Series[] {
  return [
    { name, color, points: raw, faint: true, legend: `${name} per step` },
    { name: `${name} EMA`, color, points: ema(raw, window), legend: `${name} EMA ${window}` },
  ];
}

/**
 * The live U and L curves, stacked with a shared hover, plus CSV and PNG export. Minibatch costs are noisy step to
 * step, so each is drawn faint with an exponential moving average over it (its window in the legend), and the
 * run's events (learning-rate changes, weights loaded, refused divergent steps) are marked on the x-axes.
 */
export function CostPlot({
  reports,
  events = [],
  logScale,
  onToggleLog,
  name,
  upperLabel = 'U (upper level)',
  lowerLabel = 'L (lower level)',
}: CostPlotProps) {
  const [hoverX, setHoverX] = useState<number | null>(null);
  const upperRef = useRef<SVGSVGElement>(null);
  const lowerRef = useRef<SVGSVGElement>(null);
  const window = smoothingWindow(reports.length);
  const upper: Series[] = useMemo(
    () =>
      costSeries(
        'U',
        UPPER_COLOR,
        reports.map((r) => [r.step, r.upper]),
        window,
      ),
    [reports, window],
  );
  const lower: Series[] = useMemo(
    () =>
      costSeries(
        'L',
        LOWER_COLOR,
        reports.map((r) => [r.step, r.lower]),
        window,
      ),
    [reports, window],
  );
  const plotEvents: PlotEvent[] = useMemo(
    () => events.map((e) => ({ x: e.step, kind: e.kind, label: e.label })),
    [events],
  );
  const last = reports[reports.length - 1];
  const trend = (s: Series[]) => s[1].points.at(-1)?.[1];

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
        events={plotEvents}
      />
      <LinePlot
        ref={lowerRef}
        title={lowerLabel}
        series={lower}
        logY={logScale}
        hoverX={hoverX}
        onHover={setHoverX}
        testId="plot-lower"
        events={plotEvents}
      />
      <p className="plot-readout" data-testid="plot-readout">
        {last
          ? `step ${last.step}: U = ${last.upper.toPrecision(5)} (EMA ${trend(upper)?.toPrecision(4)}), L = ${last.lower.toPrecision(5)} (EMA ${trend(lower)?.toPrecision(4)}), ‖∇U‖ = ${last.gradNorm.toPrecision(3)}, ${last.ms.toFixed(1)} ms/step`
          : 'No steps yet: press Train or Step.'}
      </p>
      {events.length > 0 && (
        <ul className="plot-events" aria-label="Events on the curve" data-testid="plot-events">
          {events.map((e, i) => (
            <li key={i} className={`plot-event-${e.kind}`}>
              step {e.step}: {e.label}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
