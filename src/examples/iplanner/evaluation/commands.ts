/**
 * iPlanner's on-demand work for the view (run in the worker, between training steps): plan on the editor's world,
 * advance drive mode, evaluate learned vs classical, and the live gradient check. The payloads are typed by the
 * contract, and still checked: every world and pose (world-input.ts), drive state and sensor setting, and a bad
 * one gets a readable error.
 */
import type { CommandHandlers } from '../../../il/example/contract.ts';
import { createRng } from '../../../il/rng.ts';
import { classicalPlan } from '../planning/baseline.ts';
import type { DepthCameraSpec } from '../sensing/camera.ts';
import { pathCollision } from '../sensing/collision.ts';
import { driveStep, type DriveState } from '../planning/drive.ts';
import {
  compareDetailed,
  compareOnEpisodes,
  DEFAULT_DRIVE_OPTIONS,
  heldOutEpisodes,
  sceneEpisode,
  type EvalEpisode,
} from './evaluation.ts';
import type {
  DriveRequest,
  DriveResponse,
  EvaluateRequest,
  EvaluateResponse,
  GradcheckRequest,
  IPlannerCommands,
  PlanRequest,
  PlanResponse,
  SensorSettings,
} from '../contract.ts';
import { checkGradient, type GradientCheck } from '../learning/gradcheck.ts';
import { robotPathToWorld } from '../worlds/geometry.ts';
import { planOnce } from '../planning/learned-planner.ts';
import type { PlannerNet } from '../learning/model.ts';
import { splineEnergy, type SplineOperator } from '../planning/spline.ts';
import type { SplineTensors } from '../planning/spline-tensor.ts';
import { sampleBatch, type PreparedWorld } from '../learning/training-data.ts';
import { WORLD_KINDS, type Pose2, type WorldKind } from '../worlds/types.ts';
import { fearLabel, upperLevelCost, type UlSettings } from '../learning/ul-cost.ts';
import { parsePose, parseWorld, type WorldCache } from '../worlds/world-input.ts';

export interface CommandContext {
  net: PlannerNet;
  op: SplineOperator;
  spline: SplineTensors;
  camera: DepthCameraSpec;
  ul: Partial<UlSettings>;
  cache: WorldCache;
  trainingWorlds: readonly PreparedWorld[];
  seed: number;
}

const DRIVE_STATUSES = ['running', 'reached', 'collided', 'timeout'] as const;

function parseDriveState(v: unknown): DriveState {
  if (typeof v !== 'object' || v === null) throw new Error('drive state is missing');
  const r = v as Record<string, unknown>;
  const status = DRIVE_STATUSES.find((s) => s === r.status);
  if (!status) throw new Error('drive state has an unknown status');
  const time = Number(r.time);
  const travelled = Number(r.travelled);
  if (!Number.isFinite(time) || !Number.isFinite(travelled)) throw new Error('drive state has bad numbers');
  return { pose: parsePose(r.pose, 'robot pose'), time, travelled, status };
}

function parseSensor(v: unknown): SensorSettings {
  const r = (typeof v === 'object' && v !== null ? v : {}) as Record<string, unknown>;
  const n = (typeof r.noise === 'object' && r.noise !== null ? r.noise : {}) as Record<string, unknown>;
  const clamp = (x: unknown, hi: number) =>
    Math.min(hi, Math.max(0, Number.isFinite(Number(x)) ? Number(x) : 0));
  return {
    noise: { relativeStd: clamp(n.relativeStd, 0.5), dropout: clamp(n.dropout, 1) },
    seed: Math.round(clamp(r.seed, 2 ** 31)),
  };
}

async function plan(ctx: CommandContext, req: PlanRequest): Promise<PlanResponse> {
  const world = parseWorld(req.world);
  const pose = req.pose === undefined ? world.start : parsePose(req.pose, 'pose');
  const sensor = parseSensor(req.sensor);
  const prepared = ctx.cache.get(world);
  const learned = await planOnce(
    ctx.net,
    ctx.op,
    ctx.camera,
    prepared,
    pose,
    world.goal,
    sensor.noise,
    createRng(sensor.seed),
  );
  const ul = upperLevelCost(
    learned.waypoints,
    learned.fear,
    { pose, goal: learned.goal, map: prepared.map },
    ctx.ul,
  );
  const classical = classicalPlan(world, prepared.map, pose, world.goal);
  return {
    depth: learned.depth,
    keypoints: Array.from(robotPathToWorld(pose, learned.keypoints)),
    path: Array.from(learned.path),
    fear: learned.fear,
    fearLabel: fearLabel(learned.waypoints, pose, prepared.map),
    collides: pathCollision(world, learned.path, prepared.map.params.robotRadius).collides,
    learnedMs: learned.ms,
    upper: ul.total,
    lower: splineEnergy(ctx.op, learned.keypoints).value,
    terms: ul.terms,
    classical: {
      path: Array.from(classical.path),
      length: classical.length,
      success: classical.success,
      ms: classical.ms,
    },
  };
}

