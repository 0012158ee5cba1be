import * as tf from '@tensorflow/tfjs';
import type { GradientStep, Problem, ProblemFactory, TrainingSettings } from '../../il/problem.ts';
import { createRng, type Rng } from '../../il/rng.ts';
import { gradientsFromUpstream } from '../../il/gradients/upstream.ts';
import { assignVariables } from '../../il/checkpoint.ts';
import { dispatchCommand, type CommandHandlers } from '../../il/example/contract.ts';
import { dastarBackward, dastarForward, DastarWorkspace, type DastarModel } from './learning/dastar.ts';
import { generateQueries, optimalPathMap, splitSeeds, type GridQuery } from './learning/data.ts';
import {
  baselineOf,
  outcomeOf,
  summarisePlanner,
  weightedAstarCurve,
  type QueryOutcome,
} from './learning/evaluate.ts';
import { guidanceWeight, netGuidance, predictGuidance } from './learning/guidance.ts';
import { evaluateByClass } from './learning/class-evaluation.ts';
import { CLASS_SUITE_SEED, generatedClassQueries } from './learning/class-suite.ts';
import { encodeInputs, GuidanceNet, padGradients } from './learning/model.ts';
import {
  DEFAULT_IA_STAR_PARAMS,
  guidanceSettingFromMeta,
  guidanceSettingOf,
  parseIaStarParams,
  type IaStarParams,
} from './params.ts';
import { guidanceOffsets, type GuidanceSetting } from './learning/guidance-form.ts';
import { upperCost } from './learning/ul-cost.ts';
import { createGridMap } from './maps/grid-map.ts';
import { planOnce } from './search/search.ts';
import { pointAt } from './learning/data.ts';
import type {
  ClassRow,
  EvaluateRequest,
  EvaluateResult,
  GuideResult,
  IaStarCommands,
  IaStarSnapshot,
} from './contract.ts';

export type { IaStarSnapshot };

const sum = (xs: Float32Array): number => xs.reduce((a, b) => a + b, 0);

const SHOWCASE_SEED_INDEX = 0;
const SHOWCASE_MAX_CELLS = 256 * 256;

/**
 * iA* and Neural A* as one IL problem. ψ = θ (the U-Net); x = (map, start, goal) from the seeded training pool;
 * g = the differentiable A* on f = g + h + κ·c (octile moves, no corner cutting: the planner it is compared with);
 * φ = the search (its expansions H and path P). U per mode (ul-cost.ts), L = the found path's length.
 * The gradient: G = ∂U/∂H → dastarBackward → ∂U/∂c → gradientsFromUpstream → ∂U/∂θ.
 */
class IaStarProblem implements Problem<IaStarSnapshot> {
  readonly variables: tf.Variable[];
  /** The map the view shows the learning on and the other mode's network: re-applied after every rebuild. */
  readonly viewInputs = ['setShowcase', 'setComparison'] as const;
  private readonly net: GuidanceNet;
  private comparisonNet: GuidanceNet | null = null;
  private comparisonMode: IaStarParams['mode'] | null = null;
  private comparisonSetting: GuidanceSetting | null = null;
  private readonly pool: GridQuery[];
  private readonly optimal: (Uint8Array | undefined)[];
  private readonly validationShowcase: GridQuery;
  private showcase: GridQuery;
  private readonly ws: DastarWorkspace;
  private readonly workspaces = new Map<number, DastarWorkspace>();
  private readonly batchRng: Rng;

  constructor(
    private readonly params: IaStarParams,
    private readonly settings: TrainingSettings,
  ) {
    this.net = new GuidanceNet(settings.seed);
    this.variables = this.net.variables;
    const side = params.trainSize;
    this.pool = generateQueries(params.trainKind, side, splitSeeds(settings.seed, 'train', params.trainMaps));
    this.optimal = new Array(this.pool.length);
    this.validationShowcase = generateQueries(
      params.trainKind,
      side,
      splitSeeds(settings.seed, 'validation', SHOWCASE_SEED_INDEX + 1),
    )[SHOWCASE_SEED_INDEX];
    this.showcase = this.validationShowcase;
    this.ws = this.workspaceFor(side * side);
    this.batchRng = createRng(settings.seed).fork('ia-star-batches');
  }

  private model(width: number, height: number): DastarModel {
    return {
      costModel: 'octile',
      gWeight: 1,
      hWeight: 1,
      // The offsets of the guidance form go in as they are; ∂/∂c is the form's slope (computeGradients).
      guidanceWeight: 1,
      // iA*'s temperature on this page, τ₀·√(H·W); Neural A*'s is √W (neuralAstarModel), a different model.
      temperature: this.params.temperatureScale * Math.sqrt(width * height),
      tie: 'high-g',
    };
  }

  private workspaceFor(cells: number): DastarWorkspace {
    let ws = this.workspaces.get(cells);
    if (!ws) {
      ws = new DastarWorkspace(cells);
      this.workspaces.set(cells, ws);
    }
    return ws;
  }

