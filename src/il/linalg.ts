/**
 * Small dense linear algebra on Float64Array, row-major. The lower-level solvers of the examples are
 * plain TypeScript; these are the few kernels they share (exact, allocation-light, no tfjs).
 */
export type Vector = Float64Array;
/** Row-major n×m matrix. */
export interface Matrix {
  rows: number;
  cols: number;
  data: Float64Array;
}

export function matrix(rows: number, cols: number, data?: ArrayLike<number>): Matrix {
  const m: Matrix = { rows, cols, data: new Float64Array(rows * cols) };
  if (data) m.data.set(data);
  return m;
}

export function dot(a: Vector, b: Vector): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

export function norm(a: Vector): number {
  return Math.sqrt(dot(a, a));
}

/** y ← y + alpha·x */
export function axpy(alpha: number, x: Vector, y: Vector): void {
  for (let i = 0; i < x.length; i++) y[i] += alpha * x[i];
}

export function matVec(a: Matrix, x: Vector, out: Vector = new Float64Array(a.rows)): Vector {
  const { rows, cols, data } = a;
  for (let i = 0; i < rows; i++) {
    let s = 0;
    const o = i * cols;
    for (let j = 0; j < cols; j++) s += data[o + j] * x[j];
    out[i] = s;
  }
  return out;
}

/** Aᵀx */
export function matTVec(a: Matrix, x: Vector, out: Vector = new Float64Array(a.cols)): Vector {
  const { rows, cols, data } = a;
  out.fill(0);
  for (let i = 0; i < rows; i++) {
    const xi = x[i];
    const o = i * cols;
    for (let j = 0; j < cols; j++) out[j] += data[o + j] * xi;
  }
  return out;
}

/** AᵀA (cols×cols), the Gram matrix. */
export function gram(a: Matrix): Matrix {
  const { rows, cols, data } = a;
  const g = matrix(cols, cols);
  for (let r = 0; r < rows; r++) {
    const o = r * cols;
    for (let i = 0; i < cols; i++) {
      const v = data[o + i];
      if (v === 0) continue;
      const gi = i * cols;
      for (let j = i; j < cols; j++) g.data[gi + j] += v * data[o + j];
    }
  }
  for (let i = 0; i < cols; i++) for (let j = 0; j < i; j++) g.data[i * cols + j] = g.data[j * cols + i];
  return g;
}

/** Cholesky factor L (lower) of a symmetric positive-definite matrix; throws if not SPD. */
export function cholesky(a: Matrix): Matrix {
  const n = a.rows;
  const l = matrix(n, n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a.data[i * n + j];
      for (let k = 0; k < j; k++) s -= l.data[i * n + k] * l.data[j * n + k];
      if (i === j) {
        if (!(s > 0)) throw new Error(`cholesky: matrix is not positive definite (pivot ${i} = ${s})`);
        l.data[i * n + i] = Math.sqrt(s);
      } else {
        l.data[i * n + j] = s / l.data[j * n + j];
      }
    }
  }
  return l;
}

/** Solves (L Lᵀ) x = b given the Cholesky factor L. */
export function choleskySolve(l: Matrix, b: Vector): Vector {
  const n = l.rows;
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= l.data[i * n + k] * y[k];
    y[i] = s / l.data[i * n + i];
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i];
    for (let k = i + 1; k < n; k++) s -= l.data[k * n + i] * x[k];
    x[i] = s / l.data[i * n + i];
  }
  return x;
}

/** Largest eigenvalue of a symmetric PSD operator by power iteration (for safe gradient step sizes). */
export function largestEigenvalue(apply: (v: Vector) => Vector, n: number, iterations = 100): number {
  let v = new Float64Array(n).fill(1 / Math.sqrt(n));
  let lambda = 0;
  for (let it = 0; it < iterations; it++) {
    const w = apply(v);
    const nw = norm(w);
    if (nw === 0) return 0;
    lambda = dot(v, w);
    v = w.map((x) => x / nw);
  }
  return lambda;
}