async function drive(ctx: CommandContext, req: DriveRequest): Promise<DriveResponse> {
  const world = parseWorld(req.world);
  let state = parseDriveState(req.state);
  const rounds = Math.min(50, Math.max(1, Math.round(Number(req.rounds) || 1)));
  const replanEvery = Math.min(20, Math.max(1, Math.round(Number(req.replanEvery) || 2)));
  const sensor = parseSensor(req.sensor);
  const prepared = ctx.cache.get(world);
  const rng = createRng(sensor.seed);
  const trace: number[] = [];
  let last: { path: Float64Array; fear: number; depth: Float32Array } | null = null;
  for (let r = 0; r < rounds && state.status === 'running'; r++) {
    const p = await planOnce(
      ctx.net,
      ctx.op,
      ctx.camera,
      prepared,
      state.pose,
      world.goal,
      sensor.noise,
      rng,
    );
    last = { path: p.path, fear: p.fear, depth: p.depth };
    for (let s = 0; s < replanEvery && state.status === 'running'; s++) {
      state = driveStep(world, state, p.path, world.goal, DEFAULT_DRIVE_OPTIONS.drive);
      trace.push(state.pose.x, state.pose.y);
    }
  }
  return {
    state,
    path: last ? Array.from(last.path) : [],
    fear: last?.fear ?? 0,
    depth: last?.depth ?? new Float32Array(ctx.camera.width * ctx.camera.height),
    trace,
  };
}

const heldOutCache = new Map<string, EvalEpisode[]>();

function heldOut(kinds: WorldKind[], worlds: number, perWorld: number): EvalEpisode[] {
  const key = `${kinds.join('+')}|${worlds}|${perWorld}`;
  let episodes = heldOutCache.get(key);
  if (!episodes) {
    episodes = heldOutEpisodes(kinds, worlds, perWorld);
    heldOutCache.set(key, episodes);
  }
  return episodes;
}

const DEFAULT_EVALUATION_KINDS: WorldKind[] = ['forest', 'rooms'];

async function evaluate(ctx: CommandContext, req: EvaluateRequest | undefined): Promise<EvaluateResponse> {
  if (req?.set === 'editor') {
    const world = parseWorld(req.world);
    const episode = sceneEpisode(world, ctx.cache.get(world));
    if (!Number.isFinite(episode.shortest))
      throw new Error(
        'the goal cannot be reached from the start in this world (move the goal or an obstacle)',
      );
    const detail = await compareDetailed(ctx.net, ctx.op, ctx.camera, [episode], {}, 10);
    return {
      set: 'editor',
      rows: [{ label: 'editor world', comparison: detail.comparison }],
      learnedTrace: Array.from(detail.drive.traces[0]),
      learnedStatus: detail.drive.statuses[0],
      classicalPath: Array.from(detail.classical.paths[0]),
    };
  }
  // Held out unless the editor's world is asked for; the kinds and counts are checked as they come.
  const requested: unknown = req?.kinds;
  const kinds = Array.isArray(requested)
    ? WORLD_KINDS.filter((k) => requested.includes(k))
    : DEFAULT_EVALUATION_KINDS;
  if (!kinds.length) throw new Error('choose at least one world kind to evaluate on');
  const worlds = Math.min(20, Math.max(1, Math.round(Number(req?.worlds) || 3)));
  const perWorld = Math.min(10, Math.max(1, Math.round(Number(req?.perWorld) || 3)));
  const rows: EvaluateResponse['rows'] = [];
  for (const kind of kinds) {
    const episodes = heldOut([kind], worlds, perWorld);
    rows.push({
      label: kind,
      comparison: await compareOnEpisodes(ctx.net, ctx.op, ctx.camera, episodes, {}, 10),
    });
  }
  return { set: 'held-out', rows };
}

async function gradcheck(ctx: CommandContext, req: GradcheckRequest | undefined): Promise<GradientCheck> {
  let prepared: PreparedWorld;
  let pose: Pose2;
  let goalWorld;
  if (req?.world !== undefined) {
    const world = parseWorld(req.world);
    prepared = ctx.cache.get(world);
    pose = req.pose === undefined ? world.start : parsePose(req.pose, 'pose');
    goalWorld = world.goal;
  } else {
    const batch = sampleBatch(
      ctx.trainingWorlds,
      createRng(ctx.seed).fork('gradcheck'),
      1,
      ctx.camera,
      { relativeStd: 0, dropout: 0 },
      Math.PI / 2,
      ctx.net.spec.horizon,
    );
    const s = batch.samples[0];
    prepared = ctx.trainingWorlds[s.worldIndex];
    pose = s.pose;
    goalWorld = s.goalWorld;
  }
  const p = await planOnce(ctx.net, ctx.op, ctx.camera, prepared, pose, goalWorld);
  return checkGradient(
    ctx.op,
    ctx.spline,
    p.keypoints,
    p.fear,
    { pose, goal: p.goal, map: prepared.map },
    ctx.ul,
  );
}

/** The commands over one problem's context, typed by the contract. */
export function commandHandlers(ctx: CommandContext): CommandHandlers<IPlannerCommands> {
  return {
    plan: (req) => plan(ctx, req),
    drive: (req) => drive(ctx, req),
    evaluate: (req?) => evaluate(ctx, req),
    gradcheck: (req?) => gradcheck(ctx, req),
  };
}
