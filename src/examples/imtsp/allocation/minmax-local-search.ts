import { createRng, type Rng } from '../../../il/rng';
import {
  evaluateAllocation,
  isBetterSolution,
  summariseTours,
  checkAgents,
  type MtspSolution,
} from './allocation';
import { solveClusterAllocation } from './baseline-cluster';
import { cityNeighbourLists } from '../tsp/city-neighbours';
import { distanceLookup } from '../tsp/distance';
import type { MtspInstance } from '../instances/instance';
import type { NeighbourLists } from '../tsp/tsp-neighbours';
import { solveTour, type TspOptions } from '../tsp/tsp-solve';

export interface MinMaxLocalSearchOptions {
  seed?: number;
  /** Perturbation rounds after the first descent; default 100. */
  rounds?: number;
  /**
   * Stop after this many perturbation rounds in a row without a better solution (default: never). With it a
   * better start can end the search sooner, which a fixed round count cannot show.
   */
  stallRounds?: number;
  /** Wall-clock cap in milliseconds (results then depend on the machine); default 20 000. */
  timeLimitMs?: number;
  /** Starting allocation (city → agent); default the clustering baseline. */
  start?: ArrayLike<number>;
  /** Candidate partners per city for swaps and kicks; default 10. */
  neighbours?: number;
  /** Or-3opt kicks per city when polishing the longest tour; default 5. */
  polishKicksPerCity?: number;
  tsp?: TspOptions;
}

export interface MinMaxLocalSearchResult extends MtspSolution {
  /** The solution the search started from. */
  start: MtspSolution;
  /** Perturbation rounds done and improving inter-tour moves taken. */
  rounds: number;
  moves: number;
}

/** Mutable working solution: tours as arrays starting at the depot. */
interface Plan {
  tours: number[][];
  lengths: Float64Array;
  agentOf: Int32Array;
  /** 1 when the tour has been polished by iterated local search since it last changed. */
  polished: Uint8Array;
}

interface Insertion {
  cost: number;
  /** Index (in the tour's array) of the city after which the new one goes. */
  after: number;
}

function clonePlan(plan: Plan): Plan {
  return {
    tours: plan.tours.map((t) => t.slice()),
    lengths: plan.lengths.slice(),
    agentOf: plan.agentOf.slice(),
    polished: plan.polished.slice(),
  };
}

function longestAgent(lengths: Float64Array): number {
  let best = 0;
  for (let a = 1; a < lengths.length; a++) if (lengths[a] > lengths[best]) best = a;
  return best;
}

function summary(plan: Plan): { maxTour: number; sumTour: number } {
  let maxTour = 0;
  let sumTour = 0;
  for (const l of plan.lengths) {
    maxTour = Math.max(maxTour, l);
    sumTour += l;
  }
  return { maxTour, sumTour };
}

/**
 * Min-max local search over all tours (the classical reference): repeatedly take the longest tour and
 * apply the best relocate (move one of its cities to another agent) or swap (exchange one of its cities
 * with a nearby city of another agent) that lowers the longer of the two tours involved; both touched
 * tours are then re-optimised by 2-opt/Or-opt from the edited order. When no such move exists the
 * longest tour is polished by iterated local search. Then rounds of perturbation (a few random relocations
 * towards nearby agents) + descent, keeping the best solution found.
 */
export class MinMaxLocalSearch {
  private readonly rng: Rng;
  private readonly neighbours: NeighbourLists;
  private readonly tsp: TspOptions;
  private readonly deadline: number;
  private readonly d: (a: number, b: number) => number;
  moves = 0;

  constructor(
    private readonly instance: MtspInstance,
    private readonly agents: number,
    private readonly options: MinMaxLocalSearchOptions,
  ) {
    this.rng = createRng(options.seed ?? 0);
    this.tsp = options.tsp ?? {};
    this.neighbours = cityNeighbourLists(instance, options.neighbours ?? 10, this.tsp.metric ?? 'euclidean');
    this.deadline = performance.now() + (options.timeLimitMs ?? 20_000);
    this.d = distanceLookup(instance, this.tsp.metric ?? 'euclidean');
  }

