import type { BaselineRow, GradientCheckRow, IlogicSnapshot } from '../contract';
import { ACTIONS, CONCEPTS, UNARY_CONCEPTS } from '../rules';

const pct = (x: number | null) => (x === null || !Number.isFinite(x) ? '—' : `${(100 * x).toFixed(1)}%`);

/** Short column heads (the full concept name is the abbr's title and the meter's label). */
const SHORT: Record<string, string> = {
  IsAmbulance: 'Amb',
  IsPedestrian: 'Ped',
  IsOld: 'Old',
  IsReckless: 'Reck',
  AtIntersection: 'At∩',
  InIntersection: 'In∩',
  CollidingClose: 'Close',
  HigherPriority: 'Prio',
};
const short = (c: string) => (
  <abbr title={c} style={{ textDecoration: 'none' }}>
    {SHORT[c] ?? c}
  </abbr>
);

export function AgentConcepts({ snapshot }: { snapshot: IlogicSnapshot }) {
  return (
    // Focusable, so the table scrolls from the keyboard where the column is narrow.
    <div className="table-scroll" tabIndex={0} role="region" aria-label="Grounded concepts per agent">
      <table className="data-table" data-testid="ilogic-concepts">
        <caption>
          Per agent: true concept (●/○) and grounded probability (bar, slot matched by the probe)
        </caption>
        <thead>
          <tr>
            <th scope="col">agent</th>
            {UNARY_CONCEPTS.map((c) => (
              <th key={c} scope="col">
                {short(c)}
              </th>
            ))}
            <th scope="col">next: predicted / true</th>
          </tr>
        </thead>
        <tbody>
          {snapshot.agents.map((a, i) => (
            <tr key={i}>
              <th scope="row">{`${i + 1} ${a.type}`}</th>
              {a.trueConcepts.map((t, k) => (
                <td key={k} title={`true ${t}, grounded ${a.groundedConcepts[k].toFixed(2)}`}>
                  {t ? '●' : '○'}
                  <br />
                  <meter
                    min={0}
                    max={1}
                    value={a.groundedConcepts[k]}
                    aria-label={`${UNARY_CONCEPTS[k]} grounded`}
                    style={{ width: '2.6rem' }}
                  />
                </td>
              ))}
              <td>
                {ACTIONS[a.predictedAction]} / {ACTIONS[a.trueAction]}
                {a.predictedAction !== a.trueAction ? ' ✗' : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * A dependence cell: light tints with dark text up to 0.15, a dark blue with white text above (both pairs keep a
 * contrast ratio ≥ 4.5, which intermediate shades of one colour cannot do for either text colour).
 */
function cellStyle(v: number): { background: string; color: string } {
  const strength = Math.min(1, v * 4);
  return strength < 0.6
    ? { background: `rgba(20, 70, 150, ${Math.min(0.45, strength).toFixed(2)})`, color: '#111' }
    : { background: 'rgb(20, 70, 150)', color: '#fff' };
}

function Matrix({ values, caption, testId }: { values: number[][]; caption: string; testId: string }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className="data-table" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">action</th>
            {CONCEPTS.map((c) => (
              <th key={c} scope="col">
                {short(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {values.map((row, a) => (
            <tr key={a}>
              <th scope="row">{ACTIONS[a]}</th>
              {row.map((v, k) => (
                <td key={k} style={cellStyle(v)}>
                  {v.toFixed(2)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function RuleReadout({ snapshot }: { snapshot: IlogicSnapshot }) {
  return (
    <>
      <Matrix
        values={snapshot.dependencies.learned}
        caption="Induced rules (NLM on grounded concepts): how often negating a concept changes the action"
        testId="ilogic-learned-rules"
      />
      <Matrix
        values={snapshot.dependencies.truth}
        caption="True rules, same ablation"
        testId="ilogic-true-rules"
      />
      <p className="hint">
        Probe accuracy per concept:{' '}
        {CONCEPTS.map((c, k) => `${c} ${pct(snapshot.probe[k].accuracy)}`).join(' · ')}
      </p>
    </>
  );
}

export function GradientCheckTable({ rows }: { rows: GradientCheckRow[] }) {
  return (
    <table className="data-table" data-testid="ilogic-gradcheck">
      <caption>
        Gradient paths vs central finite differences (tiny instance; directions d ∝ ĝ + random, per-agent
        differences)
      </caption>
      <thead>
        <tr>
          <th scope="col">path</th>
          <th scope="col">objective</th>
          <th scope="col">⟨dU/dθ, d⟩</th>
          <th scope="col">finite difference</th>
          <th scope="col">rel. error</th>
          <th scope="col">solver</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.path}>
            <th scope="row">{r.path}</th>
            <td>{r.objective}</td>
            <td>{r.analytic.map((x) => x.toExponential(3)).join(', ')}</td>
            <td>{r.finiteDifference.map((x) => x.toExponential(3)).join(', ')}</td>
            <td>{r.applies ? r.relativeError.toExponential(2) : `(${r.relativeError.toExponential(2)})`}</td>
            <td>{r.note ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function BaselineTable({ rows, snapshot }: { rows: BaselineRow[]; snapshot: IlogicSnapshot }) {
  return (
    <table className="data-table" data-testid="ilogic-baselines">
      <caption>Held-out scenes (seeds never trained on): weighted accuracy and concept probe</caption>
      <thead>
        <tr>
          <th scope="col">model</th>
          <th scope="col">fixed split</th>
          <th scope="col">random split</th>
          <th scope="col">concept probe</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">iLogic (this run)</th>
          <td>{pct(snapshot.scores.weightedAccuracyFixed)}</td>
          <td>{pct(snapshot.scores.weightedAccuracyRandom)}</td>
          <td>{pct(snapshot.scores.conceptProbeAccuracy)}</td>
        </tr>
        {rows.map((r) => (
          <tr key={r.name}>
            <th scope="row">{`${r.name} (${r.steps} steps)`}</th>
            <td>{pct(r.weightedAccuracyFixed)}</td>
            <td>{pct(r.weightedAccuracyRandom)}</td>
            <td>{pct(r.conceptProbeAccuracy)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
