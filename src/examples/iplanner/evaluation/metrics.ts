/**
 * Navigation metrics over a set of episodes: success rate, mean path length, SPL (Anderson et al. 2018,
 * "On Evaluation of Embodied Navigation Agents": mean of S_i · ℓ_i / max(p_i, ℓ_i), with ℓ the shortest
 * path length and p the path actually taken) and planning time.
 */

export interface EpisodeOutcome {
  success: boolean;
  /** Length (m) of the path taken. */
  pathLength: number;
  /** Shortest path length (m) for the episode. */
  shortestLength: number;
  /** Planning time (ms) per plan (mean over the episode's plans). */
  msPerPlan: number;
}

export interface NavigationMetrics {
  episodes: number;
  successRate: number;
  spl: number;
  /** Mean path length over the successful episodes (NaN if none). */
  meanPathLength: number;
  msPerPlan: number;
}

/** One episode's SPL term. */
export function splTerm(success: boolean, pathLength: number, shortestLength: number): number {
  if (!success || !(shortestLength > 0) || !Number.isFinite(shortestLength)) return 0;
  return shortestLength / Math.max(pathLength, shortestLength);
}

export function navigationMetrics(outcomes: readonly EpisodeOutcome[]): NavigationMetrics {
  const n = outcomes.length;
  if (n === 0) return { episodes: 0, successRate: NaN, spl: NaN, meanPathLength: NaN, msPerPlan: NaN };
  let ok = 0;
  let spl = 0;
  let len = 0;
  let ms = 0;
  for (const o of outcomes) {
    if (o.success) {
      ok++;
      len += o.pathLength;
    }
    spl += splTerm(o.success, o.pathLength, o.shortestLength);
    ms += o.msPerPlan;
  }
  return {
    episodes: n,
    successRate: ok / n,
    spl: spl / n,
    meanPathLength: ok ? len / ok : NaN,
    msPerPlan: ms / n,
  };
}
