import { createRng } from '../../../il/rng';
import type { MtspInstance } from '../instances/instance';

const MAX_LLOYD_ITERATIONS = 100;

/**
 * k-means on the city coordinates (the depot excluded), seeded with k-means++, one cluster per agent.
 * Returns city → agent; with fewer cities than agents, each city gets its own agent.
 */
export function kMeansAssignment(instance: MtspInstance, agents: number, seed: number): Int32Array {
  const { x, y } = instance;
  const n = x.length;
  const assignment = new Int32Array(n);
  const m = n - 1;
  if (m <= agents) {
    for (let c = 1; c < n; c++) assignment[c] = c - 1;
    return assignment;
  }
  const rng = createRng(seed);
  const cx = new Float64Array(agents);
  const cy = new Float64Array(agents);
  // k-means++: each next centre is a city drawn with probability ∝ squared distance to the nearest centre.
  const nearest = new Float64Array(n).fill(Infinity);
  let pick = rng.int(1, n - 1);
  for (let j = 0; j < agents; j++) {
    cx[j] = x[pick];
    cy[j] = y[pick];
    let total = 0;
    for (let c = 1; c < n; c++) {
      const d = (x[c] - cx[j]) ** 2 + (y[c] - cy[j]) ** 2;
      if (d < nearest[c]) nearest[c] = d;
      total += nearest[c];
    }
    let r = rng.next() * total;
    pick = n - 1;
    for (let c = 1; c < n; c++) {
      r -= nearest[c];
      if (r < 0) {
        pick = c;
        break;
      }
    }
  }
  assignment.fill(-1);
  const sx = new Float64Array(agents);
  const sy = new Float64Array(agents);
  const size = new Int32Array(agents);
  for (let iteration = 0; iteration < MAX_LLOYD_ITERATIONS; iteration++) {
    let changed = false;
    for (let c = 1; c < n; c++) {
      let best = 0;
      let bestD = Infinity;
      for (let j = 0; j < agents; j++) {
        const d = (x[c] - cx[j]) ** 2 + (y[c] - cy[j]) ** 2;
        if (d < bestD) {
          bestD = d;
          best = j;
        }
      }
      if (assignment[c] !== best) {
        assignment[c] = best;
        changed = true;
      }
    }
    if (!changed) break;
    sx.fill(0);
    sy.fill(0);
    size.fill(0);
    for (let c = 1; c < n; c++) {
      sx[assignment[c]] += x[c];
      sy[assignment[c]] += y[c];
      size[assignment[c]]++;
    }
    for (let j = 0; j < agents; j++) {
      if (size[j] > 0) {
        cx[j] = sx[j] / size[j];
        cy[j] = sy[j] / size[j];
      } else {
        // An emptied cluster restarts at a random city so that every agent keeps work.
        const c = rng.int(1, n - 1);
        cx[j] = x[c];
        cy[j] = y[c];
      }
    }
  }
  assignment[0] = 0;
  return assignment;
}
