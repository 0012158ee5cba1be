import { octile } from '../search/heuristics.ts';
import type { GridQuery } from './data.ts';
import { guidanceWeight, quantiseGuidance } from './guidance-levels.ts';

/**
 * How the learned map c ∈ (0, 1) enters the search (both forms are an f-offset per cell, which is what the classic
 * engine's `guidance` option and the differentiable search take):
 * - 'offset':  f = g + h + κ·q(c), κ = κ₀·side/32 (Neural A*'s cost term, added to f).
 * - 'h-scale': f = g + h·(1 + φ₀·q(c)), a learned per-cell weight on h (TransPath-style correction of h):
 *   weighted A* where c is uniform, so the weighted-A* curve is its own starting point.
 * - 'weighted-offset': f = g + w·h + κ·q(c), the offset on top of weighted A* (w = `hWeight`): a uniform c is
 *   exactly weighted A*, so c only has to add what h lacks (the obstacles that block the straight line).
 * q is the quantisation to guidance levels (guidance-levels.ts).
 */
export const GUIDANCE_FORMS = ['offset', 'h-scale', 'weighted-offset'] as const;
export type GuidanceForm = (typeof GUIDANCE_FORMS)[number];

export interface GuidanceSetting {
  form: GuidanceForm;
  /** κ₀ for 'offset' and 'weighted-offset', φ₀ for 'h-scale'. */
  scale: number;
  /** w of 'weighted-offset' (1 when absent: the 'offset' form). */
  hWeight?: number;
}

export interface GuidanceOffsets {
  /** The f-offset per cell. */
  offsets: Float32Array;
  /** ∂offset/∂q(c) per cell: the chain factor from the search's gradient on the offsets back to c. */
  slope: Float32Array;
}

/** The octile distance of every cell to the query's goal: the engine's h. */
export function goalDistances(q: GridQuery): Float32Array {
  const w = q.map.width;
  const gx = q.goal % w;
  const gy = Math.floor(q.goal / w);
  return Float32Array.from({ length: w * q.map.height }, (_, c) =>
    octile(Math.abs((c % w) - gx), Math.abs(Math.floor(c / w) - gy)),
  );
}

export function guidanceOffsets(c: Float32Array, q: GridQuery, setting: GuidanceSetting): GuidanceOffsets {
  const level = quantiseGuidance(c);
  if (setting.form === 'offset') {
    const kappa = guidanceWeight(setting.scale, q.map.width, q.map.height);
    return { offsets: level.map((v) => kappa * v), slope: new Float32Array(c.length).fill(kappa) };
  }
  if (setting.form === 'weighted-offset') {
    const kappa = guidanceWeight(setting.scale, q.map.width, q.map.height);
    const base = weightedAstarOffsets(q, setting.hWeight ?? 1);
    return {
      offsets: level.map((v, i) => base[i] + kappa * v),
      slope: new Float32Array(c.length).fill(kappa),
    };
  }
  const slope = goalDistances(q).map((h) => setting.scale * h);
  return { offsets: level.map((v, i) => slope[i] * v), slope };
}

/** The f-offsets (w − 1)·h that turn the engine's A* into weighted A* at w. */
export function weightedAstarOffsets(q: GridQuery, w: number): Float32Array {
  return goalDistances(q).map((h) => (w - 1) * h);
}
