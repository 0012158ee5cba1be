import { useCallback, useEffect, useMemo, useState } from 'react';
import { booleanParam, choiceParam, numberParam } from '../../../il/problem';
import type { ExampleViewProps } from '../../../ui/example-view';
import { defineView } from '../../../ui/define-view';
import manifest from '../manifest';
import { FileDrop } from '../../../ui/FileDrop';
import { Slider } from '../../../ui/Slider';
import { downloadText } from '../../../ui/download';
import { useThrottledCommand } from '../../../ui/use-throttled-command';
import {
  MAX_CITIES,
  type AllocationRequest,
  type AllocationResult,
  type CompareRequest,
  type ImtspCommands,
  type ImtspSnapshot,
} from '../contract';
import type { CompareRow } from '../allocation/compare';
import { addCity, deleteCity, moveCity, setDepot } from '../instances/instance-edits';
import type { ImtspParams } from '../params';
import { formatTsplib, parseTsplib, TsplibParseError } from '../tsp/tsplib';
import { AgentBars } from './AgentBars';
import { CityEditor, type Layers } from './CityEditor';
import { EstimatorCheckPanel } from './EstimatorCheckPanel';
import { HeldOutPanel } from './HeldOutPanel';
import { ResultTable } from './ResultTable';
import { TrainingPanel } from './TrainingPanel';
import { VariancePlot } from './VariancePlot';
import { editorSource, INSTANCE_KINDS, useEditorInstance, type InstanceKind } from './use-editor-instance';
import './imtsp.css';

/** An allocation to draw from a comparison row (a baseline has no probabilities: drawn at full strength). */
function fromRow(row: CompareRow, n: number, agents: number): AllocationResult {
  const assignment = new Int32Array(n);
  row.tours.forEach((tour, a) => tour.forEach((c) => (assignment[c] = a)));
  return {
    probs: new Float32Array((n - 1) * agents).fill(1),
    assignment,
    tours: row.tours,
    lengths: row.lengths,
    maxTour: row.maxTour,
    sumTour: row.sumTour,
    argmaxMaxTour: row.maxTour,
    decoded: 1,
    ms: row.ms,
  };
}

