import { useCallback, useMemo, useRef, useState } from 'react';
import type { ExampleViewProps } from '../../../ui/example-view';
import { defineView } from '../../../ui/define-view';
import manifest from '../manifest';
import { numberParam } from '../../../il/problem';
import { Slider } from '../../../ui/Slider';
import { useThrottledCommand } from '../../../ui/use-throttled-command';
import { DEFAULT_CAMERA } from '../sensing/camera.ts';
import type {
  EvaluateRequest,
  EvaluateResponse,
  IPlannerCommands,
  IPlannerSnapshot,
  PlanRequest,
} from '../contract.ts';
import { iplannerParamSchema as schema, trainingKinds, type IPlannerParams } from '../params.ts';
import { prepareRayScene, renderDepth } from '../sensing/raycast.ts';
import { WORLD_KINDS, type WorldKind } from '../worlds/types.ts';
import { ComparisonTable } from './ComparisonTable';
import { compareDepth, type DepthAgreement } from './depth-readback.ts';
import { DepthInset } from './DepthInset';
import { GradCheckPanel } from './GradCheckPanel';
import { Scene3D, type DepthRenderer, type ScenePaths } from './Scene3D';
import { TrainingPanel } from './TrainingPanel';
import { useDrive } from './use-drive.ts';
import { TOOL_LABEL, TOOLS, useEditorWorld, type Tool } from './use-editor-world.ts';
import './iplanner.css';

const fmt = (x: number | undefined, d = 2) => (x !== undefined && Number.isFinite(x) ? x.toFixed(d) : '–');

