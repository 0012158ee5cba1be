/**
 * Sparse Cholesky of a symmetric positive-definite matrix made of b×b blocks (b = 3 for SE(2) poses), on
 * Float64Array. The block pattern is fixed (a pose graph's edges), so the ordering and the symbolic factorisation are
 * computed once (`analyseBlockPattern`) and each numeric factorisation (one per Gauss–Newton / LM iteration) only does
 * flops: a right-looking block elimination whose scatter targets were resolved during the analysis.
 *
 * Ordering: greedy minimum degree on the block graph with an explicit elimination graph. The neighbours of a node when
 * it is eliminated are exactly the rows of its column of L, so the ordering pass also yields the fill pattern.
 */
export interface BlockPattern {
  /** Number of block rows/columns. */
  readonly n: number;
  readonly b: number;
  /** order[k] = the original block eliminated k-th; position[v] = its place in the order. */
  readonly order: Int32Array;
  readonly position: Int32Array;
  /** Column k of L (k in elimination order): rows rowIndex[colStart[k] .. colStart[k+1]) (positions, > k). */
  readonly colStart: Int32Array;
  readonly rowIndex: Int32Array;
  /** For every pair (p ≥ q) of rows of column k, where the update L_p·L_qᵀ lands (block slot; −1 − r for diagonal r). */
  readonly updateStart: Int32Array;
  readonly updateTarget: Int32Array;
  /** Off-diagonal blocks of L (plus the diagonal blocks), the fill included. */
  readonly offDiagonalBlocks: number;
}

/** Block (i, j) of the lower triangle in a pattern: where A's off-diagonal block lands among L's slots. */
export function slotOf(pattern: BlockPattern, i: number, j: number): number {
  let p = pattern.position[i];
  let q = pattern.position[j];
  if (p < q) [p, q] = [q, p];
  const { colStart, rowIndex } = pattern;
  let lo = colStart[q];
  let hi = colStart[q + 1] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = rowIndex[mid];
    if (r === p) return mid;
    if (r < p) lo = mid + 1;
    else hi = mid - 1;
  }
  throw new Error(`block (${i}, ${j}) is not in the pattern`);
}

/** Minimum-degree ordering and symbolic factorisation of the block graph with the given undirected edges. */
export function analyseBlockPattern(
  n: number,
  b: number,
  edges: readonly (readonly [number, number])[],
): BlockPattern {
  const adj: Set<number>[] = Array.from({ length: n }, () => new Set<number>());
  for (const [i, j] of edges) {
    if (i === j) continue;
    adj[i].add(j);
    adj[j].add(i);
  }
  const order = new Int32Array(n);
  const position = new Int32Array(n).fill(-1);
  const columns: number[][] = [];
  // Buckets by degree give O(1) selection of a minimum-degree node (lazy: stale entries are skipped).
  const eliminated = new Uint8Array(n);
  const degree = new Int32Array(n);
  let buckets: number[][] = [];
  const push = (v: number) => {
    const d = degree[v];
    while (buckets.length <= d) buckets.push([]);
    buckets[d].push(v);
  };
  for (let v = 0; v < n; v++) {
    degree[v] = adj[v].size;
    push(v);
  }
  let minDegree = 0;
  for (let k = 0; k < n; k++) {
    let v = -1;
    for (let d = minDegree; d < buckets.length && v < 0; d++) {
      const bucket = buckets[d];
      while (bucket.length > 0) {
        const c = bucket.pop() as number;
        if (!eliminated[c] && degree[c] === d) {
          v = c;
          minDegree = d;
          break;
        }
      }
    }
    if (v < 0) throw new Error('minimum-degree ordering lost a node');
    eliminated[v] = 1;
    order[k] = v;
    position[v] = k;
    const nbrs = [...adj[v]];
    columns.push(nbrs);
    for (const a of nbrs) adj[a].delete(v);
    for (let x = 0; x < nbrs.length; x++) {
      const a = nbrs[x];
      for (let y = x + 1; y < nbrs.length; y++) {
        const c = nbrs[y];
        if (!adj[a].has(c)) {
          adj[a].add(c);
          adj[c].add(a);
        }
      }
    }
    for (const a of nbrs) {
      if (degree[a] !== adj[a].size) {
        degree[a] = adj[a].size;
        push(a);
        if (degree[a] < minDegree) minDegree = degree[a];
      }
    }
    adj[v].clear();
    if (k % 1024 === 1023) buckets = buckets.map((bk) => bk.filter((c) => !eliminated[c]));
  }
  const colStart = new Int32Array(n + 1);
  for (let k = 0; k < n; k++) colStart[k + 1] = colStart[k] + columns[k].length;
  const rowIndex = new Int32Array(colStart[n]);
  for (let k = 0; k < n; k++) {
    const rows = columns[k].map((v) => position[v]).sort((a, c) => a - c);
    rowIndex.set(rows, colStart[k]);
  }
  const partial: BlockPattern = {
    n,
    b,
    order,
    position,
    colStart,
    rowIndex,
    updateStart: new Int32Array(0),
    updateTarget: new Int32Array(0),
    offDiagonalBlocks: rowIndex.length,
  };
  const updateStart = new Int32Array(n + 1);
  for (let k = 0; k < n; k++) {
    const m = colStart[k + 1] - colStart[k];
    updateStart[k + 1] = updateStart[k] + (m * (m + 1)) / 2;
  }
  const updateTarget = new Int32Array(updateStart[n]);
  let u = 0;
  for (let k = 0; k < n; k++) {
    for (let x = colStart[k]; x < colStart[k + 1]; x++) {
      const p = rowIndex[x];
      for (let y = colStart[k]; y <= x; y++) {
        const q = rowIndex[y];
        updateTarget[u++] = p === q ? -1 - p : slotOf(partial, order[p], order[q]);
      }
    }
  }
  return { ...partial, updateStart, updateTarget };
}

