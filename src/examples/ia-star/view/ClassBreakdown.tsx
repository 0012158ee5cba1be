import type { ClassRow } from '../contract.ts';
import type { TrainingMode } from '../params.ts';
import { learnedInfo } from './learned-planners.ts';

interface ClassBreakdownProps {
  rows: readonly ClassRow[];
  mode: TrainingMode;
  comparisonMode?: TrainingMode;
}

const ratio = (v: number) => (Number.isFinite(v) ? `${v.toFixed(3)}×` : '–');
const percent = (v: number) => (Number.isFinite(v) ? `${(100 * v).toFixed(0)} %` : '–');

/**
 * The comparison by map class (held-out random, rooms and maze maps at 32, 64 and 128 a side): each learned
 * planner's ratios, and weighted A*'s expansions at the same path ratio — the curve it has to lie below.
 */
export function ClassBreakdown({ rows, mode, comparisonMode }: ClassBreakdownProps) {
  const mine = learnedInfo(mode).label;
  const other = comparisonMode ? learnedInfo(comparisonMode).label : null;
  return (
    <div className="ia-table-wrap">
      <table className="data-table" data-testid="eval-class-table">
        <caption>
          By map class: held-out maps of 32, 64 and 128 a side per class ({rows[0]?.count ?? 0} per class),
          the same for every training run. Weighted A* at the same path ratio is read off its w = 1…3 front.
        </caption>
        <thead>
          <tr>
            <th scope="col">map class</th>
            <th scope="col">{mine}: expanded / A*</th>
            <th scope="col">path / optimal</th>
            <th scope="col">success</th>
            <th scope="col">weighted A* at that path</th>
            <th scope="col">below the curve</th>
            {other && <th scope="col">{other}: expanded / A*</th>}
            {other && <th scope="col">path / optimal</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-testid={`eval-class-${r.id}`}>
              <th scope="row">{r.label}</th>
              <td>{ratio(r.learned.expandedRatioVsAstar)}</td>
              <td>{ratio(r.learned.pathRatioVsOptimal)}</td>
              <td>{percent(r.learned.successRate)}</td>
              <td>{ratio(r.wastarExpandedAtLearnedPath)}</td>
              <td>{r.belowWastarCurve ? 'yes' : 'no'}</td>
              {other && <td>{r.comparison ? ratio(r.comparison.expandedRatioVsAstar) : '–'}</td>}
              {other && <td>{r.comparison ? ratio(r.comparison.pathRatioVsOptimal) : '–'}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
