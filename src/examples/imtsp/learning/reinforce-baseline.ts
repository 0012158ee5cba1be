/**
 * REINFORCE's per-instance leave-one-out baseline: sample s of an instance is compared with the mean cost of
 * the instance's other S − 1 samples. It is independent of sample s (so the estimator stays unbiased) and,
 * unlike a running mean over past instances, it removes the instance's own difficulty from the advantage: the
 * standard baseline when several samples are drawn per instance (Kool et al. 2019, "Buy 4 REINFORCE samples").
 */
export function leaveOneOutBaselines(costs: readonly number[]): Float64Array {
  const s = costs.length;
  if (s < 2) throw new RangeError('a leave-one-out baseline needs at least 2 samples per instance');
  const total = costs.reduce((a, b) => a + b, 0);
  return Float64Array.from(costs, (c) => (total - c) / (s - 1));
}
