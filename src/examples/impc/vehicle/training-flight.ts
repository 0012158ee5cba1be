/**
 * The online training data x: the vehicle flies seeded `excite` flights (attitude steps on every axis) under
 * the MPC with the current ψ — the model parameters p and the denoiser θ in the loop — and each UL step takes
 * the next `segment` control intervals. Data must be collected under the current ψ: the IMU's next state is
 * the response to the input that the MPC(p) actually applied. When a flight ends the next seeded one starts.
 */
import { createRng } from '../../../il/rng';
import { unwrapYaw } from '../mpc/controllers';
import { createStreamingDenoiser } from '../learning/denoiser';
import type { ImuNoise, ImuSample } from './imu';
import { type MpcContext, type MpcSolution, shiftedWarmStart, solveMpc } from '../mpc/mpc';
import { type Geometry, NU, type PhysParams } from '../params';
import { makeScenario, referenceAt } from './scenarios';
import { type Flight, createFlight, flyInterval } from './sim';

export interface SegmentStep {
  /** x_k: the state estimate (IMU-integrated with the denoised samples) when the MPC was solved. */
  x: Float64Array;
  /** y_{k+1}: the estimate after the interval. */
  y: Float64Array;
  ref: Float64Array;
  solution: MpcSolution;
}

export interface Segment {
  steps: SegmentStep[];
  /**
   * Raw and denoised IMU samples of the interval before the segment and of its intervals:
   * imuPerControl · (steps + 1) of each; interval k of the segment is block k + 1.
   */
  raw: ImuSample[];
  denoised: ImuSample[];
  /** The raw history each sample's window reads (the flight's samples so far). */
  history: readonly ImuSample[];
  /** Index in `history` of raw[0]. */
  historyStart: number;
  /** Seed of the flight the segment came from. */
  flightSeed: number;
}

export interface TrainingFlightOptions {
  seed: number;
  geo: Geometry;
  pTrue: PhysParams;
  imu: ImuNoise;
  /** Length of each training flight (s). */
  flightDuration?: number;
}

/** An endless sequence of seeded training flights, flown a segment at a time. */
export class TrainingFlights {
  private readonly seeds: ReturnType<typeof createRng>;
  private flight: Flight | null = null;
  private flightSeed = 0;
  private readonly denoiser = createStreamingDenoiser(null);
  private raw: ImuSample[] = [];
  private denoised: ImuSample[] = [];
  private warm: Float64Array | undefined;

  constructor(private readonly options: TrainingFlightOptions) {
    this.seeds = createRng(options.seed).fork('training-flights');
  }

  private startFlight(p: PhysParams): Flight {
    this.flightSeed = this.seeds.int(1, 1_000_000);
    const scenario = makeScenario('excite', this.flightSeed, {
      duration: this.options.flightDuration ?? 6,
      imu: this.options.imu,
    });
    const flight = createFlight(scenario, this.options.geo, this.options.pTrue);
    this.flight = flight;
    this.raw = [];
    this.denoised = [];
    this.warm = undefined;
    this.denoiser.reset();
    // One hover interval first, so the first segment's x_0 has IMU rates (from the interval before it).
    const hover = (p[0] * this.options.geo.gravity) / 4;
    this.flyOne(flight, Float64Array.of(hover, hover, hover, hover));
    return flight;
  }

  private flyOne(flight: Flight, u: ArrayLike<number>): void {
    const denoise = (samples: ImuSample[]): ImuSample[] => {
      const out = this.denoiser.denoise(samples);
      this.denoised.push(...out);
      return out;
    };
    this.raw.push(...flyInterval(flight, u, denoise));
  }

  /**
   * Flies `count` control intervals with MPC(ctx) and the denoiser θ (null: raw IMU), returning the segment.
   * A flight too short for the whole segment is replaced by the next one first.
   */
  fly(ctx: MpcContext, theta: ArrayLike<number> | null, count: number): Segment {
    const needed = (count + 1) * ctx.config.dt;
    let flight = this.flight;
    if (!flight || flight.t + needed > flight.scenario.duration) flight = this.startFlight(ctx.p);
    this.denoiser.setTheta(theta);
    const per = flight.rates.imuPerControl;
    const historyStart = this.raw.length - per;
    const steps: SegmentStep[] = [];
    for (let k = 0; k < count; k++) {
      const ref = referenceAt(flight.scenario, flight.t);
      const x = Float64Array.from(flight.estimate);
      const solution = solveMpc(ctx, unwrapYaw(x, ref), ref, this.warm);
      this.warm = shiftedWarmStart(solution.u);
      this.flyOne(flight, solution.u.subarray(0, NU));
      steps.push({ x, y: Float64Array.from(flight.estimate), ref, solution });
    }
    return {
      steps,
      raw: this.raw.slice(historyStart),
      denoised: this.denoised.slice(historyStart),
      history: this.raw,
      historyStart,
      flightSeed: this.flightSeed,
    };
  }
}
