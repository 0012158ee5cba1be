import { useEffect, useState } from 'react';
import type { PlannerSummary } from '../learning/evaluate.ts';
import type { TrainingMode } from '../params.ts';
import type { EvaluateRequest, EvaluateResult } from '../contract.ts';
import { learnedInfo } from './learned-planners.ts';
import { type LearnedPoint, TradeoffPlot } from './TradeoffPlot';
import { ClassBreakdown } from './ClassBreakdown';
import { BASELINE_RULE, curveOf, pointOf, verdictOf } from './tradeoff.ts';

const COUNTS = [10, 25, 50, 100];
const SIZES = [32, 64, 128];
/** The weighted-A* rows of the table (the plot shows the whole curve). */
const TABLE_WEIGHTS = [1.5, 2];
/** Held-out maps per class and side in the by-class table (3 sides: 12 per class). */
const CLASS_MAPS_PER_SIDE = 4;

interface Evaluation {
  result: EvaluateResult;
  mode: TrainingMode;
  step: number;
  seconds: number;
}

interface ComparisonPanelProps {
  /** Runs the evaluation in the worker (after making sure the comparison weights are loaded there). */
  evaluate: (request: EvaluateRequest) => Promise<EvaluateResult>;
  mode: TrainingMode;
  step: number;
  /** Why the other mode is missing from the comparison, if it is. */
  comparisonNote: string | null;
  onError: (message: string) => void;
}

const ratio = (v: number) => (Number.isFinite(v) ? `${v.toFixed(3)}×` : '–');
const percent = (v: number) => (Number.isFinite(v) ? `${v.toFixed(1)} %` : '–');

function Row({ label, s, testId }: { label: string; s: PlannerSummary; testId: string }) {
  return (
    <tr data-testid={testId}>
      <th scope="row">{label}</th>
      <td>{ratio(s.expandedRatioVsAstar)}</td>
      <td>{percent(100 * (1 - s.expandedRatioVsAstar))}</td>
      <td>{ratio(s.pathRatioVsOptimal)}</td>
      <td>{percent(100 * s.successRate)}</td>
      <td>{percent(s.opt)}</td>
      <td>{percent(s.exp)}</td>
      <td>{percent(s.hmean)}</td>
      <td>{s.msPerPlan.toFixed(2)} ms</td>
    </tr>
  );
}

