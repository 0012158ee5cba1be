/**
 * Seeded, reusable flight scenarios: what the reference does, what the wind does, how noisy the IMU is.
 *   step   — hover, then at `eventTime` a step of the attitude reference (seeded roll/pitch/yaw signs);
 *   gust   — hold level; at `eventTime` an impulse gust (a short burst of wind) from a seeded heading;
 *   wind   — hold level; at `eventTime` a step wind that stays on, from a seeded heading;
 *   excite — a seeded sequence of attitude steps on all three axes (identification / training flights).
 */
import { createRng } from '../../../il/rng';
import { DEFAULT_IMU_NOISE, type ImuNoise } from './imu';
import { NX, X_PITCH, X_ROLL, X_YAW, X_Z } from '../params';
import type { WindEvent } from './wind';

export type ScenarioKind = 'step' | 'gust' | 'wind' | 'excite';

export interface ReferenceSegment {
  start: number;
  /** Target roll, pitch, yaw (rad) and altitude (m); rates and vertical speed targets are zero. */
  roll: number;
  pitch: number;
  yaw: number;
  z: number;
}

export interface Scenario {
  kind: ScenarioKind;
  seed: number;
  duration: number;
  /** When the reference step or the wind starts (metrics such as settling time count from here). */
  eventTime: number;
  references: ReferenceSegment[];
  wind: WindEvent[];
  imu: ImuNoise;
  initialState: Float64Array;
}

export interface ScenarioOptions {
  /** Wind speed of the gust or step wind (m/s). */
  windSpeed?: number;
  /** Duration of an impulse gust (s). */
  gustDuration?: number;
  /** Size of the attitude step (rad). */
  stepSize?: number;
  duration?: number;
  imu?: ImuNoise;
}

const DEG = Math.PI / 180;

export function makeScenario(kind: ScenarioKind, seed: number, options: ScenarioOptions = {}): Scenario {
  const rng = createRng(seed).fork(kind);
  const imu = options.imu ?? DEFAULT_IMU_NOISE;
  const level: ReferenceSegment = { start: 0, roll: 0, pitch: 0, yaw: 0, z: 0 };
  const base = { kind, seed, imu, initialState: new Float64Array(NX) };
  const heading = rng.uniform(-Math.PI, Math.PI);
  if (kind === 'step') {
    const size = options.stepSize ?? 10 * DEG;
    const sign = (): number => (rng.next() < 0.5 ? -1 : 1);
    const step = {
      start: 0.5,
      roll: sign() * size,
      pitch: sign() * size * 0.5,
      yaw: sign() * size * 0.5,
      z: 0,
    };
    return { ...base, duration: options.duration ?? 3, eventTime: 0.5, references: [level, step], wind: [] };
  }
  if (kind === 'gust' || kind === 'wind') {
    const speed = options.windSpeed ?? 8;
    const duration = kind === 'gust' ? (options.gustDuration ?? 0.3) : Infinity;
    const wind: WindEvent[] = [{ start: 0.5, duration, speed, heading }];
    return { ...base, duration: options.duration ?? 3, eventTime: 0.5, references: [level], wind };
  }
  // excite: a new random attitude target every 0.4–0.8 s on all axes.
  const total = options.duration ?? 6;
  const size = options.stepSize ?? 12 * DEG;
  const references: ReferenceSegment[] = [level];
  for (let t = 0.3; t < total; t += rng.uniform(0.4, 0.8)) {
    references.push({
      start: t,
      roll: rng.uniform(-size, size),
      pitch: rng.uniform(-size, size),
      yaw: rng.uniform(-2 * size, 2 * size),
      z: rng.uniform(-0.3, 0.3),
    });
  }
  return { ...base, duration: total, eventTime: 0, references, wind: [] };
}

/** The target state x_ref at time t (the last segment started at or before t). */
export function referenceAt(
  scenario: Scenario,
  t: number,
  out: Float64Array = new Float64Array(NX),
): Float64Array {
  let seg = scenario.references[0];
  for (const s of scenario.references) if (s.start <= t + 1e-9) seg = s;
  out.fill(0);
  out[X_ROLL] = seg.roll;
  out[X_PITCH] = seg.pitch;
  out[X_YAW] = seg.yaw;
  out[X_Z] = seg.z;
  return out;
}
