import { useCallback, useState } from 'react';
import { defineView } from '../../../ui/define-view';
import type { ExampleViewProps } from '../../../ui/example-view';
import type { BaselineRow, GradientCheckRow, IlogicCommands, IlogicSnapshot } from '../contract';
import manifest from '../manifest';
import { GRADIENT_PATHS, ilogicParamSchema, type IlogicParams } from '../params';
import { ActionLegend, Intersection } from './Intersection';
import { AgentConcepts, BaselineTable, GradientCheckTable, RuleReadout } from './Tables';

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

function IlogicView({
  snapshot,
  params,
  setParams,
  channel,
  notify,
}: ExampleViewProps<IlogicSnapshot, IlogicParams, IlogicCommands>) {
  const [check, setCheck] = useState<GradientCheckRow[] | null>(null);
  const [baselines, setBaselines] = useState<BaselineRow[] | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [scene, setScene] = useState(0);
  const run = useCallback(
    async (what: string, job: () => Promise<void>) => {
      setBusy(what);
      try {
        await job();
      } catch (e) {
        notify('error', `${what} failed: ${(e as Error).message}`);
      } finally {
        setBusy(null);
      }
    },
    [notify],
  );
  const labels = ilogicParamSchema.gradientPath.choiceLabels ?? {};
  return (
    <div className="ilogic">
      <section className="panel" aria-labelledby="ilogic-train-title">
        <h2 id="ilogic-train-title">Train θ through the NLM with</h2>
        <div className="field-row">
          <label className="field">
            gradient path
            <select
              value={params.gradientPath}
              data-testid="path-select"
              onChange={(e) => setParams({ gradientPath: e.target.value as IlogicParams['gradientPath'] })}
            >
              {GRADIENT_PATHS.map((p) => (
                <option key={p} value={p}>
                  {labels[p] ?? p}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            K (LL steps)
            <input
              type="number"
              min={1}
              max={20}
              value={params.innerSteps}
              onChange={(e) => setParams({ innerSteps: Number(e.target.value) })}
            />
          </label>
        </div>
        <p className="hint">
          Concept labels are never used for training; they only score the grounding below.
        </p>
      </section>
      {snapshot ? (
        <>
          <section className="panel" aria-labelledby="ilogic-scores-title">
            <h2 id="ilogic-scores-title">Held-out scenes</h2>
            <p data-testid="ilogic-scores">
              Weighted accuracy: fixed split <strong>{pct(snapshot.scores.weightedAccuracyFixed)}</strong>,
              random split <strong>{pct(snapshot.scores.weightedAccuracyRandom)}</strong>; concept probe{' '}
              <strong>{pct(snapshot.scores.conceptProbeAccuracy)}</strong>
            </p>
          </section>
          <div className="two-col">
            <section className="panel" aria-labelledby="ilogic-scene-title">
              <h2 id="ilogic-scene-title">Scene {scene + 1} (random split, unseen seed)</h2>
              <Intersection snapshot={snapshot} />
              <ActionLegend />
              <div className="field-row">
                {[-1, 1].map((d) => (
                  <button
                    key={d}
                    type="button"
                    onClick={() => {
                      const next = (scene + d + 64) % 64;
                      setScene(next);
                      void run('Changing the scene', async () => {
                        await channel.command('showScene', { index: next });
                      });
                    }}
                  >
                    {d < 0 ? '← previous scene' : 'next scene →'}
                  </button>
                ))}
              </div>
            </section>
            <section className="panel" aria-labelledby="ilogic-concepts-title">
              <h2 id="ilogic-concepts-title">Grounded concepts</h2>
              <AgentConcepts snapshot={snapshot} />
            </section>
          </div>
          <section className="panel" aria-labelledby="ilogic-rules-title">
            <h2 id="ilogic-rules-title">Rules read out by ablation</h2>
            <RuleReadout snapshot={snapshot} />
          </section>
          <section className="panel" aria-labelledby="ilogic-compare-title">
            <h2 id="ilogic-compare-title">Gradient check and baselines</h2>
            <div className="field-row">
              <button
                type="button"
                disabled={busy !== null}
                data-testid="ilogic-gradcheck-run"
                onClick={() =>
                  void run('Gradient check', async () =>
                    setCheck(await channel.command('gradientCheck', { directions: 2 })),
                  )
                }
              >
                Check the gradient paths
              </button>
              <button
                type="button"
                disabled={busy !== null}
                onClick={() =>
                  void run('Baselines', async () =>
                    setBaselines(await channel.command('baselines', { steps: 300 })),
                  )
                }
              >
                Train the baselines (300 steps each)
              </button>
              {busy && <span role="status">{busy}…</span>}
            </div>
            {check && <GradientCheckTable rows={check} />}
            {baselines && <BaselineTable rows={baselines} snapshot={snapshot} />}
          </section>
        </>
      ) : (
        <p className="loading">Generating the scenes…</p>
      )}
    </div>
  );
}

export const View = defineView(manifest, IlogicView);