  run(): MinMaxLocalSearchResult {
    const { instance, agents, options } = this;
    const start =
      options.start === undefined
        ? solveClusterAllocation(instance, agents, { seed: options.seed, tsp: this.tsp })
        : evaluateAllocation(instance, options.start, agents, this.tsp);
    let best = this.planFrom(start);
    this.descend(best);
    let rounds = 0;
    let stalled = 0;
    const maxRounds = agents > 1 ? (options.rounds ?? 100) : 0;
    const maxStalled = options.stallRounds ?? Infinity;
    while (rounds < maxRounds && stalled < maxStalled && !this.outOfTime()) {
      rounds++;
      stalled++;
      const plan = clonePlan(best);
      this.perturb(plan);
      this.descend(plan);
      if (isBetterSolution(summary(plan), summary(best))) {
        best = plan;
        stalled = 0;
      }
    }
    const tours = best.tours.map((t) => Int32Array.from(t));
    return { ...summariseTours(tours, best.lengths.slice()), start, rounds, moves: this.moves };
  }

  private outOfTime(): boolean {
    return performance.now() > this.deadline;
  }

  private planFrom(solution: MtspSolution): Plan {
    const n = this.instance.x.length;
    const agentOf = new Int32Array(n);
    solution.tours.forEach((tour, a) => tour.forEach((c) => (agentOf[c] = a)));
    return {
      tours: solution.tours.map((t) => Array.from(t)),
      lengths: solution.lengths.slice(),
      agentOf,
      polished: new Uint8Array(this.agents),
    };
  }

  /** Length saved by cutting tour[i] out (i ≥ 1: the depot at 0 never moves). */
  private removalGain(tour: number[], i: number): number {
    const p = tour[i - 1];
    const nx = tour[(i + 1) % tour.length];
    return this.d(p, tour[i]) + this.d(tour[i], nx) - this.d(p, nx);
  }

  /** Cheapest place for city c in the tour, as if the city at index `skip` (if ≥ 1) were already gone. */
  private bestInsertion(tour: number[], c: number, skip: number): Insertion {
    const len = tour.length;
    let cost = Infinity;
    let after = 0;
    for (let j = 0; j < len; j++) {
      if (j === skip) continue;
      let k = j + 1 === len ? 0 : j + 1;
      if (k === skip) k = k + 1 === len ? 0 : k + 1;
      const a = tour[j];
      const b = tour[k];
      const extra = this.d(a, c) + this.d(c, b) - this.d(a, b);
      if (extra < cost) {
        cost = extra;
        after = j;
      }
    }
    return { cost, after };
  }

  private reoptimise(plan: Plan, agent: number, polish: boolean): void {
    const tour = plan.tours[agent];
    plan.polished[agent] = polish ? 1 : 0;
    if (tour.length <= 1) {
      plan.lengths[agent] = 0;
      return;
    }
    const kicks = (this.options.polishKicksPerCity ?? 5) * tour.length;
    const quality = polish ? { kicks, seed: this.rng.seed() } : false;
    const solved = solveTour(this.instance, tour.slice(1), { ...this.tsp, warmStart: true, quality });
    plan.tours[agent] = Array.from(solved.tour);
    plan.lengths[agent] = solved.length;
  }

  /** Insert city c into agent b's tour right after the city `afterCity`. */
  private insertAfter(plan: Plan, b: number, c: number, afterCity: number): void {
    const tour = plan.tours[b];
    tour.splice(tour.indexOf(afterCity) + 1, 0, c);
    plan.agentOf[c] = b;
  }

  private descend(plan: Plan): void {
    while (!this.outOfTime()) {
      const a = longestAgent(plan.lengths);
      if (this.tryRelocate(plan, a) || this.trySwap(plan, a)) {
        this.moves++;
        continue;
      }
      if (plan.polished[a] === 0) {
        const before = plan.lengths[a];
        this.reoptimise(plan, a, true);
        if (plan.lengths[a] < before - 1e-9 * before) continue;
      }
      return;
    }
  }

