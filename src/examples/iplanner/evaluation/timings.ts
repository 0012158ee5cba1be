/**
 * Timings of the non-neural half (ray cast, cost-map build, classical plan), for the bench and the
 * report. Median wall-clock milliseconds over repeated runs on generated worlds of each kind.
 */
import { classicalPlan } from '../planning/baseline.ts';
import { DEFAULT_CAMERA } from '../sensing/camera.ts';
import { buildCostMap } from '../sensing/costmap.ts';
import { episodeSet } from '../learning/datasets.ts';
import { prepareRayScene, renderDepth } from '../sensing/raycast.ts';
import { keypointsToWaypoints, buildSplineOperator } from '../planning/spline.ts';
import { WORLD_KINDS, type WorldKind } from '../worlds/types.ts';
import { upperLevelCost } from '../learning/ul-cost.ts';
import { worldToRobot } from '../worlds/geometry.ts';

export interface KindTimings {
  kind: WorldKind;
  obstacles: number;
  rayCastMs: number;
  costMapMs: number;
  classicalPlanMs: number;
  classicalSuccessRate: number;
  splineAndUlMs: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[s.length >> 1] : NaN;
}

/** Measure on `worlds` test-split worlds per kind with `episodes` episodes each. */
export function measureTimings(
  worlds = 3,
  episodes = 5,
  kinds: readonly WorldKind[] = WORLD_KINDS,
): KindTimings[] {
  const op = buildSplineOperator();
  return kinds.map((kind) => {
    const ray: number[] = [];
    const build: number[] = [];
    const plan: number[] = [];
    const ul: number[] = [];
    let ok = 0;
    let total = 0;
    let obstacles = 0;
    for (const { world, map, episodes: eps } of episodeSet([kind], 'test', worlds, episodes)) {
      obstacles += world.obstacles.length / worlds;
      const scene = prepareRayScene(world);
      const out = new Float32Array(DEFAULT_CAMERA.width * DEFAULT_CAMERA.height);
      for (let r = 0; r < 3; r++) {
        const t = performance.now();
        buildCostMap(world);
        build.push(performance.now() - t);
      }
      for (const e of eps) {
        for (let r = 0; r < 20; r++) renderDepth(scene, DEFAULT_CAMERA, e.start, {}, out); // warm-up
        const t = performance.now();
        for (let r = 0; r < 50; r++) renderDepth(scene, DEFAULT_CAMERA, e.start, {}, out);
        ray.push((performance.now() - t) / 50);
        const p = classicalPlan(world, map, e.start, e.goal);
        plan.push(p.ms);
        total++;
        if (p.success) ok++;
        const goal = worldToRobot(e.start, e.goal);
        const kp = Float64Array.from(
          { length: 10 },
          (_, i) => ((i % 2 ? goal.y : goal.x) * (Math.floor(i / 2) + 1)) / 5,
        );
        const t2 = performance.now();
        for (let r = 0; r < 50; r++)
          upperLevelCost(keypointsToWaypoints(op, kp), 0.5, { pose: e.start, goal, map });
        ul.push((performance.now() - t2) / 50);
      }
    }
    return {
      kind,
      obstacles: Math.round(obstacles),
      rayCastMs: median(ray),
      costMapMs: median(build),
      classicalPlanMs: median(plan),
      classicalSuccessRate: total ? ok / total : NaN,
      splineAndUlMs: median(ul),
    };
  });
}