  private optimalPath(i: number): Uint8Array {
    this.optimal[i] ??= optimalPathMap(this.pool[i]).pathMap;
    return this.optimal[i];
  }

  async computeGradients(): Promise<GradientStep> {
    const batch = Array.from({ length: this.settings.batchSize }, () =>
      this.batchRng.int(0, this.pool.length - 1),
    );
    const queries = batch.map((i) => this.pool[i]);
    const side = this.params.trainSize;
    const guidance = await predictGuidance(this.net, queries);
    const model = this.model(side, side);
    const setting = guidanceSettingOf(this.params);
    const grads: Float32Array[] = [];
    let upper = 0;
    let lower = 0;
    let expandedRatio = 0;
    queries.forEach((q, b) => {
      const { offsets, slope } = guidanceOffsets(guidance[b], q, setting);
      const r = dastarForward({ ...q, guidance: offsets }, model, this.ws);
      const cost = upperCost(
        this.params.mode,
        q,
        r,
        this.params.pathWeight,
        this.params.mode === 'neural-astar' ? this.optimalPath(batch[b]) : undefined,
      );
      const g = new Float32Array(side * side);
      dastarBackward(r, model, cost.upstream, g, this.ws);
      // β·mean(c) (the prior toward plain A*) adds β/N to ∂U/∂c at every cell.
      const prior = this.params.guidancePrior / g.length;
      grads.push(g.map((v, i) => (v * slope[i] + prior) / queries.length));
      upper += (cost.value + (this.params.guidancePrior * sum(guidance[b])) / g.length) / queries.length;
      lower += (r.success ? r.pathLength : side * 2) / queries.length;
      expandedRatio += r.expansionOrder.length / Math.max(1, r.path.length) / queries.length;
    });
    const { input, shape } = encodeInputs(queries.map((q) => ({ ...q.map, start: q.start, goal: q.goal })));
    const x = tf.tensor4d(input, shape);
    const upstream = tf.tensor3d(padGradients(grads, side, side), [shape[0], shape[1], shape[2]]);
    const gradients = gradientsFromUpstream(this.variables, () => this.net.forward(x), upstream);
    tf.dispose([x, upstream]);
    return { gradients, upper, lower, metrics: { expandedPerPathCell: expandedRatio } };
  }

  async snapshot(): Promise<IaStarSnapshot> {
    const q = this.showcase;
    const { width, height } = q.map;
    const [c] = await predictGuidance(this.net, [q]);
    const model = this.model(width, height);
    const ws = this.workspaceFor(width * height);
    const { offsets, slope } = guidanceOffsets(c, q, guidanceSettingOf(this.params));
    const r = dastarForward({ ...q, guidance: offsets }, model, ws);
    const optimal = this.params.mode === 'neural-astar' ? optimalPathMap(q).pathMap : undefined;
    const cost = upperCost(this.params.mode, q, r, this.params.pathWeight, optimal);
    const push = new Float32Array(width * height);
    dastarBackward(r, model, cost.upstream, push, ws);
    // Gradient descent moves c against ∂U/∂c: show the direction of the update.
    for (let i = 0; i < push.length; i++) push[i] = -push[i] * slope[i];
    const astar = planOnce(q.map, pointAt(q.map, q.start), pointAt(q.map, q.goal), { planner: 'astar' });
    return {
      mode: this.params.mode,
      showcase: q === this.validationShowcase ? 'validation' : 'editor',
      width,
      height,
      blocked: q.map.blocked,
      start: q.start,
      goal: q.goal,
      guidance: c,
      push,
      learned: {
        expansionOrder: r.expansionOrder,
        path: r.path,
        pathLength: r.pathLength,
        success: r.success,
      },
      astar: { expanded: astar.expanded, pathLength: astar.pathLength },
    };
  }

  private async guide(net: GuidanceNet, setting: GuidanceSetting, q: GridQuery): Promise<GuideResult> {
    const [c] = await predictGuidance(net, [q]);
    const kappa =
      setting.form === 'offset' ? guidanceWeight(setting.scale, q.map.width, q.map.height) : setting.scale;
    const r = planOnce(q.map, pointAt(q.map, q.start), pointAt(q.map, q.goal), {
      planner: 'astar',
      guidance: guidanceOffsets(c, q, setting).offsets,
    });
    return {
      guidance: c,
      kappa,
      learned: {
        expansionOrder: r.expansionOrder,
        path: r.path,
        pathLength: r.pathLength,
        expanded: r.expanded,
        success: r.success,
        ms: r.ms,
      },
    };
  }