  /** Best move of one city of tour a into another tour; applied if it lowers the longer of the two. */
  private tryRelocate(plan: Plan, a: number): boolean {
    const tourA = plan.tours[a];
    const lengthA = plan.lengths[a];
    let bestScore = lengthA - 1e-9 * lengthA;
    let bestI = -1;
    let bestB = -1;
    let bestAfter = 0;
    for (let i = 1; i < tourA.length; i++) {
      const c = tourA[i];
      const newA = lengthA - this.removalGain(tourA, i);
      if (newA >= bestScore) continue;
      for (let b = 0; b < this.agents; b++) {
        if (b === a) continue;
        const ins = this.bestInsertion(plan.tours[b], c, -1);
        const score = Math.max(newA, plan.lengths[b] + ins.cost);
        if (score < bestScore) {
          bestScore = score;
          bestI = i;
          bestB = b;
          bestAfter = plan.tours[b][ins.after];
        }
      }
    }
    if (bestI < 0) return false;
    const c = tourA[bestI];
    tourA.splice(bestI, 1);
    this.insertAfter(plan, bestB, c, bestAfter);
    this.reoptimise(plan, a, false);
    this.reoptimise(plan, bestB, false);
    return true;
  }

  /** Best exchange of a city of tour a with a nearby city of another tour; applied if it lowers the longer of the two. */
  private trySwap(plan: Plan, a: number): boolean {
    const { count, list } = this.neighbours;
    const tourA = plan.tours[a];
    const lengthA = plan.lengths[a];
    let bestScore = lengthA - 1e-9 * lengthA;
    let best: { c: number; e: number; b: number; afterInA: number; afterInB: number } | null = null;
    for (let i = 1; i < tourA.length; i++) {
      const c = tourA[i];
      const keptA = lengthA - this.removalGain(tourA, i);
      for (let n = c * count; n < c * count + count; n++) {
        const e = list[n];
        const b = plan.agentOf[e];
        if (b === a) continue;
        const insE = this.bestInsertion(tourA, e, i);
        const newA = keptA + insE.cost;
        if (newA >= bestScore) continue;
        const tourB = plan.tours[b];
        const j = tourB.indexOf(e);
        const insC = this.bestInsertion(tourB, c, j);
        const score = Math.max(newA, plan.lengths[b] - this.removalGain(tourB, j) + insC.cost);
        if (score < bestScore) {
          bestScore = score;
          best = { c, e, b, afterInA: tourA[insE.after], afterInB: tourB[insC.after] };
        }
      }
    }
    if (best === null) return false;
    const { c, e, b } = best;
    tourA.splice(tourA.indexOf(c), 1);
    plan.tours[b].splice(plan.tours[b].indexOf(e), 1);
    this.insertAfter(plan, a, e, best.afterInA);
    this.insertAfter(plan, b, c, best.afterInB);
    this.reoptimise(plan, a, false);
    this.reoptimise(plan, b, false);
    return true;
  }

  /** Kick: move 1–3 random cities (half of them from the longest tour) to the agent of a nearby city. */
  private perturb(plan: Plan): void {
    const { rng, agents } = this;
    const n = this.instance.x.length;
    if (n <= 1) return;
    const { count, list } = this.neighbours;
    const touched = new Set<number>();
    const kicks = rng.int(1, 3);
    for (let t = 0; t < kicks; t++) {
      const longest = plan.tours[longestAgent(plan.lengths)];
      const c =
        rng.next() < 0.5 && longest.length > 1 ? longest[rng.int(1, longest.length - 1)] : rng.int(1, n - 1);
      const from = plan.agentOf[c];
      const options: number[] = [];
      for (let k = c * count; k < c * count + count; k++)
        if (plan.agentOf[list[k]] !== from) options.push(plan.agentOf[list[k]]);
      let to = options.length > 0 ? options[rng.int(0, options.length - 1)] : rng.int(0, agents - 2);
      if (options.length === 0 && to >= from) to++;
      const tourFrom = plan.tours[from];
      tourFrom.splice(tourFrom.indexOf(c), 1);
      const ins = this.bestInsertion(plan.tours[to], c, -1);
      this.insertAfter(plan, to, c, plan.tours[to][ins.after]);
      touched.add(from);
      touched.add(to);
    }
    for (const agent of touched) this.reoptimise(plan, agent, false);
  }
}

/** The classical reference: min-max local search from the clustering baseline (or a given allocation). */
export function solveMinMaxLocalSearch(
  instance: MtspInstance,
  agents: number,
  options: MinMaxLocalSearchOptions = {},
): MinMaxLocalSearchResult {
  checkAgents(agents);
  return new MinMaxLocalSearch(instance, agents, options).run();
}
