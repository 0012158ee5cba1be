import type { Rng } from '../../il/rng';
import type { AgentType } from './scene';

/** Side of an agent's sprite patch in pixels; a patch is P×P×3 (RGB in [0, 1]), what the grounder f(θ, ·) sees. */
export const PATCH = 5;
export const PATCH_SIZE = PATCH * PATCH * 3;

type Rgb = [number, number, number];
const ROAD: Rgb = [0.35, 0.35, 0.38];

/** Body colour and a 5×5 mask per type: '#' body, 'x' accent, '.' road. */
const LOOKS: Record<AgentType, { body: Rgb; accent: Rgb; mask: string }> = {
  car: { body: [0.2, 0.4, 0.85], accent: [0.75, 0.85, 0.95], mask: '.###.#xxx#.###.#xxx#.###.' },
  ambulance: { body: [0.95, 0.95, 0.95], accent: [0.9, 0.1, 0.1], mask: '.###.##x###xxx###x##.###.' },
  pedestrian: { body: [0.15, 0.7, 0.3], accent: [0.95, 0.8, 0.6], mask: '..x....#...###..#.#..#.#.' },
  oldDriver: { body: [0.2, 0.4, 0.85], accent: [0.85, 0.85, 0.8], mask: '.xxx.#xxx#.###.#####.###.' },
  recklessDriver: { body: [0.85, 0.2, 0.15], accent: [0.1, 0.1, 0.1], mask: '.#x#.#x#x#.#x#.#x#x#.#x#.' },
};

/**
 * A procedural sprite: the type's mask with a random brightness, a per-channel tint and pixel noise, so grounding
 * a concept from pixels is a (small) learning problem rather than a lookup.
 */
export function renderSprite(type: AgentType, rng: Rng): Float32Array {
  const look = LOOKS[type];
  const out = new Float32Array(PATCH_SIZE);
  const gain = rng.uniform(0.8, 1.15);
  const tint: Rgb = [rng.uniform(-0.08, 0.08), rng.uniform(-0.08, 0.08), rng.uniform(-0.08, 0.08)];
  for (let p = 0; p < PATCH * PATCH; p++) {
    const m = look.mask[p];
    const base = m === '#' ? look.body : m === 'x' ? look.accent : ROAD;
    for (let ch = 0; ch < 3; ch++) {
      const v = base[ch] * gain + (m === '.' ? 0 : tint[ch]) + 0.06 * rng.normal();
      out[p * 3 + ch] = Math.min(1, Math.max(0, v));
    }
  }
  return out;
}
