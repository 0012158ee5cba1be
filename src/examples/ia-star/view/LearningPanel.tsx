import { useMemo } from 'react';
import { iaStarParamSchema, type IaStarParams } from '../params.ts';
import { ParamSelect } from '../../../ui/ParamField';
import type { IaStarSnapshot } from '../contract.ts';
import {
  guidanceColour,
  GUIDANCE_GRADIENT,
  pushColour,
  PUSH_GRADIENT,
  pushDisplay,
} from './guidance-colours.ts';
import { GuidanceMap } from './GuidanceMap';
import { BASELINE_RULE } from './tradeoff.ts';

const KAPPA_CHOICES = [1, 2, 4, 8, 16];

interface LearningPanelProps {
  snapshot: IaStarSnapshot | null;
  params: IaStarParams;
  setParams: (patch: Partial<IaStarParams>) => void;
  showPush: boolean;
  onShowPush: (show: boolean) => void;
  /** Which map the panel draws: the held-out validation map, or the one in the editor. */
  showcaseOn: 'validation' | 'editor';
  onShowcaseOn: (on: 'validation' | 'editor') => void;
}

const n = (x: number) => x.toLocaleString('en');

/** How the guidance network is trained, and what it draws on a held-out map while it trains. */
export function LearningPanel({
  snapshot,
  params,
  setParams,
  showPush,
  onShowPush,
  showcaseOn,
  onShowcaseOn,
}: LearningPanelProps) {
  const where = snapshot?.showcase === 'editor' ? 'the map in the editor' : 'the validation map';
  const kappas = KAPPA_CHOICES.includes(params.guidanceScale)
    ? KAPPA_CHOICES
    : [...KAPPA_CHOICES, params.guidanceScale].sort((a, b) => a - b);
  const push = useMemo(() => (snapshot ? pushDisplay(snapshot.push, snapshot.blocked) : null), [snapshot]);

  return (
    <section className="panel ia-learning" aria-labelledby="ia-learning-title">
      <h2 id="ia-learning-title">Learning the guidance c = f(θ, x)</h2>
      <div className="field-row">
        <ParamSelect
          spec={iaStarParamSchema.mode}
          value={params.mode}
          onChange={(mode) => setParams({ mode })}
          testId="mode-select"
        />
        <label className="field">
          guidance scale κ₀ (κ = κ₀ · side / 32)
          <select
            value={params.guidanceScale}
            onChange={(e) => setParams({ guidanceScale: Number(e.target.value) })}
            data-testid="kappa-select"
          >
            {kappas.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          draw on
          <select
            value={showcaseOn}
            onChange={(e) => onShowcaseOn(e.target.value === 'editor' ? 'editor' : 'validation')}
            data-testid="showcase-select"
          >
            <option value="validation">a held-out validation map</option>
            <option value="editor">the map in the editor</option>
          </select>
        </label>
        <label className="ia-check">
          <input
            type="checkbox"
            checked={showPush}
            onChange={(e) => onShowPush(e.target.checked)}
            data-testid="toggle-push"
          />
          show where U pushes c (−∂U/∂c)
        </label>
      </div>
      <p className="hint">
        Changing the mode or κ₀ restarts training from the seed. The network trains on {params.trainSize} ×{' '}
        {params.trainSize} {params.trainKind} maps; below is {where}
        {snapshot?.showcase === 'editor'
          ? ' (the gradient of U on it, not trained on)'
          : ', which it never trains on'}
        .
      </p>
      {snapshot && push ? (
        <div className="ia-learning-body">
          <GuidanceMap
            width={snapshot.width}
            height={snapshot.height}
            blocked={snapshot.blocked}
            values={showPush ? push : snapshot.guidance}
            colour={showPush ? pushColour : guidanceColour}
            marks={snapshot.learned.expansionOrder}
            path={snapshot.learned.path}
            start={snapshot.start}
            goal={snapshot.goal}
            label={
              showPush
                ? `Where the UL cost pushes the guidance up (orange) or down (purple) on ${where}, with the learned search on top`
                : `The learned guidance c on ${where}, with the learned search on top`
            }
            testId="guidance-canvas"
          />
          <div className="ia-learning-side">
            <div className="ia-scale" aria-hidden="true">
              <span
                className="ia-scale-bar"
                style={{ background: showPush ? PUSH_GRADIENT : GUIDANCE_GRADIENT }}
              />
              <span className="ia-scale-ends">
                {showPush ? (
                  <>
                    <span>lower c</span>
                    <span>0 (square-root scale)</span>
                    <span>raise c</span>
                  </>
                ) : (
                  <>
                    <span>c = 0: go first</span>
                    <span>c = 1: wait</span>
                  </>
                )}
              </span>
            </div>
            <p className="hint">
              {showPush
                ? 'The gradient step moves c against ∂U/∂c: orange cells get a higher c (the search should leave them for later), purple ones a lower c. Only cells that were on an open list get any push.'
                : 'Pale cells: low c, expanded early; deep blue: high c, left for later. Dots: the cells the learned planner expanded; the line: its path.'}
            </p>
            <dl className="ia-learning-counts" data-testid="learned-counts">
              <div>
                <dt>{snapshot.mode === 'neural-astar' ? 'Neural A*' : 'iA*'} expanded</dt>
                <dd>
                  {n(snapshot.learned.expansionOrder.length)}{' '}
                  <small>
                    (
                    {(snapshot.learned.expansionOrder.length / Math.max(1, snapshot.astar.expanded)).toFixed(
                      2,
                    )}
                    × A*)
                  </small>
                </dd>
              </div>
              <div>
                <dt>A* expanded</dt>
                <dd>{n(snapshot.astar.expanded)}</dd>
              </div>
              <div>
                <dt>path</dt>
                <dd>
                  {snapshot.learned.success ? snapshot.learned.pathLength.toFixed(2) : 'none'}{' '}
                  <small>(A*: {snapshot.astar.pathLength.toFixed(2)})</small>
                </dd>
              </div>
            </dl>
            <p className="hint">Baseline: {BASELINE_RULE} (f within 10⁻⁹ counted equal).</p>
          </div>
        </div>
      ) : (
        <p className="loading">Waiting for the worker's first snapshot…</p>
      )}
    </section>
  );
}
