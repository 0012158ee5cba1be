/**
 * Tour construction on a local k×k distance matrix (local index 0 is the depot). Both return a
 * permutation of 0..k-1 starting at 0; the closing edge back to 0 is implied.
 */

/** Nearest neighbour from the depot: O(k²). */
export function nearestNeighbourTour(dist: Float64Array, k: number): Int32Array {
  const tour = new Int32Array(k);
  const visited = new Uint8Array(k);
  let current = 0;
  visited[0] = 1;
  for (let step = 1; step < k; step++) {
    const row = current * k;
    let best = -1;
    let bestD = Infinity;
    for (let b = 0; b < k; b++) {
      if (visited[b] === 0 && dist[row + b] < bestD) {
        bestD = dist[row + b];
        best = b;
      }
    }
    tour[step] = best;
    visited[best] = 1;
    current = best;
  }
  return tour;
}

/**
 * Cheapest insertion: start from the depot and its nearest city, then repeatedly insert the city whose
 * cheapest insertion over all tour edges is smallest. Each city remembers its best edge; only cities whose
 * best edge was just split rescan the tour, so the whole build is about O(k²).
 */
export function cheapestInsertionTour(dist: Float64Array, k: number): Int32Array {
  if (k <= 2) return Int32Array.from({ length: k }, (_, i) => i);
  const next = new Int32Array(k).fill(-1);
  const inTour = new Uint8Array(k);
  const bestCost = new Float64Array(k);
  const bestFrom = new Int32Array(k);
  let second = 1;
  for (let b = 2; b < k; b++) if (dist[b] < dist[second]) second = b;
  next[0] = second;
  next[second] = 0;
  inTour[0] = 1;
  inTour[second] = 1;
  const insertionCost = (c: number, from: number): number => {
    const to = next[from];
    return dist[from * k + c] + dist[c * k + to] - dist[from * k + to];
  };
  const rescan = (c: number): void => {
    let from = 0;
    let best = Infinity;
    let bestEdge = 0;
    do {
      const cost = insertionCost(c, from);
      if (cost < best) {
        best = cost;
        bestEdge = from;
      }
      from = next[from];
    } while (from !== 0);
    bestCost[c] = best;
    bestFrom[c] = bestEdge;
  };
  for (let c = 0; c < k; c++) if (inTour[c] === 0) rescan(c);
  for (let inserted = 2; inserted < k; inserted++) {
    let pick = -1;
    for (let c = 0; c < k; c++) if (inTour[c] === 0 && (pick < 0 || bestCost[c] < bestCost[pick])) pick = c;
    const from = bestFrom[pick];
    const to = next[from];
    next[from] = pick;
    next[pick] = to;
    inTour[pick] = 1;
    for (let c = 0; c < k; c++) {
      if (inTour[c] === 1) continue;
      if (bestFrom[c] === from) {
        rescan(c);
        continue;
      }
      const viaFrom = insertionCost(c, from);
      if (viaFrom < bestCost[c]) {
        bestCost[c] = viaFrom;
        bestFrom[c] = from;
      }
      const viaPick = insertionCost(c, pick);
      if (viaPick < bestCost[c]) {
        bestCost[c] = viaPick;
        bestFrom[c] = pick;
      }
    }
  }
  const tour = new Int32Array(k);
  let city = 0;
  for (let i = 0; i < k; i++) {
    tour[i] = city;
    city = next[city];
  }
  return tour;
}
