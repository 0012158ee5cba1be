import { Trainer, type StepReport } from './trainer';
import type { ExampleParams, Problem, ProblemFactory, TrainingSettings } from './problem';

export interface HeadlessRun {
  problem: Problem;
  trainer: Trainer;
  reports: StepReport[];
  /** Set when training stopped early on a NaN/Inf. */
  divergence?: string;
}

export interface HeadlessSummary {
  steps: number;
  ulStart: number;
  ulEnd: number;
  llStart: number;
  llEnd: number;
  msPerStep: number;
}

/**
 * Trains a problem for a fixed number of steps without any UI: what `npm run bench` and `npm run train` share.
 * The caller disposes `run.problem` and `run.trainer`.
 */
export async function trainHeadless(
  factory: ProblemFactory,
  settings: TrainingSettings,
  params: ExampleParams,
  steps: number,
  onProgress?: (report: StepReport) => void,
): Promise<HeadlessRun> {
  const problem = await factory.create(settings, factory.parseParams(params));
  const trainer = new Trainer(problem, settings.optimizer, settings.learningRate);
  const reports: StepReport[] = [];
  for (let i = 0; i < steps; i++) {
    const outcome = await trainer.step();
    if (!outcome.ok) return { problem, trainer, reports, divergence: outcome.divergence.reason };
    reports.push(outcome.report);
    onProgress?.(outcome.report);
  }
  return { problem, trainer, reports };
}

/** U and L at the start and end (means over a short window, as single steps are noisy) and the median step time. */
export function summarise(reports: readonly StepReport[], window = 1): HeadlessSummary {
  if (reports.length === 0)
    return { steps: 0, ulStart: NaN, ulEnd: NaN, llStart: NaN, llEnd: NaN, msPerStep: NaN };
  const w = Math.max(1, Math.min(window, Math.floor(reports.length / 2) || 1));
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const head = reports.slice(0, w);
  const tail = reports.slice(-w);
  const ms = reports.map((r) => r.ms).sort((a, b) => a - b);
  return {
    steps: reports.length,
    ulStart: mean(head.map((r) => r.upper)),
    ulEnd: mean(tail.map((r) => r.upper)),
    llStart: mean(head.map((r) => r.lower)),
    llEnd: mean(tail.map((r) => r.lower)),
    msPerStep: ms[Math.floor(ms.length / 2)],
  };
}
