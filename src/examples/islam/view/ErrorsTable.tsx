import type { EvaluationRow, TrajectoryErrors } from '../contract';

const fmt = (v: number, d = 3) => (Number.isFinite(v) ? v.toFixed(d) : '—');

export function ShowcaseErrors({
  current,
  pretrained,
}: {
  current: TrajectoryErrors;
  pretrained: TrajectoryErrors;
}) {
  const rows: [string, keyof TrajectoryErrors, number][] = [
    ['ATE front-end (m)', 'ateFrontEnd', 3],
    ['ATE optimised (m)', 'ateOptimised', 3],
    ['RPE translation (m/step)', 'rpeTranslation', 4],
    ['RPE yaw (°/step)', 'rpeYawDeg', 3],
  ];
  return (
    <table className="data-table" data-testid="islam-errors">
      <thead>
        <tr>
          <th scope="col">held-out drive</th>
          <th scope="col">pre-trained (robot A)</th>
          <th scope="col">current θ</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, key, d]) => (
          <tr key={key}>
            <th scope="row">{label}</th>
            <td>{fmt(pretrained[key], d)}</td>
            <td>{fmt(current[key], d)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function EvaluationTable({ rows }: { rows: EvaluationRow[] }) {
  return (
    <table className="data-table" data-testid="islam-evaluation">
      <thead>
        <tr>
          <th scope="col">3 held-out drives</th>
          <th scope="col">ATE front-end (m)</th>
          <th scope="col">ATE optimised (m)</th>
          <th scope="col">RPE (m/step)</th>
          <th scope="col">RPE yaw (°)</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.method}>
            <th scope="row">{r.method}</th>
            <td>{fmt(r.ateFrontEnd)}</td>
            <td>{fmt(r.ateOptimised)}</td>
            <td>{fmt(r.rpeTranslation, 4)}</td>
            <td>{fmt(r.rpeYawDeg)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
