import type { HeldOutRow } from './compare';

/** One sentence per question the issue asks of the learned allocation, computed from a held-out table. */
export interface HeldOutVerdict {
  /** Learned f(θ) + g against the better of k-means and sweep (both + g), on the longest tour. */
  clustering: { wins: boolean; text: string };
  /** Learned f(θ) + g against the min-max local search: quality gap and speed-up. */
  localSearch: { text: string };
}

const pct = (x: number): string => `${(100 * Math.abs(x - 1)).toFixed(1)} %`;

/** Null when a row the verdict needs is missing (an older table, or a failed method). */
export function heldOutVerdict(rows: readonly HeldOutRow[]): HeldOutVerdict | null {
  const by = (m: HeldOutRow['method']) => rows.find((r) => r.method === m);
  const learned = by('learned');
  const kmeans = by('kmeans');
  const sweep = by('sweep');
  const local = by('local-search');
  if (!learned || !kmeans || !sweep || !local) return null;
  const best = kmeans.meanMaxTour <= sweep.meanMaxTour ? kmeans : sweep;
  const bestName = best === kmeans ? 'k-means' : 'the sweep';
  const ratio = learned.meanMaxTour / best.meanMaxTour;
  const wins = ratio < 1;
  const speedUp = learned.meanMs > 0 ? local.meanMs / learned.meanMs : Infinity;
  return {
    clustering: {
      wins,
      text: wins
        ? `Learned beats the best clustering (${bestName}): its longest tour is ${pct(ratio)} shorter.`
        : `Learned loses to the best clustering (${bestName}): its longest tour is ${pct(ratio)} longer.`,
    },
    localSearch: {
      text: `Against the min-max local search: ${learned.meanRatio.toFixed(3)}× its longest tour, ${
        Number.isFinite(speedUp) ? `${speedUp.toFixed(1)}×` : 'far'
      } faster.`,
    },
  };
}