/** Held-out evaluation on the test split: the table, the trade-off plot and what it honestly says. */
export function ComparisonPanel({ evaluate, mode, step, comparisonNote, onError }: ComparisonPanelProps) {
  const [count, setCount] = useState(50);
  const [size, setSize] = useState(64);
  const [busySince, setBusySince] = useState<number | null>(null);
  const [elapsed, setElapsed] = useState(0);
  const [done, setDone] = useState<Evaluation | null>(null);

  useEffect(() => {
    if (busySince === null) return;
    const id = setInterval(() => setElapsed((performance.now() - busySince) / 1000), 200);
    return () => clearInterval(id);
  }, [busySince]);

  const run = () => {
    const t0 = performance.now();
    setBusySince(t0);
    setElapsed(0);
    const at = { mode, step };
    evaluate({ split: 'test', count, size, classMapsPerSide: CLASS_MAPS_PER_SIDE })
      .then((result) => setDone({ result, ...at, seconds: (performance.now() - t0) / 1000 }))
      .catch((e: unknown) => onError(`The evaluation failed: ${e instanceof Error ? e.message : String(e)}`))
      .finally(() => setBusySince(null));
  };

  const r = done?.result;
  const curve = r ? curveOf(r.wastar) : [];
  const learned: LearnedPoint[] = [];
  if (r && done) {
    learned.push({ ...pointOf(learnedInfo(done.mode).label, r.learned), kind: done.mode });
    if (r.comparison && r.comparisonMode)
      learned.push({ ...pointOf(learnedInfo(r.comparisonMode).label, r.comparison), kind: r.comparisonMode });
  }
  const verdicts = learned.map((p) => verdictOf(p, curve));

  return (
    <section className="panel ia-comparison" aria-labelledby="ia-comparison-title">
      <h2 id="ia-comparison-title">Comparison on the test split</h2>
      <div className="field-row">
        <label className="field">
          maps
          <select value={count} onChange={(e) => setCount(Number(e.target.value))} data-testid="eval-count">
            {COUNTS.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          size
          <select value={size} onChange={(e) => setSize(Number(e.target.value))} data-testid="eval-size">
            {SIZES.map((s) => (
              <option key={s} value={s}>
                {s} × {s}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="primary"
          onClick={run}
          disabled={busySince !== null}
          data-testid="evaluate"
        >
          Evaluate on the test split
        </button>
        {busySince !== null && (
          <span className="ia-progress" role="status">
            <progress aria-label="Evaluating" /> planning {count} maps with every planner…{' '}
            {elapsed.toFixed(1)} s
          </span>
        )}
      </div>
      <p className="hint">
        Generated maps from the test split&apos;s own seeds (never trained on), start and goal far apart.
        Every ratio is against {BASELINE_RULE} (f within 10⁻⁹ counted equal), the strongest plain A*; path
        ratios are over the maps where a path was found.
      </p>
      {comparisonNote && <p className="hint ia-warn">{comparisonNote}</p>}
      {r && done && (
        <>
          <div className="ia-table-wrap">
            <table className="data-table" data-testid="eval-table">
              <caption>
                {r.learned.count} test maps of {r.size} × {r.size}, requested after training step {done.step},
                done in {done.seconds.toFixed(1)} s. Ratios vs {BASELINE_RULE}.
              </caption>
              <thead>
                <tr>
                  <th scope="col">planner</th>
                  <th scope="col">expanded / A*</th>
                  <th scope="col">reduction</th>
                  <th scope="col">path / optimal</th>
                  <th scope="col">success</th>
                  <th scope="col">Opt</th>
                  <th scope="col">Exp</th>
                  <th scope="col">Hmean</th>
                  <th scope="col">time / plan</th>
                </tr>
              </thead>
              <tbody>
                <Row label="A*" s={r.astar} testId="eval-row-astar" />
                {TABLE_WEIGHTS.map((w) => {
                  const s = r.wastar.find((x) => x.weight === w);
                  return s ? (
                    <Row key={w} label={`Weighted A*, w = ${w}`} s={s} testId={`eval-row-w${w}`} />
                  ) : null;
                })}
                <Row
                  label={`${learnedInfo(done.mode).label} (training now)`}
                  s={r.learned}
                  testId={`eval-row-${done.mode}`}
                />
                {r.comparison && r.comparisonMode && (
                  <Row
                    label={`${learnedInfo(r.comparisonMode).label} (shipped weights)`}
                    s={r.comparison}
                    testId={`eval-row-${r.comparisonMode}`}
                  />
                )}
              </tbody>
            </table>
          </div>
          {r.byClass && (
            <ClassBreakdown rows={r.byClass} mode={done.mode} comparisonMode={r.comparisonMode} />
          )}
          <p className="hint">
            Opt: share of optimal paths; Exp: mean reduction of expanded cells vs A* (never below 0 per map);
            Hmean: their harmonic mean (Neural A*&apos;s metrics). Time / plan is the search alone, in the
            worker; the learned planners&apos; U-Net pass is not included.
          </p>
          <figure className="figure ia-tradeoff-figure">
            <TradeoffPlot curve={curve} learned={learned} />
            <figcaption>
              Weighted A* for w from 1 to 3 (the curve; w = 1 is A*) and the learned planners (points). Lower
              and further left is better; a learned planner beats weighted A* only where no w reaches both of
              its ratios.
            </figcaption>
          </figure>
          <ul className="verdict-list" data-testid="eval-verdict">
            {verdicts.map((v) => (
              <li key={v.label} className={v.beats ? 'verdict-yes' : 'verdict-no'}>
                {v.sentence}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
