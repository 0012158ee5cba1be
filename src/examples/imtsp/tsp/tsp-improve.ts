import type { NeighbourLists } from './tsp-neighbours';

/** Moves must gain more than this to be taken (guards against cycling on rounding noise). */
const EPS = 1e-10;

/**
 * 2-opt and Or-opt local search on one closed tour over a local k×k matrix, driven by neighbour lists
 * and don't-look bits: only cities in the work queue are examined, and a city leaves the queue once no
 * improving move starts at it. A move puts its endpoints back in the queue. Or-opt moves segments of
 * 1–3 cities elsewhere, in either orientation. The tour is kept as an array plus each city's position.
 */
export class TourImprover {
  readonly tour: Int32Array;
  readonly pos: Int32Array;
  private readonly queue: Int32Array;
  private readonly queued: Uint8Array;
  private head = 0;
  private size = 0;
  private readonly scratch: Int32Array;

  constructor(
    private readonly dist: Float64Array,
    private readonly k: number,
    private readonly neighbours: NeighbourLists,
    initialTour: Int32Array,
  ) {
    this.tour = Int32Array.from(initialTour);
    this.pos = new Int32Array(k);
    for (let i = 0; i < k; i++) this.pos[this.tour[i]] = i;
    this.queue = new Int32Array(k);
    this.queued = new Uint8Array(k);
    this.scratch = new Int32Array(k);
  }

  /** Replace the current tour (e.g. to go back to the best one after a failed kick). */
  setTour(tour: Int32Array): void {
    this.tour.set(tour);
    for (let i = 0; i < this.k; i++) this.pos[this.tour[i]] = i;
  }

  activate(city: number): void {
    if (this.queued[city] === 1) return;
    this.queued[city] = 1;
    this.queue[(this.head + this.size) % this.k] = city;
    this.size++;
  }

  activateAll(): void {
    for (let i = 0; i < this.k; i++) this.activate(this.tour[i]);
  }

  /** Improve until no queued city has an improving 2-opt or Or-opt move. */
  run(): void {
    if (this.k < 4) {
      this.size = 0;
      this.queued.fill(0);
      return;
    }
    while (this.size > 0) {
      const a = this.queue[this.head];
      this.head = (this.head + 1) % this.k;
      this.size--;
      this.queued[a] = 0;
      if (!this.tryTwoOpt(a)) this.tryOrOpt(a);
    }
  }

  length(): number {
    const { tour, dist, k } = this;
    let total = 0;
    for (let i = 0; i < k; i++) total += dist[tour[i] * k + tour[i + 1 === k ? 0 : i + 1]];
    return total;
  }

  /** Swap two adjacent segments of the given lengths starting at position `start` (an Or-3opt kick). */
  swapSegments(start: number, first: number, second: number): void {
    const { tour, k, scratch } = this;
    const span = first + second;
    for (let s = 0; s < second; s++) scratch[s] = tour[(start + first + s) % k];
    for (let s = 0; s < first; s++) scratch[second + s] = tour[(start + s) % k];
    for (let s = 0; s < span; s++) {
      const p = (start + s) % k;
      tour[p] = scratch[s];
      this.pos[scratch[s]] = p;
    }
    this.activate(tour[(start - 1 + k) % k]);
    this.activate(tour[(start + span) % k]);
    this.activate(scratch[0]);
    this.activate(scratch[second - 1]);
    this.activate(scratch[second]);
    this.activate(scratch[span - 1]);
  }

  private next(c: number): number {
    const p = this.pos[c] + 1;
    return this.tour[p === this.k ? 0 : p];
  }

  private prev(c: number): number {
    const p = this.pos[c];
    return this.tour[p === 0 ? this.k - 1 : p - 1];
  }

  /** Reverse the tour between positions i and j (inclusive, going forward); flips the shorter side. */
  private reverse(i: number, j: number): void {
    const { tour, pos, k } = this;
    let inner = j - i;
    if (inner < 0) inner += k;
    inner += 1;
    if (2 * inner > k) {
      const ni = j + 1 === k ? 0 : j + 1;
      j = i === 0 ? k - 1 : i - 1;
      i = ni;
      inner = k - inner;
    }
    for (let s = inner >> 1; s > 0; s--) {
      const a = tour[i];
      const b = tour[j];
      tour[i] = b;
      pos[b] = i;
      tour[j] = a;
      pos[a] = j;
      i = i + 1 === k ? 0 : i + 1;
      j = j === 0 ? k - 1 : j - 1;
    }
  }

