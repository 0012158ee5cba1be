import { describe, expect, it } from 'vitest';
import { createRng } from '../../../il/rng';
import { buildGraph } from '../data/graph';
import { ROBOT_B } from '../data/robot';
import { makeRun } from '../data/run';
import { predict } from '../model/mlp';
import { pretrainOnRobotA } from '../world';
import { gradientCheck } from './gradient-check';

/** The gradients across the LL against central finite differences of V(z) = min_P L(z, P). */
describe('one-step and implicit gradients vs finite differences', () => {
  const w = pretrainOnRobotA(3);
  const run = makeRun('figure8', 120, ROBOT_B, createRng(11));
  const z = predict(w, run.x);

  it('loop graph: both exact at a converged LL; stopped early, implicit beats one-step', () => {
    const { graph, start } = buildGraph(run, z, { imu: true, loops: true });
    expect(graph.edges.some((e) => e.kind === 'loop')).toBe(true);
    const [one, three, converged] = gradientCheck(graph, start, [1, 3, 200]);
    expect(converged.maxGradient).toBeLessThan(1e-6);
    expect(converged.oneStepRelError).toBeLessThan(1e-6);
    expect(converged.implicitRelError).toBeLessThan(1e-6);
    // Stopped early the one-step gradient is biased; the IFT correction removes most of the bias.
    expect(one.oneStepRelError).toBeGreaterThan(1e-2);
    expect(one.implicitRelError).toBeLessThan(one.oneStepRelError / 2);
    expect(three.implicitRelError).toBeLessThan(three.oneStepRelError);
  });

  it('a faithful window of 8 poses (odometry + IMU only)', () => {
    const { graph, start } = buildGraph(run, z.subarray(30, 51), { imu: true, loops: false }, 10, 7);
    const [converged] = gradientCheck(graph, start, [200]);
    expect(converged.oneStepRelError).toBeLessThan(1e-6);
    expect(converged.implicitRelError).toBeLessThan(1e-6);
  });
});
