import { useCallback } from 'react';
import type { ExampleViewProps } from '../../../ui/example-view';
import { defineView } from '../../../ui/define-view';
import manifest from '../manifest';
import type { ImpcParams } from '../example-params';
import type { ImpcCommands, ImpcSnapshot } from '../contract';
import { ComparisonPanel } from './ComparisonPanel';
import { FlightPanel } from './FlightPanel';
import { GradientCheckPanel } from './GradientCheckPanel';
import { LearnedParamsPanel } from './LearnedParamsPanel';
import { TrainingControls } from './TrainingControls';
import './impc.css';

function ImpcView({
  snapshot,
  params,
  setParams,
  viewState,
  setViewState,
  channel,
  reports,
  notify,
}: ExampleViewProps<ImpcSnapshot, ImpcParams, ImpcCommands>) {
  const onError = useCallback((m: string) => notify('error', m), [notify]);
  const step = reports.at(-1)?.step ?? 0;
  const psiKey = snapshot ? `${snapshot.p.map((v) => v.toPrecision(5)).join(',')}|${step}` : 'none';
  // p on a 5 % log grid, plus whether the run restarted (reset or loaded weights): a jump worth re-flying at once.
  const coarsePsiKey = snapshot
    ? `${snapshot.p.map((v) => Math.round(Math.log(v) / 0.05)).join(',')}|${step === 0 ? 'start' : 'run'}`
    : 'none';
  return (
    <div className="impc">
      <TrainingControls params={params} setParams={setParams} />
      <FlightPanel
        channel={channel}
        psiKey={psiKey}
        coarsePsiKey={coarsePsiKey}
        viewState={viewState}
        setViewState={setViewState}
        onError={onError}
      />
      <LearnedParamsPanel
        reports={reports}
        pTrue={snapshot?.pTrue ?? null}
        pStart={snapshot?.pStart ?? null}
      />
      <ComparisonPanel channel={channel} onError={onError} step={step} />
      <GradientCheckPanel
        channel={channel}
        viewState={viewState}
        setViewState={setViewState}
        onError={onError}
        step={step}
        defaultK={params.gradient === 'unrolled' ? params.unrollK : 1000}
      />
    </div>
  );
}

export const View = defineView(manifest, ImpcView);