/** A symmetric block matrix laid out on a pattern: diagonal blocks and the lower off-diagonal blocks (row-major b×b). */
export interface BlockMatrix {
  readonly pattern: BlockPattern;
  /** n·b² values: block i (original numbering) at i·b². */
  readonly diagonal: Float64Array;
  /** One b×b block per slot of L (fill slots start at zero). */
  readonly lower: Float64Array;
}

export function blockMatrix(pattern: BlockPattern): BlockMatrix {
  const bb = pattern.b * pattern.b;
  return {
    pattern,
    diagonal: new Float64Array(pattern.n * bb),
    lower: new Float64Array(pattern.offDiagonalBlocks * bb),
  };
}

/**
 * Adds the block `values` (row-major b×b, the block at row i, column j of A) into the matrix. For i ≠ j, pass the
 * (i, j) block once: its transpose is implied.
 */
export function addBlock(
  m: BlockMatrix,
  i: number,
  j: number,
  values: ArrayLike<number>,
  slot?: number,
): void {
  const { b, position } = m.pattern;
  const bb = b * b;
  if (i === j) {
    const o = i * bb;
    for (let t = 0; t < bb; t++) m.diagonal[o + t] += values[t];
    return;
  }
  const s = slot ?? slotOf(m.pattern, i, j);
  const o = s * bb;
  // Slots store the block at (later position, earlier position) of the order.
  if (position[i] > position[j]) for (let t = 0; t < bb; t++) m.lower[o + t] += values[t];
  else for (let r = 0; r < b; r++) for (let c = 0; c < b; c++) m.lower[o + r * b + c] += values[c * b + r];
}

export interface BlockFactor {
  readonly pattern: BlockPattern;
  /** Lower-triangular diagonal blocks of L, in elimination order. */
  readonly diagonal: Float64Array;
  readonly lower: Float64Array;
}

