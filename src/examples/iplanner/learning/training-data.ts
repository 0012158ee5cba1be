/**
 * The training inputs x of iPlanner: robot poses and goals sampled in seeded worlds of the train split, and the
 * depth image each pose sees (ray cast, with noise and dropout), packed for the network. Also the world bundle
 * (cost map, ray scene, free components) that planning in any world needs.
 */
import type { Rng } from '../../../il/rng.ts';
import type { DepthCameraSpec } from '../sensing/camera.ts';
import { buildCostMap, type CostMap, type CostMapParams } from '../sensing/costmap.ts';
import { splitSeed } from './datasets.ts';
import { approachView } from './approach-views.ts';
import { applyDepthNoise, type DepthNoise } from '../sensing/depth-noise.ts';
import { freeComponents, sampleEpisode, type EpisodeOptions } from '../evaluation/episodes.ts';
import { worldToRobot } from '../worlds/geometry.ts';
import { clipGoal, normaliseDepth } from './model.ts';
import { prepareRayScene, renderDepth, type RayScene } from '../sensing/raycast.ts';
import type { Point2, Pose2, World, WorldKind } from '../worlds/types.ts';
import { generateWorld } from '../worlds/worlds.ts';

/** A world with everything planning in it needs, built once. */
export interface PreparedWorld {
  world: World;
  map: CostMap;
  scene: RayScene;
  components: Int32Array;
}

export function prepareWorld(world: World, costMap: Partial<CostMapParams> = {}): PreparedWorld {
  const map = buildCostMap(world, costMap);
  return { world, map, scene: prepareRayScene(world), components: freeComponents(map) };
}

/** `perKind` worlds of each kind from the train split (world seeds never used by evaluation). */
export function trainingWorlds(
  kinds: readonly WorldKind[],
  perKind: number,
  costMap: Partial<CostMapParams> = {},
): PreparedWorld[] {
  const out: PreparedWorld[] = [];
  for (const kind of kinds)
    for (let i = 0; i < perKind; i++)
      // Training ignores the world's default scene, so skip its (A*-checked) detour test.
      out.push(
        prepareWorld(
          generateWorld(kind, splitSeed('train', i), { episode: { maxDetour: Infinity } }),
          costMap,
        ),
      );
  return out;
}

/** Where training poses come from: goals 1–10 m away, within ±maxBearing of the heading. */
export function trainingEpisodeOptions(maxBearingRad: number): Partial<EpisodeOptions> {
  return {
    minClearance: 0.4,
    minGoalDistance: 1,
    maxGoalDistance: 10,
    maxGoalBearing: maxBearingRad,
    attempts: 200,
  };
}

export interface PlanningSample {
  /** Index into the prepared worlds. */
  worldIndex: number;
  pose: Pose2;
  /** The goal in the world frame. */
  goalWorld: Point2;
  /** The goal as the network sees it: robot frame, clipped to the horizon. */
  goal: Point2;
}

export interface SampleBatch {
  samples: PlanningSample[];
  /** [B, H, W, 1] normalised depth, row-major. */
  depth: Float32Array;
  /** [B, 2] goals, robot frame (m). */
  goal: Float32Array;
}

/** The robot-frame goal the network is given for a pose. */
export function networkGoal(pose: Pose2, goalWorld: Point2, horizon: number): Point2 {
  const g = worldToRobot(pose, goalWorld);
  return clipGoal(g.x, g.y, horizon);
}

/**
 * Fill slot b of a batch with the observation of `pose` in `prepared`: depth (noisy if noise is given) and goal.
 * Returns the depth image before normalisation (for the view).
 */
export function writeObservation(
  batch: { depth: Float32Array; goal: Float32Array },
  b: number,
  prepared: PreparedWorld,
  camera: DepthCameraSpec,
  pose: Pose2,
  goal: Point2,
  noise: DepthNoise | null,
  rng: Rng | null,
  scratch?: Float32Array,
): Float32Array {
  const clean = renderDepth(prepared.scene, camera, pose, {}, scratch);
  const depth =
    noise && rng && (noise.relativeStd > 0 || noise.dropout > 0)
      ? applyDepthNoise(clean, noise, camera.maxRange, rng)
      : clean;
  normaliseDepth(depth, camera.maxRange, batch.depth, b * camera.width * camera.height);
  batch.goal[2 * b] = goal.x;
  batch.goal[2 * b + 1] = goal.y;
  return depth;
}

/**
 * Draw a batch of training samples from the stream (deterministic per seed and step order). A share
 * `approachShare` of the views is taken along the approach route to the sampled goal instead of at its start
 * (approach-views.ts); 0 draws exactly the stream of starts.
 */
export function sampleBatch(
  worlds: readonly PreparedWorld[],
  rng: Rng,
  size: number,
  camera: DepthCameraSpec,
  noise: DepthNoise,
  maxBearingRad: number,
  horizon: number,
  approachShare = 0,
): SampleBatch {
  const batch: SampleBatch = {
    samples: [],
    depth: new Float32Array(size * camera.width * camera.height),
    goal: new Float32Array(2 * size),
  };
  const options = trainingEpisodeOptions(maxBearingRad);
  const scratch = new Float32Array(camera.width * camera.height);
  for (let b = 0; b < size; b++) {
    let worldIndex = rng.int(0, worlds.length - 1);
    let episode = sampleEpisode(
      worlds[worldIndex].world,
      worlds[worldIndex].map,
      rng,
      options,
      worlds[worldIndex].components,
    );
    // A world too cluttered for the options: try the others in turn (never happens with the generators' defaults).
    for (let t = 1; !episode && t < worlds.length; t++) {
      worldIndex = (worldIndex + 1) % worlds.length;
      const w = worlds[worldIndex];
      episode = sampleEpisode(w.world, w.map, rng, options, w.components);
    }
    if (!episode) throw new Error('no free start and goal found in the training worlds');
    let view = { pose: episode.start, goal: episode.goal };
    if (approachShare > 0 && rng.uniform(0, 1) < approachShare)
      view = approachView(worlds[worldIndex], episode.start, episode.goal, rng) ?? view;
    const goal = networkGoal(view.pose, view.goal, horizon);
    writeObservation(batch, b, worlds[worldIndex], camera, view.pose, goal, noise, rng, scratch);
    batch.samples.push({ worldIndex, pose: view.pose, goalWorld: view.goal, goal });
  }
  return batch;
}
