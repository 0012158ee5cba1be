import { dispatchCommand, type CommandHandlers } from '../../../il/example/contract';
import { compareMethods, evaluateHeldOut } from '../allocation/compare';
import {
  MAX_AGENTS,
  MAX_CITIES,
  type AllocationResult,
  type CitiesPayload,
  type ImtspCommands,
} from '../contract';
import { makeInstance, type MtspInstance } from '../instances/instance';
import { checkEstimators } from '../learning/estimator-check';
import { uniformInstance } from '../instances/generators';
import { allocationLogProbs, solveLearned } from '../learning/learned';
import type { AllocationNetwork } from '../learning/model';
import { DISTRIBUTIONS } from '../params';

/** What the commands need from the problem: the network f(θ), the surrogate's φ and the relaxation's τ. */
export interface CommandContext {
  network: AllocationNetwork;
  phi: () => Promise<ArrayLike<number>>;
  temperature: number;
}

/** Payloads are typed by the contract and still checked where they arrive: the worker hands on what it gets. */
function requireObject(payload: unknown): void {
  if (typeof payload !== 'object' || payload === null) throw new Error('the command needs an object payload');
}

function wholeNumber(value: unknown, key: string, min: number, max: number, fallback?: number): number {
  const v = value ?? fallback;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
    throw new Error(`${key} must be a whole number in ${min}..${max}, got ${String(v)}`);
  return v;
}

/** Validates untrusted coordinates and agent counts into an instance, with a message that says what is wrong. */
export function instanceFromPayload(payload: CitiesPayload): { instance: MtspInstance; agents: number } {
  requireObject(payload);
  const { x, y } = payload;
  if (!Array.isArray(x) || !Array.isArray(y) || x.length !== y.length)
    throw new Error('cities need x and y lists of the same length');
  if (x.length < 2) throw new Error('the instance needs the depot and at least one city');
  if (x.length > MAX_CITIES) throw new Error(`at most ${MAX_CITIES} cities, got ${x.length}`);
  const agents = wholeNumber(payload.agents, 'agents', 1, MAX_AGENTS);
  return { instance: makeInstance('editor', x, y), agents };
}

/** The worker-side commands of the page: the network's allocation, the comparison, the held-out evaluation. */
export function imtspCommandHandlers(context: CommandContext): CommandHandlers<ImtspCommands> {
  const { network } = context;
  return {
    allocation: async (req) => {
      const { instance, agents } = instanceFromPayload(req);
      const started = performance.now();
      const solved = await solveLearned(network, instance, agents, {
        samples: wholeNumber(req.samples, 'samples', 0, 256, 0),
        seed: wholeNumber(req.seed, 'seed', 0, 2 ** 31, 0),
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
    },
    compare: async (req) => {
      const { instance, agents } = instanceFromPayload(req);
      return compareMethods(network, instance, agents, {
        localSearchMs: wholeNumber(req.localSearchMs, 'localSearchMs', 1, 60_000, 3000),
        learned: { samples: wholeNumber(req.samples, 'samples', 0, 256, 15) },
      });
    },
    evaluate: async (req) => {
      requireObject(req);
      const distribution = DISTRIBUTIONS.find((d) => d === req.distribution);
      if (distribution === undefined)
        throw new Error(`distribution must be one of ${DISTRIBUTIONS.join(', ')}`);
      return evaluateHeldOut(network, {
        cities: wholeNumber(req.cities, 'cities', 2, MAX_CITIES),
        agents: wholeNumber(req.agents, 'agents', 1, MAX_AGENTS),
        count: wholeNumber(req.count, 'count', 1, 100),
        distribution,
        localSearchMs: wholeNumber(req.localSearchMs, 'localSearchMs', 1, 60_000, 3000),
        learned: { samples: wholeNumber(req.samples, 'samples', 0, 256, 15) },
      });
    },
    estimatorCheck: async (req) => {
      requireObject(req);
      // 4 cities and 2 agents: all 16 allocations enumerated, at the current θ and φ.
      const instance = uniformInstance({ n: 5, seed: 4, name: 'check' });
      const logProbs = await allocationLogProbs(network, instance, 2);
      return checkEstimators(instance, 2, logProbs, await context.phi(), {
        batches: wholeNumber(req.batches, 'batches', 10, 5000, 400),
        temperature: context.temperature,
      });
    },
  };
}

/** `Problem.command` of iMTSP: the handlers above over the problem's context. */
export function runImtspCommand(context: CommandContext, name: string, payload: unknown): Promise<unknown> {
  return dispatchCommand(imtspCommandHandlers(context), name, payload);
}
