import { useEffect, useId, useMemo, useState, useSyncExternalStore } from 'react';
import { choiceParam, numberParam } from '../../../il/problem';
import type { ExampleViewProps } from '../../../ui/example-view';
import { FileDrop } from '../../../ui/FileDrop';
import { Slider } from '../../../ui/Slider';
import { downloadBlob, downloadText } from '../../../ui/download';
import { QUERY_PROBLEM_TEXT } from '../connectivity.ts';
import { checkScenarioOnMap, type Scenario } from '../format-movingai-scen.ts';
import { countBlocked, samePoint } from '../grid-map.ts';
import { lessonAstar } from '../lesson-astar.ts';
import { clearMap, invertMap } from '../map-edit.ts';
import { DEFAULT_WASTAR_WEIGHT } from '../search-options.ts';
import type { PlanResult } from '../search.ts';
import { generatedScene, withGoal, withSize, withStart, withWalls } from './editor-scene.ts';
import { FilesPanel, type LoadedScenarios } from './FilesPanel';
import { GeneratorPanel } from './GeneratorPanel';
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
import { pageLesson } from './page-lesson.ts';
import { PlannerCard } from './PlannerCard';
import { longestSearch, PAGE_MAX_EXPANSIONS, PLANNER_KINDS, PLANNERS, plannerInfo } from './plan-set.ts';
import { PlaybackBar } from './PlaybackBar';
import { PlaybackClock } from './playback-clock.ts';
import { BRUSH_MAX, type Tool, TOOLS } from './tools.ts';
import { usePlans } from './use-plans.ts';
import { useSceneEditor } from './use-scene-editor.ts';
import './ia-star.css';

const n = (x: number) => x.toLocaleString('en');

/** What the map says when A* cannot return a path (start or goal on a wall, no path, the page's cap). */
function mapMessage(plan: PlanResult | null): string | null {
  if (!plan) return null;
  switch (plan.status) {
    case 'found':
      return null;
    case 'start-blocked':
      return `No search: ${QUERY_PROBLEM_TEXT['start-on-wall']}. Drag the S marker onto a free cell (or press S at the keyboard cursor).`;
    case 'goal-blocked':
      return `No search: ${QUERY_PROBLEM_TEXT['goal-on-wall']}. Drag the G marker onto a free cell (or press G).`;
    case 'no-path':
      return `The goal is unreachable: ${QUERY_PROBLEM_TEXT['goal-unreachable']}. A* searched the start's whole region (${n(plan.expanded)} cells) first.`;
    case 'limit':
      return `This map is too large to search whole on the page: each planner stopped after ${n(PAGE_MAX_EXPANSIONS)} expansions (npm run plan searches it fully).`;
    default:
      return QUERY_PROBLEM_TEXT['start-out-of-bounds'];
  }
}

function IaStarView({ params, viewState, setViewState, notify }: ExampleViewProps) {
  const editor = useSceneEditor(viewState, params, setViewState);
  const { scene } = editor;
  const { map, start, goal } = scene;
  const weight = Math.round(numberParam(viewState, 'w', DEFAULT_WASTAR_WEIGHT, 1, 5) * 10) / 10;
  const focus = choiceParam(viewState, 'focus', PLANNER_KINDS, 'astar');
  const showSearch = viewState.search !== false;
  const [tool, setTool] = useState<Tool>('wall');
  const [brush, setBrush] = useState(0);
  const [scen, setScen] = useState<LoadedScenarios | null>(null);
  const helpId = useId();

  const plans = usePlans(map, start, goal, weight);
  const set = plans.set;
  const fresh = set !== null && set.map === map && samePoint(set.start, start) && samePoint(set.goal, goal);
  const focusPlan = fresh && showSearch ? set.results[focus] : null;

  const [clock] = useState(() => new PlaybackClock(400));
  const playback = useSyncExternalStore(clock.subscribe, clock.getSnapshot);
  useEffect(() => clock.setLength(longestSearch(set)), [clock, set]);
  useEffect(() => () => clock.dispose(), [clock]);

  const { undo, redo } = editor;
  // Page-level keys of this view: P , . for the playback, Ctrl+Z / Ctrl+Shift+Z (Ctrl+Y) for undo / redo.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const tag = target?.tagName;
      if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA' || target?.isContentEditable) return;
      if ((e.ctrlKey || e.metaKey) && !e.altKey) {
        const k = e.key.toLowerCase();
        if (k === 'z' && !e.shiftKey) undo();
        else if ((k === 'z' && e.shiftKey) || k === 'y') redo();
        else return;
        e.preventDefault();
        return;
      }
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key === 'p' || e.key === 'P') clock.toggle();
      else if (e.key === ',') clock.stepBy(-1);
      else if (e.key === '.') clock.stepBy(1);
      else if (e.key === '<') clock.stepBy(-25);
      else if (e.key === '>') clock.stepBy(25);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [clock, undo, redo]);

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
  const focusInfo = plannerInfo(focus);

  return (
    <div className="ia-star">
      <section className="panel ia-toolbar" aria-label="Map editing tools">
        <div className="ia-tools" role="radiogroup" aria-label="Drawing tool">
          {TOOLS.map((t) => (
            <button
              key={t.tool}
              type="button"
              role="radio"
              aria-checked={tool === t.tool}
              className={tool === t.tool ? 'primary' : undefined}
              onClick={() => setTool(t.tool)}
              data-testid={`tool-${t.tool}`}
            >
              {t.label} <kbd>{t.key}</kbd>
            </button>
          ))}
        </div>
        <Slider
          label="brush radius"
          value={brush}
          min={0}
          max={BRUSH_MAX}
          format={(v) => (v === 0 ? '1 cell' : `${v}`)}
          onChange={(v) => setBrush(Math.round(v))}
        />
        <div className="button-row">
          <button
            type="button"
            onClick={undo}
            disabled={!editor.canUndo}
            aria-keyshortcuts="Control+Z"
            data-testid="undo"
          >
            Undo
          </button>
          <button
            type="button"
            onClick={redo}
            disabled={!editor.canRedo}
            aria-keyshortcuts="Control+Shift+Z"
            data-testid="redo"
          >
            Redo
          </button>
          <button type="button" onClick={() => edit(clearMap(map))} data-testid="clear">
            Clear
          </button>
          <button type="button" onClick={() => edit(invertMap(map, [start, goal]))} data-testid="invert">
            Invert
          </button>
        </div>
        <label className="ia-check">
          <input
            type="checkbox"
            checked={showSearch}
            onChange={(e) => setViewState({ search: e.target.checked })}
          />
          show the search on the map
        </label>
      </section>

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
            </div>
            <Legend />
          </div>
        </div>
      </FileDrop>

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

export const View = IaStarView;
export const lesson = pageLesson(lessonAstar);