function IPlannerView({
  snapshot,
  params,
  setParams,
  viewState,
  setViewState,
  channel,
  notify,
}: ExampleViewProps<IPlannerSnapshot, IPlannerParams, IPlannerCommands>) {
  const editor = useEditorWorld(viewState, setViewState, trainingKinds(params.worlds)[0]);
  const { world } = editor;
  const [tool, setTool] = useState<Tool>('goal');
  const noise = {
    relativeStd: numberParam(viewState, 'noise', params.noise, schema.noise.min, schema.noise.max),
    dropout: numberParam(viewState, 'dropout', params.dropout, schema.dropout.min, schema.dropout.max),
  };
  const onError = useCallback((m: string) => notify('error', m), [notify]);
  const drive = useDrive(channel, world, noise, onError);
  const robot = drive.state?.pose ?? world.start;

  const planRequest: PlanRequest = { world, pose: robot, sensor: { noise, seed: 1 } };
  const planKey = `${snapshot?.version ?? -1}|${editor.version}|${JSON.stringify([world.goal, world.start, robot, noise, world.kind, world.seed])}`;
  // While driving, the drive command plans; a constant key keeps these two quiet.
  const plan = useThrottledCommand(
    channel,
    'plan',
    planRequest,
    drive.running ? 'driving' : planKey,
    400,
    onError,
  );
  const gradKey = `${snapshot?.version ?? -1}|${editor.version}|${JSON.stringify([world.goal, world.start, world.kind, world.seed])}`;
  const check = useThrottledCommand(
    channel,
    'gradcheck',
    { world },
    drive.running ? 'driving' : gradKey,
    1500,
    onError,
  );

  const [heldOut, setHeldOut] = useState<EvaluateResponse | null>(null);
  const [editorEval, setEditorEval] = useState<EvaluateResponse | null>(null);
  const [busy, setBusy] = useState<'held-out' | 'editor' | null>(null);
  const evaluate = async (request: EvaluateRequest) => {
    setBusy(request.set);
    try {
      const r = await channel.command('evaluate', request);
      if (request.set === 'held-out') setHeldOut(r);
      else setEditorEval(r);
    } catch (e) {
      notify('error', `Evaluation failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(null);
    }
  };

  const depthRenderer = useRef<DepthRenderer | null>(null);
  const onDepthRenderer = useCallback((render: DepthRenderer | null) => {
    depthRenderer.current = render;
  }, []);
  const [agreement, setAgreement] = useState<(DepthAgreement & { gl: Float32Array }) | null>(null);
  const checkDepth = () => {
    const render = depthRenderer.current;
    if (!render) {
      notify('warning', 'The depth check needs WebGL, which is not available here.');
      return;
    }
    const cast = renderDepth(prepareRayScene(world), DEFAULT_CAMERA, robot);
    const gl = render(robot);
    setAgreement({ ...compareDepth(cast, gl, 0.05), gl });
  };

  const paths: ScenePaths = useMemo(() => {
    if (drive.state)
      return { learned: drive.last?.path, classical: plan?.classical.path, trace: drive.trace };
    return {
      learned: plan?.path,
      keypoints: plan?.keypoints,
      classical: plan?.classical.path,
      trace: editorEval?.learnedTrace,
    };
  }, [drive.state, drive.last, drive.trace, plan, editorEval]);

  const depth = drive.state && drive.last ? drive.last.depth : (plan?.depth ?? null);
  const onPick = (point: { x: number; y: number }, obstacleId: number | null) => {
    if (drive.running) return;
    const message = editor.click(tool, point, obstacleId);
    if (message) notify('info', message);
    else setEditorEval(null);
  };

  return (
    <div className="iplanner">
      <section className="panel" aria-labelledby="iplanner-world-title">
        <h2 id="iplanner-world-title">World editor</h2>
        <div className="field-row">
          <label className="field">
            world
            <select
              value={editor.kind}
              data-testid="world-kind"
              onChange={(e) =>
                setViewState({ world: e.target.value as WorldKind, gx: '', gy: '', sx: '', sy: '', syaw: '' })
              }
            >
              {WORLD_KINDS.map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            world seed
            <input
              type="number"
              min={0}
              step={1}
              value={editor.seed}
              data-testid="world-seed"
              onChange={(e) => {
                const v = Math.round(Number(e.target.value));
                if (Number.isFinite(v) && v >= 0)
                  setViewState({ wseed: v, gx: '', gy: '', sx: '', sy: '', syaw: '' });
                else notify('error', 'The world seed must be a whole number ≥ 0.');
              }}
            />
          </label>
          <button type="button" onClick={editor.regenerate}>
            Undo edits
          </button>
        </div>
        <div className="iplanner-tools" role="radiogroup" aria-label="Editing tool">
          {TOOLS.map((t) => (
            <button
              key={t}
              type="button"
              role="radio"
              aria-checked={tool === t}
              className={tool === t ? 'primary' : undefined}
              onClick={() => setTool(t)}
            >
              {TOOL_LABEL[t]}
            </button>
          ))}
        </div>
        <p className="hint">
          Click in the 3D view to use the tool; drag to orbit, scroll to zoom. Seeds ≡ 2 (mod 3) are held-out
          worlds that training never sees.
        </p>
      </section>

      <div className="iplanner-stage">
        <Scene3D
          world={world}
          selectedId={editor.selected}
          robot={robot}
          paths={paths}
          camera={DEFAULT_CAMERA}
          onPick={onPick}
          onDepthRenderer={onDepthRenderer}
        />
        <div className="iplanner-insets">
          <DepthInset
            depth={depth}
            width={DEFAULT_CAMERA.width}
            height={DEFAULT_CAMERA.height}
            maxRange={DEFAULT_CAMERA.maxRange}
            label="Depth image the network sees"
            testId="depth-inset"
          />
          <Slider
            label="sensor noise σ"
            value={noise.relativeStd}
            min={schema.noise.min}
            max={schema.noise.max}
            step={schema.noise.step}
            onChange={(v) => setViewState({ noise: v })}
          />
          <Slider
            label="sensor dropout"
            value={noise.dropout}
            min={schema.dropout.min}
            max={schema.dropout.max}
            step={schema.dropout.step}
            onChange={(v) => setViewState({ dropout: v })}
          />
          <button type="button" onClick={checkDepth} data-testid="depth-check">
            Check against a WebGL depth render
          </button>
          {agreement && (
            <>
              <p
                className="iplanner-metrics"
                data-testid="depth-agreement"
                data-within={agreement.withinTolerance}
                data-median={agreement.medianError}
              >
                {(100 * agreement.withinTolerance).toFixed(1)} % of {agreement.pixels} pixels within{' '}
                {agreement.toleranceM * 100} cm (median error {(100 * agreement.medianError).toFixed(2)} cm),
                noise-free ray cast vs WebGL.
              </p>
              <DepthInset
                depth={agreement.gl}
                width={DEFAULT_CAMERA.width}
                height={DEFAULT_CAMERA.height}
                maxRange={DEFAULT_CAMERA.maxRange}
                label="WebGL depth render (at the checked pose)"
              />
            </>
          )}
        </div>
      </div>

      <section className="panel" aria-labelledby="iplanner-plan-title">
        <div className="panel-head">
          <h2 id="iplanner-plan-title">Plan and drive</h2>
          <div className="panel-actions">
            {drive.running ? (
              <button type="button" onClick={drive.stop} data-testid="drive-stop">
                Stop
              </button>
            ) : (
              <button
                type="button"
                className="primary"
                onClick={drive.start}
                disabled={!snapshot}
                data-testid="drive-start"
              >
                Drive
              </button>
            )}
            <button type="button" onClick={drive.reset}>
              Robot to start
            </button>
          </div>
        </div>
        <p className="iplanner-metrics" data-testid="plan-readout">
          {plan ? (
            <>
              fear <strong>{fmt(drive.state ? drive.last?.fear : plan.fear)}</strong> (label {plan.fearLabel})
              · U <strong>{fmt(plan.upper, 3)}</strong> (obstacle {fmt(plan.terms.obstacle)}, motion{' '}
              {fmt(plan.terms.motion)}, goal {fmt(plan.terms.goal)}) · L <strong>{fmt(plan.lower, 3)}</strong>{' '}
              · learned {fmt(plan.learnedMs, 2)} ms
              {plan.collides ? ' (collides)' : ''} vs classical {fmt(plan.classical.ms, 2)} ms,{' '}
              {plan.classical.success ? `${fmt(plan.classical.length)} m` : 'no path'}
            </>
          ) : (
            'Planning…'
          )}
        </p>
        <p className="iplanner-metrics" data-testid="drive-counters">
          {drive.state
            ? `robot ${drive.state.status}, ${fmt(drive.state.travelled)} m in ${fmt(drive.state.time, 1)} s · `
            : ''}
          runs {drive.counters.runs}: reached {drive.counters.reached}, collided {drive.counters.collided},
          timed out {drive.counters.timeout} · {fmt(drive.counters.metres, 1)} m driven
        </p>
        {snapshot?.terms && (
          <p className="hint">
            Last training batch: obstacle {fmt(snapshot.terms.obstacle)}, motion {fmt(snapshot.terms.motion)},
            goal {fmt(snapshot.terms.goal, 3)}, fear BCE {fmt(snapshot.terms.fear, 3)};{' '}
            {fmt(100 * (snapshot.collisionShare ?? NaN), 0)} % of plans run into obstacles, fear right on{' '}
            {fmt(100 * (snapshot.fearAccuracy ?? NaN), 0)} %.
          </p>
        )}
      </section>

      <ComparisonTable
        heldOut={heldOut}
        editor={editorEval}
        busy={busy}
        onHeldOut={() =>
          void evaluate({
            set: 'held-out',
            kinds: ['forest', 'rooms', 'garage', 'corridors'],
            worlds: 2,
            perWorld: 3,
          })
        }
        onEditor={() => void evaluate({ set: 'editor', world })}
      />
      <GradCheckPanel check={check} />
      <TrainingPanel params={params} setParams={setParams} />
    </div>
  );
}

export const View = defineView(manifest, IPlannerView);
