import { useState } from 'react';
import { FileDrop } from '../../../ui/FileDrop';
import type { CommandChannel } from '../../../il/example/contract';
import type { G2oResult, IslamCommands } from '../contract';
import { TrajectoryPlot } from './TrajectoryPlot';

/** Drop a g2o file: the worker parses and optimises it (the page never blocks), the result is drawn. */
export function G2oPanel({ channel }: { channel: CommandChannel<IslamCommands> }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [result, setResult] = useState<G2oResult | null>(null);
  const onFile = (file: File) => {
    setBusy(`reading and optimising ${file.name}…`);
    file
      .text()
      .then((text) => channel.command('optimiseG2o', { text, maxIterations: 1000, initialLambda: 1e-5 }))
      .then((r) => setResult(r))
      .catch((e: unknown) => setResult({ ok: false, message: e instanceof Error ? e.message : String(e) }))
      .finally(() => setBusy(null));
  };
  const pairs: [number, number][] = [];
  if (result?.ok)
    for (let k = 0; k < result.edgesIJ.length && pairs.length < 20000; k += 2)
      if (result.edgesIJ[k + 1] !== result.edgesIJ[k] + 1)
        pairs.push([result.edgesIJ[k], result.edgesIJ[k + 1]]);
  return (
    <section className="panel" aria-labelledby="g2o-title">
      <h2 id="g2o-title">Your pose graph (g2o)</h2>
      <FileDrop accept=".g2o,text/plain" label="Open a g2o file…" onFile={onFile}>
        <p className="hint">
          Drop a 2D pose graph (VERTEX_SE2 / EDGE_SE2), e.g. intel, MIT or manhattan (SE-Sync collection). LM
          with the sparse Cholesky runs in the worker.
        </p>
      </FileDrop>
      {busy && <p role="status">{busy}</p>}
      {result && !result.ok && (
        <p className="notice notice-error" role="alert" data-testid="g2o-error">
          {result.message}
        </p>
      )}
      {result?.ok && (
        <>
          <p data-testid="g2o-result">
            {result.poses} poses, {result.edges} edges (start: {result.startFrom}): chi²{' '}
            {result.initialChi2.toPrecision(6)} → {result.finalChi2.toPrecision(8)} in {result.iterations} LM
            iterations, max |∇chi²| {result.maxGradient.toExponential(1)}, {Math.round(result.ms)} ms
          </p>
          <TrajectoryPlot
            title="g2o graph: start and optimum"
            layers={[
              { points: result.start, color: '#bbb', width: 0.8, label: 'start' },
              { points: result.optimum, color: '#1d4ed8', width: 1.2, label: 'optimum' },
            ]}
            links={pairs}
            anchor={result.optimum}
          />
        </>
      )}
    </section>
  );
}