function ImtspView({
  snapshot,
  params,
  setParams,
  viewState,
  setViewState,
  channel,
  reports,
  notify,
}: ExampleViewProps<ImtspSnapshot, ImtspParams, ImtspCommands>) {
  const agents = Math.round(numberParam(viewState, 'm', 5, 1, 20));
  const decode = choiceParam(viewState, 'dec', ['argmax', 'best'] as const, 'best');
  const layers: Layers = {
    allocation: booleanParam(viewState, 'la', true),
    tours: booleanParam(viewState, 'lt', true),
    longest: booleanParam(viewState, 'll', true),
  };
  const source = editorSource(viewState);
  const editor = useEditorInstance(viewState, setViewState);
  const { instance, revision, commit } = editor;
  const n = instance.x.length;
  const [selected, setSelected] = useState<number | null>(null);
  // A comparison row whose tours the editor shows instead of the network's, for the instance it was made on.
  const [shownRow, setShown] = useState<{ row: CompareRow; revision: number; agents: number } | null>(null);
  const onError = useCallback((m: string) => notify('error', m), [notify]);

  const cities = useMemo(() => ({ x: Array.from(instance.x), y: Array.from(instance.y) }), [instance]);
  const allocationRequest: AllocationRequest = {
    ...cities,
    agents,
    samples: decode === 'best' ? 15 : 0,
    seed: 0,
  };
  const allocation = useThrottledCommand(
    channel,
    'allocation',
    allocationRequest,
    `${snapshot?.version ?? -1}|${revision}|${agents}|${decode}`,
    300,
    onError,
  );

  // The comparison reruns (debounced) when the instance or M changes, and on demand.
  const [compare, setCompare] = useState<CompareRow[] | null>(null);
  const [compareBusy, setCompareBusy] = useState(false);
  const [compareNonce, setCompareNonce] = useState(0);
  const ready = snapshot !== null;
  useEffect(() => {
    if (!ready) return;
    let live = true;
    const request: CompareRequest = { ...cities, agents, localSearchMs: 3000, samples: 15 };
    const timer = setTimeout(() => {
      setCompareBusy(true);
      channel
        .command('compare', request)
        .then((rows) => live && setCompare(rows))
        .catch((e: unknown) => onError(`comparison failed: ${e instanceof Error ? e.message : String(e)}`))
        .finally(() => live && setCompareBusy(false));
    }, 700);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [cities, agents, compareNonce, ready, channel, onError]);

  const shown =
    shownRow && shownRow.revision === revision && shownRow.agents === agents ? shownRow.row : null;
  const drawn = shown && shown.method !== 'learned' ? fromRow(shown, n, agents) : allocation;
  const validDrawn = drawn !== null && drawn.assignment.length === n && drawn.tours.length === agents;

  const remove = (index: number) => {
    if (n <= 2) {
      notify('warning', 'The instance needs the depot and at least one city.');
      return;
    }
    commit(deleteCity(instance, index));
    setSelected(null);
  };

  const importFile = async (file: File) => {
    const text = await file.text();
    try {
      const parsed = parseTsplib(text, file.name.replace(/\.tsp$/i, ''));
      const count = parsed.instance.x.length;
      if (count < 2 || count > MAX_CITIES)
        throw new Error(`${file.name} has ${count} cities; the editor takes 2 to ${MAX_CITIES}.`);
      commit(parsed.instance);
      setSelected(null);
      notify('info', `Imported ${parsed.instance.name}: ${count} cities, node 1 is the depot.`);
    } catch (e) {
      const reason =
        e instanceof TsplibParseError ? `${file.name}, line ${e.line}: ${e.reason}` : (e as Error).message;
      notify('error', `Could not import the file — ${reason}. The instance in the editor is unchanged.`);
    }
  };

  return (
    <div className="imtsp">
      <section className="panel" aria-labelledby="imtsp-editor-title">
        <div className="panel-head">
          <h2 id="imtsp-editor-title">
            Instance: {n - 1} cities + depot, {agents} robots
          </h2>
          <div className="panel-actions">
            <FileDrop accept=".tsp" label="Import .tsp…" onFile={(f) => void importFile(f)} />
            <button
              type="button"
              onClick={() =>
                downloadText(
                  `${instance.name || 'instance'}.tsp`,
                  formatTsplib(instance, { comment: 'iMTSP playground' }),
                )
              }
            >
              Export .tsp
            </button>
          </div>
        </div>
        <div className="field-row">
          <Slider
            label="N (cities with the depot)"
            value={Math.min(500, n)}
            min={2}
            max={500}
            onChange={(v) => editor.regenerate({ ...source, cities: Math.round(v) })}
          />
          <Slider
            label="M robots"
            value={agents}
            min={1}
            max={20}
            onChange={(v) => setViewState({ m: Math.round(v) })}
          />
          <label className="field">
            cities
            <select
              value={source.kind}
              onChange={(e) =>
                editor.regenerate({ ...source, kind: e.target.value as InstanceKind, cities: n })
              }
            >
              {INSTANCE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            onClick={() => editor.regenerate({ ...source, cities: n, seed: source.seed + 1 })}
          >
            New random instance
          </button>
        </div>
        <div className="imtsp-stage">
          <CityEditor
            instance={instance}
            allocation={validDrawn ? drawn : null}
            agents={agents}
            layers={layers}
            selected={selected}
            onSelect={setSelected}
            onAdd={(x, y) => {
              if (n >= MAX_CITIES) return notify('warning', `At most ${MAX_CITIES} cities.`);
              commit(addCity(instance, x, y));
            }}
            onMove={(i, x, y) => commit(moveCity(instance, i, x, y))}
            onDelete={remove}
          />
          <div className="imtsp-side">
            <fieldset className="imtsp-layers">
              <legend>Layers</legend>
              <label>
                <input
                  type="checkbox"
                  checked={layers.allocation}
                  onChange={(e) => setViewState({ la: e.target.checked })}
                />{' '}
                allocation (colour = robot, shade = probability)
              </label>
              <label>
                <input
                  type="checkbox"
                  checked={layers.tours}
                  onChange={(e) => setViewState({ lt: e.target.checked })}
                />{' '}
                solved tours
              </label>
              <label>
                <input
                  type="checkbox"
                  checked={layers.longest}
                  onChange={(e) => setViewState({ ll: e.target.checked })}
                />{' '}
                longest tour highlighted
              </label>
              <label className="field">
                network’s allocation
                <select value={decode} onChange={(e) => setViewState({ dec: e.target.value })}>
                  <option value="best">best of argmax + 15 samples</option>
                  <option value="argmax">argmax only</option>
                </select>
              </label>
            </fieldset>
            <div className="button-row">
              <button
                type="button"
                disabled={selected === null}
                onClick={() => selected !== null && remove(selected)}
              >
                Delete city <kbd>Del</kbd>
              </button>
              <button
                type="button"
                disabled={selected === null || selected === 0}
                onClick={() => {
                  if (selected === null) return;
                  commit(setDepot(instance, selected));
                  setSelected(0);
                }}
              >
                Make depot
              </button>
            </div>
            <p className="hint">
              {shown && shown.method !== 'learned'
                ? `Showing the ${shown.method} tours.`
                : validDrawn
                  ? `Learned: longest tour U = ${drawn.maxTour.toFixed(4)}, total L = ${drawn.sumTour.toFixed(4)}, ${drawn.ms.toFixed(0)} ms.`
                  : 'Computing the network’s allocation…'}
              {!editor.inLink && ' (This instance is too big for the link; it lives in this page only.)'}
            </p>
            {validDrawn && <AgentBars lengths={drawn.lengths} />}
          </div>
        </div>
        <p className="hint">
          Click empty space to add a city, drag a city to move it, select one and press Delete (or use the
          buttons). The black square is the depot; every robot starts and ends there.
        </p>
      </section>
      <ResultTable
        rows={compare}
        busy={compareBusy}
        onRun={() => setCompareNonce((k) => k + 1)}
        onShow={(row) => setShown(shown?.method === row.method ? null : { row, revision, agents })}
        shown={shown?.method ?? null}
      />
      <div className="two-col">
        <VariancePlot reports={reports} training={params.estimator} />
        <TrainingPanel params={params} snapshot={snapshot} setParams={setParams} />
      </div>
      <div className="two-col">
        <HeldOutPanel channel={channel} onError={onError} />
        <EstimatorCheckPanel channel={channel} onError={onError} />
      </div>
    </div>
  );
}

export const View = defineView(manifest, ImtspView);