  private async evaluate(req: EvaluateRequest): Promise<EvaluateResult> {
    const count = Math.max(1, Math.min(200, Math.round(req.count)));
    const size = Math.max(8, Math.min(256, Math.round(req.size)));
    const queries = generateQueries(
      this.params.trainKind,
      size,
      splitSeeds(this.settings.seed, req.split, count),
    );
    const baselines = queries.map(baselineOf);
    const summarise = async (net: GuidanceNet, setting: GuidanceSetting) => {
      const outcomes: QueryOutcome[] = [];
      for (let i = 0; i < queries.length; i += 16) {
        const chunk = queries.slice(i, i + 16);
        const maps = await predictGuidance(net, chunk);
        chunk.forEach((q, j) =>
          outcomes.push(
            outcomeOf(q, baselines[i + j], { guidance: guidanceOffsets(maps[j], q, setting).offsets }),
          ),
        );
      }
      return summarisePlanner(outcomes);
    };
    // Warm the engine up once, so the first planner timed does not pay for compilation.
    outcomeOf(queries[0], baselines[0], {});
    const result: EvaluateResult = {
      mode: this.params.mode,
      split: req.split,
      size,
      learned: await summarise(this.net, guidanceSettingOf(this.params)),
      astar: summarisePlanner(queries.map((q, i) => outcomeOf(q, baselines[i], {}))),
      wastar: weightedAstarCurve(queries, baselines),
    };
    if (this.comparisonNet && this.comparisonMode) {
      result.comparison = await summarise(this.comparisonNet, this.comparisonSetting!);
      result.comparisonMode = this.comparisonMode;
    }
    if (req.classMapsPerSide) result.byClass = await this.evaluateByClass(req.classMapsPerSide);
    return result;
  }

  /** The held-out class suite (generated classes only: the game maps live in ../shared/data, not in the app). */
  private async evaluateByClass(mapsPerSide: number): Promise<ClassRow[]> {
    const suite = generatedClassQueries(CLASS_SUITE_SEED, Math.max(1, Math.min(16, Math.round(mapsPerSide))));
    const mine = await evaluateByClass(suite, netGuidance(this.net, guidanceSettingOf(this.params)));
    const other = this.comparisonNet
      ? await evaluateByClass(suite, netGuidance(this.comparisonNet, this.comparisonSetting!))
      : null;
    return mine.map((c, i) => ({
      id: c.id,
      label: c.label,
      count: c.count,
      learned: c.learned,
      wastarExpandedAtLearnedPath: c.wastarExpandedAtLearnedPath,
      belowWastarCurve: c.belowWastarCurve,
      ...(other ? { comparison: other[i].learned } : {}),
    }));
  }

  private readonly handlers: CommandHandlers<IaStarCommands> = {
    guide: async (m) => {
      const q: GridQuery = {
        map: createGridMap(m.width, m.height, m.blocked),
        start: m.start,
        goal: m.goal,
      };
      const mine = await this.guide(this.net, guidanceSettingOf(this.params), q);
      if (!this.comparisonNet) return mine;
      const other = await this.guide(this.comparisonNet, this.comparisonSetting!, q);
      return { ...mine, comparison: { ...other.learned, guidance: other.guidance } };
    },
    evaluate: (req) => this.evaluate(req),
    setShowcase: async (m) => {
      // null: back to the held-out validation map; a map: the editor's, so the lesson's push map is "this map".
      if (m === null) {
        this.showcase = this.validationShowcase;
        return { showcase: 'validation' };
      }
      if (m.width * m.height > SHOWCASE_MAX_CELLS)
        throw new Error(
          `the map is too large to show the gradient on (${m.width}×${m.height}; at most 256×256)`,
        );
      if (m.blocked[m.start] || m.blocked[m.goal]) throw new Error('the start or the goal is on a wall');
      this.showcase = { map: createGridMap(m.width, m.height, m.blocked), start: m.start, goal: m.goal };
      return { showcase: 'editor' };
    },
    setComparison: async ({ files, mode }) => {
      // The comparison is the *other* mode (after a mode switch, the replayed one is refused and the view reloads).
      if (mode === this.params.mode)
        throw new Error(`the comparison network must be the other mode than ${mode}, which is training here`);
      const net = new GuidanceNet(0);
      try {
        assignVariables('ia-star', net.variables, files);
      } catch (e) {
        net.dispose();
        throw e;
      }
      this.comparisonNet?.dispose();
      this.comparisonNet = net;
      this.comparisonMode = mode;
      this.comparisonSetting = guidanceSettingFromMeta(files.json.meta);
      return { ok: true };
    },
  };

  command(name: string, payload: unknown): Promise<unknown> {
    return dispatchCommand(this.handlers, name, payload);
  }

  commandChangesSnapshot(name: string): boolean {
    return name === 'setShowcase';
  }

  dispose(): void {
    this.net.dispose();
    this.comparisonNet?.dispose();
  }
}

export const iaStarFactory: ProblemFactory<IaStarParams, IaStarSnapshot> = {
  defaultParams: DEFAULT_IA_STAR_PARAMS,
  parseParams: parseIaStarParams,
  create: async (settings, params) => new IaStarProblem(params, settings),
};
