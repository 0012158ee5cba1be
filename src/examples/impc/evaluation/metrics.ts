/**
 * The iMPC paper's metrics, on the true attitude (not the estimate), at the control rate:
 *   attitude error e_k = ‖(φ, θ, ψ)_k − (φ, θ, ψ)_ref,k‖ (degrees; angle differences wrapped);
 *   settling time: from the scenario's event until e enters ±1.5° and stays there to the end (0 if it
 *   never leaves the band);
 *   RMSE: root mean square of e from the event on; steady-state error: mean e over the last second;
 *   stable: finite, e below `boundDeg` throughout and below `recoverDeg` over the last second.
 */
import { NX } from '../params';
import { wrapAngle } from '../vehicle/rotation';
import type { FlightLog } from '../vehicle/sim';

const DEG = 180 / Math.PI;

export interface FlightMetrics {
  rmseDeg: number;
  steadyStateErrorDeg: number;
  /** Infinity when the error never settles within the band. */
  settlingTimeS: number;
  maxErrorDeg: number;
  stable: boolean;
}

export interface MetricOptions {
  eventTime: number;
  settleBandDeg?: number;
  steadyWindowS?: number;
  boundDeg?: number;
  recoverDeg?: number;
}

export function attitudeErrorDeg(log: FlightLog): Float64Array {
  const e = new Float64Array(log.steps);
  for (let k = 0; k < log.steps; k++) {
    let s = 0;
    for (let a = 0; a < 3; a++) s += wrapAngle(log.trueState[k * NX + a] - log.reference[k * NX + a]) ** 2;
    e[k] = Math.sqrt(s) * DEG;
  }
  return e;
}

export function flightMetrics(log: FlightLog, options: MetricOptions): FlightMetrics {
  const band = options.settleBandDeg ?? 1.5;
  const window = options.steadyWindowS ?? 1;
  const e = attitudeErrorDeg(log);
  const first = Math.max(0, Math.ceil(options.eventTime / log.dt - 1e-9));
  const tail = Math.max(first, log.steps - Math.round(window / log.dt));
  let sumSq = 0;
  let maxErr = 0;
  let lastOutside = first - 1;
  let finite = true;
  for (let k = first; k < log.steps; k++) {
    if (!Number.isFinite(e[k])) finite = false;
    sumSq += e[k] * e[k];
    maxErr = Math.max(maxErr, e[k]);
    if (!(e[k] <= band)) lastOutside = k;
  }
  let tailSum = 0;
  let tailMax = 0;
  for (let k = tail; k < log.steps; k++) {
    tailSum += e[k];
    tailMax = Math.max(tailMax, e[k]);
  }
  const settled = lastOutside < log.steps - 1;
  const stable = finite && maxErr < (options.boundDeg ?? 30) && tailMax < (options.recoverDeg ?? 10);
  return {
    rmseDeg: Math.sqrt(sumSq / Math.max(1, log.steps - first)),
    steadyStateErrorDeg: tailSum / Math.max(1, log.steps - tail),
    settlingTimeS: settled ? (lastOutside + 1 - first) * log.dt : Infinity,
    maxErrorDeg: maxErr,
    stable,
  };
}

/**
 * Largest wind speed (m/s) at which every scenario built by `scenarioAt(speed, seed)` stays stable:
 * a coarse sweep upwards until the first failure, then bisection between the last success and it.
 */
export function maxStableWind(
  isStable: (speed: number, seed: number) => boolean,
  seeds: readonly number[],
  options: { start?: number; coarseStep?: number; maxSpeed?: number; resolution?: number } = {},
): number {
  const stableAll = (v: number): boolean => seeds.every((s) => isStable(v, s));
  const coarse = options.coarseStep ?? 4;
  const maxSpeed = options.maxSpeed ?? 40;
  let lo = 0;
  let hi = Infinity;
  for (let v = options.start ?? coarse; v <= maxSpeed + 1e-9; v += coarse) {
    if (stableAll(v)) lo = v;
    else {
      hi = v;
      break;
    }
  }
  if (hi === Infinity) return lo;
  const resolution = options.resolution ?? 0.25;
  while (hi - lo > resolution) {
    const mid = 0.5 * (lo + hi);
    if (stableAll(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}