/** Numeric factorisation A = L Lᵀ (permuted). Throws when A is not positive definite. */
export function factorise(a: BlockMatrix): BlockFactor {
  const { pattern } = a;
  const { n, b, order, colStart, updateStart, updateTarget } = pattern;
  const bb = b * b;
  const diag = new Float64Array(n * bb);
  for (let k = 0; k < n; k++) diag.set(a.diagonal.subarray(order[k] * bb, order[k] * bb + bb), k * bb);
  const lower = Float64Array.from(a.lower);
  const tmp = new Float64Array(bb);
  for (let k = 0; k < n; k++) {
    const dk = k * bb;
    // In-place dense Cholesky of the diagonal block.
    for (let j = 0; j < b; j++) {
      let s = diag[dk + j * b + j];
      for (let t = 0; t < j; t++) s -= diag[dk + j * b + t] * diag[dk + j * b + t];
      if (!(s > 0)) throw new Error(`matrix is not positive definite (block ${order[k]}, pivot ${s})`);
      const ljj = Math.sqrt(s);
      diag[dk + j * b + j] = ljj;
      for (let i = j + 1; i < b; i++) {
        let r = diag[dk + i * b + j];
        for (let t = 0; t < j; t++) r -= diag[dk + i * b + t] * diag[dk + j * b + t];
        diag[dk + i * b + j] = r / ljj;
      }
      for (let i = 0; i < j; i++) diag[dk + i * b + j] = 0;
    }
    // L_pk = A_pk · L_kk⁻ᵀ (solve X L_kkᵀ = A_pk row by row).
    for (let x = colStart[k]; x < colStart[k + 1]; x++) {
      const o = x * bb;
      for (let r = 0; r < b; r++) {
        for (let j = 0; j < b; j++) {
          let s = lower[o + r * b + j];
          for (let t = 0; t < j; t++) s -= lower[o + r * b + t] * diag[dk + j * b + t];
          lower[o + r * b + j] = s / diag[dk + j * b + j];
        }
      }
    }
    // Schur complement: A_pq −= L_pk L_qkᵀ for rows p ≥ q of column k.
    let u = updateStart[k];
    for (let x = colStart[k]; x < colStart[k + 1]; x++) {
      const ox = x * bb;
      for (let y = colStart[k]; y <= x; y++) {
        const oy = y * bb;
        for (let r = 0; r < b; r++)
          for (let c = 0; c < b; c++) {
            let s = 0;
            for (let t = 0; t < b; t++) s += lower[ox + r * b + t] * lower[oy + c * b + t];
            tmp[r * b + c] = s;
          }
        const target = updateTarget[u++];
        if (target < 0) {
          const o = (-1 - target) * bb;
          for (let t = 0; t < bb; t++) diag[o + t] -= tmp[t];
        } else {
          const o = target * bb;
          for (let t = 0; t < bb; t++) lower[o + t] -= tmp[t];
        }
      }
    }
  }
  return { pattern, diagonal: diag, lower };
}

/** Solves A x = rhs with the factor (rhs in the original block numbering, length n·b). */
export function solveFactor(f: BlockFactor, rhs: Float64Array): Float64Array {
  const { n, b, order, colStart, rowIndex } = f.pattern;
  const bb = b * b;
  const y = new Float64Array(n * b);
  for (let k = 0; k < n; k++) y.set(rhs.subarray(order[k] * b, order[k] * b + b), k * b);
  // Forward: L y = rhs.
  for (let k = 0; k < n; k++) {
    const dk = k * bb;
    for (let i = 0; i < b; i++) {
      let s = y[k * b + i];
      for (let t = 0; t < i; t++) s -= f.diagonal[dk + i * b + t] * y[k * b + t];
      y[k * b + i] = s / f.diagonal[dk + i * b + i];
    }
    for (let x = colStart[k]; x < colStart[k + 1]; x++) {
      const p = rowIndex[x];
      const o = x * bb;
      for (let r = 0; r < b; r++) {
        let s = 0;
        for (let t = 0; t < b; t++) s += f.lower[o + r * b + t] * y[k * b + t];
        y[p * b + r] -= s;
      }
    }
  }
  // Backward: Lᵀ x = y.
  for (let k = n - 1; k >= 0; k--) {
    for (let x = colStart[k]; x < colStart[k + 1]; x++) {
      const p = rowIndex[x];
      const o = x * bb;
      for (let t = 0; t < b; t++) {
        let s = 0;
        for (let r = 0; r < b; r++) s += f.lower[o + r * b + t] * y[p * b + r];
        y[k * b + t] -= s;
      }
    }
    const dk = k * bb;
    for (let i = b - 1; i >= 0; i--) {
      let s = y[k * b + i];
      for (let t = i + 1; t < b; t++) s -= f.diagonal[dk + t * b + i] * y[k * b + t];
      y[k * b + i] = s / f.diagonal[dk + i * b + i];
    }
  }
  const out = new Float64Array(n * b);
  for (let k = 0; k < n; k++) out.set(y.subarray(k * b, k * b + b), order[k] * b);
  return out;
}
