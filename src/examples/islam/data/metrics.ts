import { between, poseAt, wrapAngle } from '../solver/se2';

/**
 * Absolute trajectory error after a rigid SE(2) alignment (rotation + translation, no scale: the closed-form 2D
 * Kabsch/Umeyama fit of the estimate's positions to the truth's), RMSE over poses, metres.
 */
export function ate(estimate: Float64Array, truth: Float64Array): number {
  const n = estimate.length / 3;
  let ex = 0;
  let ey = 0;
  let tx = 0;
  let ty = 0;
  for (let k = 0; k < n; k++) {
    ex += estimate[3 * k];
    ey += estimate[3 * k + 1];
    tx += truth[3 * k];
    ty += truth[3 * k + 1];
  }
  ex /= n;
  ey /= n;
  tx /= n;
  ty /= n;
  let sxx = 0;
  let sxy = 0;
  for (let k = 0; k < n; k++) {
    const ax = estimate[3 * k] - ex;
    const ay = estimate[3 * k + 1] - ey;
    const bx = truth[3 * k] - tx;
    const by = truth[3 * k + 1] - ty;
    sxx += ax * bx + ay * by;
    sxy += ax * by - ay * bx;
  }
  const angle = Math.atan2(sxy, sxx);
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  let sum = 0;
  for (let k = 0; k < n; k++) {
    const ax = estimate[3 * k] - ex;
    const ay = estimate[3 * k + 1] - ey;
    const dx = c * ax - s * ay - (truth[3 * k] - tx);
    const dy = s * ax + c * ay - (truth[3 * k + 1] - ty);
    sum += dx * dx + dy * dy;
  }
  return Math.sqrt(sum / n);
}

/** Relative pose error over one step: RMSE of the translation (metres) and of the yaw (degrees). */
export function rpe(estimate: Float64Array, truth: Float64Array): { translation: number; yawDeg: number } {
  const n = estimate.length / 3;
  let st = 0;
  let sr = 0;
  for (let k = 0; k + 1 < n; k++) {
    const a = between(poseAt(estimate, k), poseAt(estimate, k + 1));
    const b = between(poseAt(truth, k), poseAt(truth, k + 1));
    const d = between(b, a);
    st += d[0] * d[0] + d[1] * d[1];
    sr += wrapAngle(a[2] - b[2]) ** 2;
  }
  return { translation: Math.sqrt(st / (n - 1)), yawDeg: (Math.sqrt(sr / (n - 1)) * 180) / Math.PI };
}
