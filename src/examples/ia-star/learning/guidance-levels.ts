/** κ for a map: the guidance weight grows with the side, as obstacles (and detours) do. */
export function guidanceWeight(guidanceScale: number, width: number, height: number): number {
  return (guidanceScale * Math.max(width, height)) / 32;
}

/**
 * Guidance levels: c is rounded to multiples of 1/GUIDANCE_LEVELS before it enters f (straight-through in the
 * backward). A continuous c turns every plateau of equal f into an ordering by tiny differences of c and so
 * silently replaces A*'s tie-breaking (larger g first); with a few discrete levels, regions of equal guidance keep
 * exact ties and the baseline's tie rule.
 */
export const GUIDANCE_LEVELS = 8;

export function quantiseGuidance(c: Float32Array): Float32Array {
  return c.map((v) => Math.round(v * GUIDANCE_LEVELS) / GUIDANCE_LEVELS);
}

/** The learned planner's f-offset map κ·q(c), as the classic engine's `guidance` option takes it. */
export function scaledGuidance(c: Float32Array, kappa: number): Float32Array {
  return quantiseGuidance(c).map((v) => kappa * v);
}