  private tryTwoOpt(a: number): boolean {
    const { dist, k } = this;
    const { count, list } = this.neighbours;
    const rowA = a * k;
    for (let forward = 1; forward >= 0; forward--) {
      const b = forward === 1 ? this.next(a) : this.prev(a);
      const dab = dist[rowA + b];
      for (let n = a * count, end = n + count; n < end; n++) {
        const c = list[n];
        const dac = dist[rowA + c];
        if (dac >= dab) break;
        const d = forward === 1 ? this.next(c) : this.prev(c);
        if (c === b || d === a) continue;
        const delta = dac + dist[b * k + d] - dab - dist[c * k + d];
        if (delta < -EPS) {
          if (forward === 1) this.reverse(this.pos[b], this.pos[c]);
          else this.reverse(this.pos[a], this.pos[d]);
          this.activate(a);
          this.activate(b);
          this.activate(c);
          this.activate(d);
          return true;
        }
      }
    }
    return false;
  }

  private tryOrOpt(a: number): boolean {
    const maxLen = Math.min(3, this.k - 3);
    for (let len = 1; len <= maxLen; len++) {
      if (this.trySegment(this.pos[a], len)) return true;
      if (len > 1 && this.trySegment((this.pos[a] - len + 1 + this.k) % this.k, len)) return true;
    }
    return false;
  }

  /**
   * Try to move the segment at positions [start, start+len) between two adjacent cities elsewhere.
   * (City c is inside the segment iff (pos[c] - start + k) % k < len; written out inline because a
   * closure here would be re-created on every call of this hot function.)
   */
  private trySegment(start: number, len: number): boolean {
    const { dist, k, tour, pos } = this;
    const { count, list } = this.neighbours;
    const s1 = tour[start];
    const s2 = tour[(start + len - 1) % k];
    const p = tour[(start - 1 + k) % k];
    const nx = tour[(start + len) % k];
    const removeGain = dist[p * k + s1] + dist[s2 * k + nx] - dist[p * k + nx];
    if (removeGain <= EPS) return false;
    for (let e = 0; e < 2; e++) {
      const end = e === 0 ? s1 : s2;
      for (let n = end * count, stop = n + count; n < stop; n++) {
        const c = list[n];
        if (dist[end * k + c] >= removeGain) break;
        if ((pos[c] - start + k) % k < len) continue;
        for (let side = 0; side < 2; side++) {
          const u = side === 0 ? c : this.prev(c);
          const v = side === 0 ? this.next(c) : c;
          if ((pos[u] - start + k) % k < len || (pos[v] - start + k) % k < len) continue;
          const base = dist[u * k + v];
          const keep = dist[u * k + s1] + dist[s2 * k + v] - base;
          const flip = dist[u * k + s2] + dist[s1 * k + v] - base;
          const add = Math.min(keep, flip);
          if (add < removeGain - EPS) {
            this.moveSegment(start, len, u, flip < keep);
            this.activate(p);
            this.activate(nx);
            this.activate(s1);
            this.activate(s2);
            this.activate(u);
            this.activate(v);
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Rebuild the array with the segment cut out and re-inserted right after city u (O(k)). */
  private moveSegment(start: number, len: number, u: number, reversed: boolean): void {
    const { tour, pos, k, scratch } = this;
    let w = 0;
    for (let s = 0; s < k - len; s++) {
      const c = tour[(start + len + s) % k];
      scratch[w++] = c;
      if (c === u) {
        for (let t = 0; t < len; t++) scratch[w++] = tour[(start + (reversed ? len - 1 - t : t)) % k];
      }
    }
    for (let i = 0; i < k; i++) {
      tour[i] = scratch[i];
      pos[scratch[i]] = i;
    }
  }
}
