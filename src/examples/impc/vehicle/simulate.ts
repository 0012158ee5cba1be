/**
 * The closed-loop traces the view animates: one scenario (reference steps, a steady wind, gusts the student
 * injects) flown by each controller of the comparison under the same wind and the same IMU noise stream.
 * The simulation is deterministic, so re-running it with one more gust reproduces everything before it.
 */
import {
  type ControllerSetup,
  CONTROLLER_IDS,
  CONTROLLER_LABELS,
  type ControllerId,
  contenders,
} from '../evaluation/compare';
import { flightMetrics } from '../evaluation/metrics';
import { scaledImuNoise } from './imu';
import { DEFAULT_GEOMETRY, NX } from '../params';
import type { ReferenceSegment, Scenario } from './scenarios';
import { runClosedLoop } from './sim';
import type { WindEvent } from './wind';

export interface GustEvent {
  /** Start (s), speed (m/s), heading the wind blows towards (rad). */
  time: number;
  speed: number;
  heading: number;
}

export interface SimulationRequest {
  /** Length of the episode (s). */
  duration?: number;
  /** Steady wind (m/s) from the start, blowing towards `windHeading` (rad). */
  windSpeed?: number;
  windHeading?: number;
  gusts?: GustEvent[];
  /** Scale of the IMU's random errors (1 = the profile's). */
  noise?: number;
  /** Size of the attitude reference steps (degrees). */
  stepDeg?: number;
  seed?: number;
}

export interface ControllerTrace {
  id: ControllerId;
  label: string;
  /** True roll, pitch, yaw (degrees), steps × 3. */
  attitudeDeg: Float32Array;
  /** Motor thrusts (N), steps × 4. */
  thrusts: Float32Array;
  rmseDeg: number;
  stable: boolean;
}

export interface SimulationResult {
  dt: number;
  steps: number;
  /** Reference roll, pitch, yaw (degrees), steps × 3. */
  referenceDeg: Float32Array;
  /** Horizontal wind velocity (m/s), steps × 2. */
  wind: Float32Array;
  traces: ControllerTrace[];
  /** Gust duration (s), for the view's arrows. */
  gustDuration: number;
}

export const GUST_DURATION = 0.3;
const DEG = 180 / Math.PI;
const RAD = Math.PI / 180;
const clampNumber = (v: unknown, lo: number, hi: number, fallback: number): number =>
  typeof v === 'number' && Number.isFinite(v) ? Math.min(hi, Math.max(lo, v)) : fallback;

/** A repeating pattern of attitude steps: level, roll/pitch, mixed with yaw, level again. */
function referencePattern(duration: number, stepDeg: number): ReferenceSegment[] {
  const s = stepDeg * RAD;
  const pattern = [
    { roll: 0, pitch: 0, yaw: 0 },
    { roll: s, pitch: -s / 2, yaw: 0 },
    { roll: -s / 2, pitch: s / 2, yaw: s },
    { roll: 0, pitch: 0, yaw: s },
  ];
  const out: ReferenceSegment[] = [];
  for (let i = 0, t = 0; t < duration; i++, t += 2)
    out.push({ start: t, z: 0, ...pattern[i % pattern.length] });
  return out;
}

/** The request as a scenario (untrusted numbers clamped). */
export function simulationScenario(setup: ControllerSetup, req: SimulationRequest): Scenario {
  const duration = clampNumber(req.duration, 1, 30, 8);
  const wind: WindEvent[] = [];
  const steady = clampNumber(req.windSpeed, 0, 30, 0);
  if (steady > 0)
    wind.push({
      start: 0,
      duration: Infinity,
      speed: steady,
      heading: clampNumber(req.windHeading, -10, 10, 0.6),
    });
  for (const g of (req.gusts ?? []).slice(0, 50))
    wind.push({
      start: clampNumber(g.time, 0, duration, 0),
      duration: GUST_DURATION,
      speed: clampNumber(g.speed, 0, 40, 8),
      heading: clampNumber(g.heading, -10, 10, 0),
    });
  return {
    kind: 'gust',
    seed: Math.round(clampNumber(req.seed, 0, 1e9, 7)),
    duration,
    eventTime: 0,
    references: referencePattern(duration, clampNumber(req.stepDeg, 0, 30, 10)),
    wind,
    imu: scaledImuNoise(setup.imu, clampNumber(req.noise, 0, 5, 1)),
    initialState: new Float64Array(NX),
  };
}

export function simulateControllers(setup: ControllerSetup, req: SimulationRequest): SimulationResult {
  const scenario = simulationScenario(setup, req);
  const geo = setup.geo ?? DEFAULT_GEOMETRY;
  const all = contenders(setup);
  let referenceDeg = new Float32Array(0);
  let wind = new Float32Array(0);
  let dt = 0;
  let steps = 0;
  const traces = CONTROLLER_IDS.map((id): ControllerTrace => {
    const c = all[id];
    const log = runClosedLoop(scenario, c.factory(), geo, setup.pTrue, { denoise: c.denoiser?.() });
    if (id === CONTROLLER_IDS[0]) {
      dt = log.dt;
      steps = log.steps;
      referenceDeg = new Float32Array(steps * 3);
      wind = new Float32Array(steps * 2);
      for (let k = 0; k < steps; k++) {
        for (let a = 0; a < 3; a++) referenceDeg[k * 3 + a] = log.reference[k * NX + a] * DEG;
        const t = log.time[k];
        for (const e of scenario.wind)
          if (t >= e.start && t < e.start + e.duration) {
            wind[k * 2] += e.speed * Math.cos(e.heading);
            wind[k * 2 + 1] += e.speed * Math.sin(e.heading);
          }
      }
    }
    const attitudeDeg = new Float32Array(log.steps * 3);
    for (let k = 0; k < log.steps; k++)
      for (let a = 0; a < 3; a++) attitudeDeg[k * 3 + a] = log.trueState[k * NX + a] * DEG;
    const m = flightMetrics(log, { eventTime: 0 });
    return {
      id,
      label: CONTROLLER_LABELS[id],
      attitudeDeg,
      thrusts: Float32Array.from(log.thrusts),
      rmseDeg: m.rmseDeg,
      stable: m.stable,
    };
  });
  return { dt, steps, referenceDeg, wind, traces, gustDuration: GUST_DURATION };
}
