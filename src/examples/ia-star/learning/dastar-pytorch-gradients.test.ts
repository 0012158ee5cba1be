import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readNpy } from '../../../test-support/npy.ts';
import { sharedDataPath, sharedDataSkipMessage } from '../../../test-support/shared-data.ts';
import { dastarBackward, dastarForward, DastarWorkspace, neuralAstarModel } from './dastar.ts';
import { loadReferenceBatch } from './reference-batch.ts';

/**
 * ../shared/data/neural-astar-reference/gradients: PyTorch's own dL/dcost of Neural A*'s DifferentiableAstar
 * (omron-sinicx/neural-astar @ 473edbb, train mode, Tmax = 1, batch 1), maps 0..7 of each size, with their
 * batch-1 random cost maps ('rand') or cost 1 on free cells ('vanilla'). We run the same search, feed the saved
 * upstream dL/dH into the exact straight-through backward, and compare with PyTorch's gradient per map.
 * This is what pins τ = √W for `neuralAstarModel` (√(H·W) is 0.82–0.88 off in relative error).
 */
const gradientsDir = sharedDataPath('neural-astar-reference', 'gradients');
const hasGradients = existsSync(gradientsDir);
const TITLE = "Neural A*'s DifferentiableAstar backward matches PyTorch's shipped gradients";
const MAPS = 8;
const TOLERANCE = 1e-5;

const read = (path: string): Uint8Array | null => {
  const full = sharedDataPath(path);
  return existsSync(full) ? new Uint8Array(readFileSync(full)) : null;
};

function relativeL2(got: ArrayLike<number>, want: ArrayLike<number>): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < want.length; i++) {
    num += (got[i] - want[i]) ** 2;
    den += want[i] ** 2;
  }
  return Math.sqrt(num) / Math.max(Math.sqrt(den), 1e-30);
}

describe.skipIf(!hasGradients)(
  hasGradients ? TITLE : `${TITLE} — ${sharedDataSkipMessage} (no neural-astar-reference/gradients)`,
  () => {
    for (const size of [32, 64] as const) {
      for (const costKind of ['rand', 'vanilla'] as const) {
        it(`${size}×${size}, ${costKind} cost maps: relative error ≤ ${TOLERANCE} on each of ${MAPS} maps`, () => {
          const batch = loadReferenceBatch(read, size, 'b1');
          expect(batch, 'reference maps').not.toBeNull();
          const { maps, starts, goals, costs } = batch!;
          const file = (what: string) => readNpy(`${gradientsDir}/na_${size}_${costKind}_${what}.npy`);
          const upstream = file('upstream');
          const want = file('grad');
          const hist = file('hist');
          const cells = size * size;
          expect(want.shape).toEqual([MAPS, size, size]);
          const ws = new DastarWorkspace(cells);
          const model = neuralAstarModel(size);
          const errors: number[] = [];
          const guidanceOf = (i: number): Float32Array =>
            costKind === 'rand'
              ? costs[i]
              : Float32Array.from({ length: cells }, (_, k) => (maps[i].blocked[k] ? 0 : 1));
          const upstreamOf = (i: number) =>
            Float32Array.from(upstream.data.subarray(i * cells, (i + 1) * cells));
          for (let i = 0; i < MAPS; i++) {
            const map = maps[i];
            const guidance = guidanceOf(i);
            const result = dastarForward({ map, start: starts[i], goal: goals[i], guidance }, model, ws);
            // Same search as PyTorch's: the history H is the same set of expanded cells.
            const expanded = new Uint8Array(cells);
            for (const c of result.expansionOrder) expanded[c] = 1;
            const refHist = hist.data.subarray(i * cells, (i + 1) * cells);
            const histMismatch = expanded.reduce(
              (n, v, k) => n + (v !== (refHist[k] > 0.5 ? 1 : 0) ? 1 : 0),
              0,
            );
            expect(histMismatch, `map ${i}: cells expanded differently from PyTorch`).toBe(0);
            const grad = new Float64Array(cells);
            dastarBackward(result, model, upstreamOf(i), grad, ws);
            errors.push(relativeL2(grad, want.data.subarray(i * cells, (i + 1) * cells)));
          }
          console.log(
            `${size}×${size} ${costKind}: relative error per map ${errors.map((e) => e.toExponential(1)).join(', ')}`,
          );
          errors.forEach((e, i) => expect(e, `map ${i}`).toBeLessThanOrEqual(TOLERANCE));
          // The test can see a wrong τ: with √(H·W) (the old setting) map 0 is far off.
          const wrongTau = { ...model, temperature: Math.sqrt(cells) };
          const r0 = dastarForward(
            { map: maps[0], start: starts[0], goal: goals[0], guidance: guidanceOf(0) },
            wrongTau,
            ws,
          );
          const g0 = new Float64Array(cells);
          dastarBackward(r0, wrongTau, upstreamOf(0), g0, ws);
          expect(relativeL2(g0, want.data.subarray(0, cells))).toBeGreaterThan(0.5);
        });
      }
    }
  },
);
