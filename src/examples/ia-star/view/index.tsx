import { useCallback, useEffect, useId, useMemo, useState, useSyncExternalStore } from 'react';
import { choiceParam, numberParam } from '../../../il/problem';
import type { ExampleViewProps } from '../../../ui/example-view';
import { defineView } from '../../../ui/define-view';
import manifest from '../manifest';
import { FileDrop } from '../../../ui/FileDrop';
import { Slider } from '../../../ui/Slider';
import { downloadBlob, downloadText } from '../../../ui/download';
import { checkScenarioOnMap, type Scenario } from '../formats/format-movingai-scen.ts';
import { countBlocked, samePoint } from '../maps/grid-map.ts';
import { clearMap, invertMap } from '../maps/map-edit.ts';
import type { IaStarParams } from '../params.ts';
import type { EvaluateRequest, IaStarCommands, IaStarSnapshot } from '../contract.ts';
import { DEFAULT_WASTAR_WEIGHT } from '../search/search-options.ts';
import { ComparisonPanel } from './ComparisonPanel';
import { generatedScene, withGoal, withSize, withStart, withWalls } from './editor-scene.ts';
import { FilesPanel, type LoadedScenarios } from './FilesPanel';
import { GeneratorPanel } from './GeneratorPanel';
import { LearnedCard } from './LearnedCard';
import { LEARNED_KINDS, LEARNED_PLANNERS, learnedInfo, otherMode } from './learned-planners.ts';
import { LearningPanel } from './LearningPanel';
import { Legend } from './Legend';
import {
  jsonFileText,
  mapFileText,
  OPEN_ACCEPT,
  openMapFile,
  pngFileBytes,
  scenFileText,
} from './map-files.ts';
import { MapEditor } from './MapEditor';
import { PlannerCard } from './PlannerCard';
import { longestSearch, PLANNER_KINDS, PLANNERS, plannerInfo } from './plan-set.ts';
import { PlaybackBar } from './PlaybackBar';
import { EditToolbar } from './EditToolbar';
import { mapMessage } from './map-message.ts';
import { PlaybackClock } from './playback-clock.ts';
import type { Tool } from './tools.ts';
import { useComparisonWeights } from './use-comparison-weights.ts';
import { useLearnedPlans } from './use-learned-plans.ts';
import { usePageKeys } from './use-page-keys.ts';
import { usePlans } from './use-plans.ts';
import { useSceneEditor } from './use-scene-editor.ts';
import { useShowcase } from './use-showcase.ts';
import './ia-star.css';

const n = (x: number) => x.toLocaleString('en');

const FOCUS_KINDS = [...PLANNER_KINDS, ...LEARNED_KINDS];

