import { compareMethods, evaluateHeldOut, type CompareRow, type HeldOutRow } from './compare';
import { makeInstance, type MtspInstance } from './instance';
import { checkEstimators, type EstimatorCheck } from './estimator-check';
import { uniformInstance } from './generators';
import { allocationLogProbs, solveLearned } from './learned';
import type { AllocationNetwork } from './model';
import { DISTRIBUTIONS, type Distribution } from './params';

/** Largest instance the page accepts: the network's sweep matrix is n × n. */
export const MAX_CITIES = 1000;
export const MAX_AGENTS = 20;

/** Cities as two coordinate lists; city 0 is the depot. */
export interface CitiesPayload {
  x: number[];
  y: number[];
  agents: number;
}

export interface AllocationRequest extends CitiesPayload {
  /** Allocations sampled from π besides the argmax (0: argmax only). */
  samples: number;
  seed: number;
}

export interface AllocationResult {
  /** π, row-major (N − 1) × M. */
  probs: Float32Array;
  /** The kept allocation (city → agent, the depot 0). */
  assignment: Int32Array;
  tours: number[][];
  lengths: number[];
  maxTour: number;
  sumTour: number;
  /** The argmax allocation's longest tour (before sampling). */
  argmaxMaxTour: number;
  decoded: number;
  ms: number;
}

export interface CompareRequest extends CitiesPayload {
  localSearchMs: number;
  samples: number;
}

export interface EvaluateRequest {
  cities: number;
  agents: number;
  count: number;
  distribution: Distribution;
  localSearchMs: number;
  samples: number;
}

export type ImtspCommand =
  | { name: 'allocation'; payload: AllocationRequest; result: AllocationResult }
  | { name: 'compare'; payload: CompareRequest; result: CompareRow[] }
  | { name: 'evaluate'; payload: EvaluateRequest; result: HeldOutRow[] }
  | { name: 'estimatorCheck'; payload: { batches: number }; result: EstimatorCheck };

/** What the commands need from the problem: the network f(θ), the surrogate's φ and the relaxation's τ. */
export interface CommandContext {
  network: AllocationNetwork;
  phi: () => Promise<ArrayLike<number>>;
  temperature: number;
}

function record(payload: unknown): Record<string, unknown> {
  if (typeof payload !== 'object' || payload === null) throw new Error('the command needs an object payload');
  return payload as Record<string, unknown>;
}

function wholeNumber(
  raw: Record<string, unknown>,
  key: string,
  min: number,
  max: number,
  fallback?: number,
): number {
  const v = raw[key] ?? fallback;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
    throw new Error(`${key} must be a whole number in ${min}..${max}, got ${String(v)}`);
  return v;
}

/** Validates untrusted coordinates and agent counts into an instance, with a message that says what is wrong. */
export function instanceFromPayload(payload: unknown): { instance: MtspInstance; agents: number } {
  const raw = record(payload);
  const { x, y } = raw;
  if (!Array.isArray(x) || !Array.isArray(y) || x.length !== y.length)
    throw new Error('cities need x and y lists of the same length');
  if (x.length < 2) throw new Error('the instance needs the depot and at least one city');
  if (x.length > MAX_CITIES) throw new Error(`at most ${MAX_CITIES} cities, got ${x.length}`);
  const agents = wholeNumber(raw, 'agents', 1, MAX_AGENTS);
  return { instance: makeInstance('editor', x as number[], y as number[]), agents };
}

/** The worker-side commands of the page: the network's allocation, the comparison, the held-out evaluation. */
export async function runImtspCommand(
  context: CommandContext,
  name: string,
  payload: unknown,
): Promise<unknown> {
  const { network } = context;
  const raw = record(payload);
  switch (name) {
    case 'allocation': {
      const { instance, agents } = instanceFromPayload(payload);
      const started = performance.now();
      const solved = await solveLearned(network, instance, agents, {
        samples: wholeNumber(raw, 'samples', 0, 256, 0),
        seed: wholeNumber(raw, 'seed', 0, 2 ** 31, 0),
      });
      const assignment = new Int32Array(instance.x.length);
      solved.tours.forEach((tour, a) => tour.forEach((c) => (assignment[c] = a)));
      const result: AllocationResult = {
        probs: Float32Array.from(solved.probs),
        assignment,
        tours: solved.tours.map((t) => Array.from(t)),
        lengths: Array.from(solved.lengths),
        maxTour: solved.maxTour,
        sumTour: solved.sumTour,
        argmaxMaxTour: solved.argmax.maxTour,
        decoded: solved.decoded,
        ms: performance.now() - started,
      };
      return result;
    }
    case 'compare': {
      const { instance, agents } = instanceFromPayload(payload);
      return compareMethods(network, instance, agents, {
        localSearchMs: wholeNumber(raw, 'localSearchMs', 1, 60_000, 3000),
        learned: { samples: wholeNumber(raw, 'samples', 0, 256, 15) },
      });
    }
    case 'evaluate': {
      const distribution = raw.distribution;
      if (typeof distribution !== 'string' || !(DISTRIBUTIONS as readonly string[]).includes(distribution))
        throw new Error(`distribution must be one of ${DISTRIBUTIONS.join(', ')}`);
      return evaluateHeldOut(network, {
        cities: wholeNumber(raw, 'cities', 2, MAX_CITIES),
        agents: wholeNumber(raw, 'agents', 1, MAX_AGENTS),
        count: wholeNumber(raw, 'count', 1, 100),
        distribution: distribution as Distribution,
        localSearchMs: wholeNumber(raw, 'localSearchMs', 1, 60_000, 3000),
        learned: { samples: wholeNumber(raw, 'samples', 0, 256, 15) },
      });
    }
    case 'estimatorCheck': {
      // 4 cities and 2 agents: all 16 allocations enumerated, at the current θ and φ.
      const instance = uniformInstance({ n: 5, seed: 4, name: 'check' });
      const logProbs = await allocationLogProbs(network, instance, 2);
      return checkEstimators(instance, 2, logProbs, await context.phi(), {
        batches: wholeNumber(raw, 'batches', 10, 5000, 400),
        temperature: context.temperature,
      });
    }
    default:
      throw new Error(`imtsp: unknown command "${name}"`);
  }
}
