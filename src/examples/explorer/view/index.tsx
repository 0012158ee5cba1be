import { useCallback } from 'react';
import type { ExampleViewProps } from '../../../ui/example-view';
import { defineView } from '../../../ui/define-view';
import manifest from '../manifest';
import { numberParam } from '../../../il/problem';
import { explorerParamSchema, type ExplorerParams } from '../params';
import { ParamSelect, ParamSlider } from '../../../ui/ParamField';
import type { ExplorerCommands, ExplorerSnapshot } from '../contract';
import { FeatureBars } from './FeatureBars';
import { HypergradientTable } from './HypergradientTable';
import { ContourPlot } from './ContourPlot';
import { useThrottledCommand } from '../../../ui/use-throttled-command';

function ExplorerView({
  snapshot,
  params,
  setParams,
  viewState,
  setViewState,
  channel,
  notify,
}: ExampleViewProps<ExplorerSnapshot, ExplorerParams, ExplorerCommands>) {
  const features = snapshot?.theta.length ?? params.relevant + params.irrelevant + params.noisy;
  const compareK = Math.round(numberParam(viewState, 'K', params.unrollSteps, 1, 300));
  const compareN = Math.round(numberParam(viewState, 'n', params.cgIterations, 1, 50));
  const axisI = Math.round(numberParam(viewState, 'axisI', 0, 0, features - 1));
  const axisJ = Math.round(numberParam(viewState, 'axisJ', Math.min(1, features - 1), 0, features - 1));
  const thetaKey = snapshot ? snapshot.theta.map((t) => t.toFixed(4)).join(',') : 'none';
  const onError = useCallback((m: string) => notify('error', m), [notify]);
  const rows = useThrottledCommand(
    channel,
    'compare',
    { unrollSteps: compareK, cgIterations: compareN },
    `${thetaKey}|${compareK}|${compareN}`,
    250,
    onError,
  );
  const grid = useThrottledCommand(
    channel,
    'contour',
    { axisI, axisJ },
    `${thetaKey}|${axisI}|${axisJ}`,
    600,
    onError,
  );

  return (
    <div className="explorer">
      <section className="panel" aria-labelledby="train-method-title">
        <h2 id="train-method-title">Train θ with</h2>
        <div className="field-row">
          <ParamSelect
            spec={explorerParamSchema.method}
            value={params.method}
            onChange={(method) => setParams({ method })}
            testId="method-select"
          />
          {params.method === 'unrolled' && (
            <ParamSlider
              spec={explorerParamSchema.unrollSteps}
              value={params.unrollSteps}
              onChange={(unrollSteps) => setParams({ unrollSteps })}
            />
          )}
          {params.method === 'implicit' && (
            <ParamSlider
              spec={explorerParamSchema.cgIterations}
              value={params.cgIterations}
              onChange={(cgIterations) => setParams({ cgIterations })}
            />
          )}
        </div>
        <p className="hint">
          Changing how θ is trained restarts the run from the same seed, so curves of different methods
          compare like for like.
        </p>
      </section>
      {snapshot ? (
        <>
          <FeatureBars snapshot={snapshot} />
          <div className="two-col">
            <HypergradientTable
              rows={rows}
              unrollSteps={compareK}
              cgIterations={compareN}
              onUnrollSteps={(k) => setViewState({ K: k })}
              onCgIterations={(n) => setViewState({ n })}
              trainingMethod={params.method}
            />
            <ContourPlot
              grid={grid}
              path={snapshot.path}
              features={features}
              axisI={axisI}
              axisJ={axisJ}
              onAxes={(i, j) => setViewState({ axisI: i, axisJ: j })}
            />
          </div>
        </>
      ) : (
        <p className="loading">Building the data set…</p>
      )}
    </div>
  );
}

export const View = defineView(manifest, ExplorerView);