function IaStarView({
  snapshot,
  params: learning,
  setParams,
  viewState,
  setViewState,
  channel,
  status,
  reports,
  notify,
}: ExampleViewProps<IaStarSnapshot, IaStarParams, IaStarCommands>) {
  const editor = useSceneEditor(viewState, learning, setViewState);
  const { scene } = editor;
  const { map, start, goal } = scene;
  const weight = Math.round(numberParam(viewState, 'w', DEFAULT_WASTAR_WEIGHT, 1, 5) * 10) / 10;
  const focus = choiceParam(viewState, 'focus', FOCUS_KINDS, 'astar');
  const showSearch = viewState.search !== false;
  const showPush = viewState.push === true;
  const showcaseOn = viewState.on === 'editor' ? 'editor' : 'validation';
  const [tool, setTool] = useState<Tool>('wall');
  const [brush, setBrush] = useState(0);
  const [scen, setScen] = useState<LoadedScenarios | null>(null);
  const helpId = useId();

  const plans = usePlans(map, start, goal, weight);
  const set = plans.set;
  const fresh = set !== null && set.map === map && samePoint(set.start, start) && samePoint(set.goal, goal);

  // The learned planners: the network in training (this mode) and the other mode's shipped weights.
  const comparison = useComparisonWeights(learning, otherMode(learning.mode));
  const learned = useLearnedPlans(
    channel,
    scene,
    learning.mode,
    snapshot,
    comparison,
    status.state === 'running',
    (m) => notify('error', m),
  );
  const reportError = useCallback((m: string) => notify('error', m), [notify]);
  useShowcase(channel, showcaseOn, snapshot?.showcase ?? null, map, start, goal, reportError);
  const learnedFresh = learned.scene === scene;
  const focusPlan = !showSearch
    ? null
    : focus === 'ia-star' || focus === 'neural-astar'
      ? learnedFresh
        ? (learned.plans[focus] ?? null)
        : null
      : fresh
        ? set.results[focus]
        : null;

  const [clock] = useState(() => new PlaybackClock(400));
  const playback = useSyncExternalStore(clock.subscribe, clock.getSnapshot);
  const longest = Math.max(
    longestSearch(set),
    ...LEARNED_KINDS.map((k) => learned.plans[k]?.expansionOrder.length ?? 0),
  );
  useEffect(() => clock.setLength(longest), [clock, longest]);
  useEffect(() => () => clock.dispose(), [clock]);

  const { undo, redo } = editor;
  usePageKeys(clock, undo, redo);

  const evaluate = useCallback(
    async (request: EvaluateRequest) => {
      // A rebuilt problem has lost the comparison network: load it (again) before the evaluation.
      if (comparison.files)
        await channel.command('setComparison', { files: comparison.files, mode: comparison.mode });
      return channel.command('evaluate', request);
    },
    [channel, comparison.files, comparison.mode],
  );

  useEffect(() => {
    if (editor.linkProblem) notify('warning', editor.linkProblem);
  }, [editor.linkProblem, notify]);

  const walls = useMemo(() => countBlocked(map), [map]);
  const message = fresh ? mapMessage(set.results.astar) : null;

  const openFile = async (file: File) => {
    try {
      const opened = openMapFile(file.name, new Uint8Array(await file.arrayBuffer()), scene);
      if (opened.kind === 'map') {
        editor.commit(opened.scene);
        setScen(null);
        notify('info', `Opened ${file.name}: a ${opened.scene.map.width}×${opened.scene.map.height} map.`);
      } else {
        setScen({ fileName: file.name, scenarios: opened.scenarios });
        const first = opened.scenarios[0];
        const fits = first.mapWidth === map.width && first.mapHeight === map.height;
        notify(
          fits ? 'info' : 'warning',
          fits
            ? `${file.name}: ${n(opened.scenarios.length)} scenario${opened.scenarios.length === 1 ? '' : 's'}; pick one under Files to load its start and goal.`
            : `${file.name} is for a ${first.mapWidth}×${first.mapHeight} map (${first.mapName}); open that map first.`,
        );
      }
    } catch (e) {
      notify(
        'error',
        `Could not open ${file.name}: ${e instanceof Error ? e.message : String(e)}. The current map is kept.`,
      );
    }
  };

  const loadScenario = (s: Scenario) => {
    const problem = checkScenarioOnMap(s, map);
    if (problem) {
      notify('error', `That scenario does not fit this map: ${problem.message}.`);
      return;
    }
    editor.commit(withGoal(withStart(scene, s.start), s.goal));
  };
  const scenarioLength = (s: Scenario): number | null =>
    fresh && samePoint(s.start, start) && samePoint(s.goal, goal) && set.results.astar.success
      ? set.results.astar.pathLength
      : null;

  const exportAs = (format: 'map' | 'scen' | 'png' | 'json') => {
    try {
      if (format === 'map') downloadText(`${scene.name}.map`, mapFileText(scene));
      if (format === 'scen') downloadText(`${scene.name}.map.scen`, scenFileText(scene, `${scene.name}.map`));
      if (format === 'json') downloadText(`${scene.name}.json`, jsonFileText(scene), 'application/json');
      if (format === 'png')
        downloadBlob(`${scene.name}.png`, new Blob([pngFileBytes(scene).slice()], { type: 'image/png' }));
    } catch (e) {
      notify('error', `Could not save the .${format} file: ${e instanceof Error ? e.message : String(e)}.`);
    }
  };

  const edit = (walls: typeof map) => {
    const next = withWalls(scene, walls);
    if (next !== scene) editor.commit(next);
  };
  const optimal = fresh && set.results.astar.success ? set.results.astar.pathLength : Number.NaN;
  const focusInfo = focus === 'ia-star' || focus === 'neural-astar' ? learnedInfo(focus) : plannerInfo(focus);

  return (
    <div className="ia-star">
      <EditToolbar
        tool={tool}
        onTool={setTool}
        brush={brush}
        onBrush={setBrush}
        canUndo={editor.canUndo}
        canRedo={editor.canRedo}
        onUndo={undo}
        onRedo={redo}
        onClear={() => edit(clearMap(map))}
        onInvert={() => edit(invertMap(map, [start, goal]))}
        showSearch={showSearch}
        onShowSearch={(search) => setViewState({ search })}
      />

      <FileDrop accept={OPEN_ACCEPT} label="Open a map file (drop target)" onFile={(f) => void openFile(f)}>
        <div className="ia-stage">
          <PlaybackBar
            state={playback}
            onToggle={() => clock.toggle()}
            onStep={(d) => clock.stepBy(d)}
            onSeek={(t) => {
              clock.pause();
              clock.seek(t);
            }}
            onRate={(r) => clock.setRate(r)}
          />
          <div className="ia-editor-col">
            <MapEditor
              scene={scene}
              plan={focusPlan}
              planLabel={focusInfo.label}
              step={playback.step}
              tool={tool}
              brush={brush}
              onTool={setTool}
              onBrush={setBrush}
              onPreview={editor.preview}
              onCommit={editor.commit}
              message={message}
              helpId={helpId}
            />
            <p className="ia-map-info" data-testid="map-info">
              {map.width} × {map.height} · {n(walls)} walls (
              {((100 * walls) / (map.width * map.height)).toFixed(0)} %) · start ({start.x}, {start.y}) · goal
              ({goal.x}, {goal.y})
              {scene.origin ? ` · ${scene.origin.kind}, seed ${scene.origin.seed}` : ` · ${scene.name}`}
            </p>
            {!editor.inLink && (
              <p className="hint ia-warn" data-testid="not-in-link">
                This edited map is too large to keep in the link; save it as .map to share it.
              </p>
            )}
            <p className="hint" id={helpId}>
              Drag to draw walls (Shift or right button erases); drag <b>S</b> and <b>G</b> to move start and
              goal; Ctrl + wheel zooms. On the focused map: arrows move the cursor, Space toggles a wall, S /
              G set start / goal, [ ] brush, + − 0 zoom, W E H tools. These keys stay on the map, so the
              training keys (Space, S, R, +, −, L) work elsewhere. Replay: P , . — Undo: Ctrl+Z, redo:
              Ctrl+Shift+Z.
            </p>
          </div>
          <div className="ia-compare-col">
            <div className="ia-cards">
              {PLANNERS.map((info) =>
                set ? (
                  <PlannerCard
                    key={info.kind}
                    info={info}
                    plan={set.results[info.kind]}
                    map={set.map}
                    start={set.start}
                    goal={set.goal}
                    step={playback.step}
                    optimal={optimal}
                    shown={focus === info.kind}
                    onShow={() => setViewState({ focus: info.kind })}
                    pending={plans.pending}
                  >
                    {info.kind === 'wastar' && (
                      <Slider
                        label="w"
                        value={weight}
                        min={1}
                        max={5}
                        step={0.1}
                        format={(v) => v.toFixed(1)}
                        onChange={(v) => setViewState({ w: Math.round(v * 10) / 10 })}
                      />
                    )}
                  </PlannerCard>
                ) : (
                  <p key={info.kind} className="loading">
                    Planning {info.label}…
                  </p>
                ),
              )}
              {LEARNED_PLANNERS.map((info) => (
                <LearnedCard
                  key={info.kind}
                  info={info}
                  current={info.kind === learning.mode}
                  learned={learned}
                  comparisonNote={info.kind === comparison.mode ? comparison.note : null}
                  step={playback.step}
                  optimal={optimal}
                  shown={focus === info.kind}
                  onShow={() => setViewState({ focus: info.kind })}
                />
              ))}
            </div>
            <Legend />
          </div>
        </div>
      </FileDrop>

      <LearningPanel
        snapshot={snapshot}
        params={learning}
        setParams={setParams}
        showPush={showPush}
        onShowPush={(push) => setViewState({ push })}
        showcaseOn={showcaseOn}
        onShowcaseOn={(on) => setViewState({ on })}
      />
      <ComparisonPanel
        evaluate={evaluate}
        mode={learning.mode}
        step={reports.length ? reports[reports.length - 1].step : 0}
        comparisonNote={comparison.note}
        onError={(m) => notify('error', m)}
      />

      <div className="two-col">
        <GeneratorPanel
          key={editor.generation}
          scene={scene}
          onGenerate={(origin) => {
            try {
              editor.commit(generatedScene(origin));
              setScen(null);
            } catch (e) {
              notify('error', `Could not generate that map: ${e instanceof Error ? e.message : String(e)}.`);
            }
          }}
          onResize={(w, h) => {
            const next = withSize(scene, w, h);
            if (next !== scene) editor.commit(next);
          }}
          onError={(m) => notify('error', m)}
        />
        <FilesPanel
          scenarios={scen}
          checkLength={scenarioLength}
          onOpen={(f) => void openFile(f)}
          onScenario={loadScenario}
          onExport={exportAs}
        />
      </div>
    </div>
  );
}

export const View = defineView(manifest, IaStarView);
