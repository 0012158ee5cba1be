import { useRef } from 'react';

interface WeightsPanelProps {
  busy: boolean;
  hasPretrained: boolean;
  onFromScratch: () => void;
  onPretrained: () => void;
  onDownload: () => void;
  /** model.json and weights.bin chosen together. */
  onUpload: (files: File[]) => void;
}

/** "Train from scratch" and "continue from pretrained" are one click each; weights download and upload as tfjs files. */
export function WeightsPanel({
  busy,
  hasPretrained,
  onFromScratch,
  onPretrained,
  onDownload,
  onUpload,
}: WeightsPanelProps) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <section className="panel weights" aria-labelledby="weights-title">
      <h2 id="weights-title">Weights</h2>
      <div className="button-row">
        <button type="button" onClick={onFromScratch} disabled={busy}>
          Train from scratch
        </button>
        <button
          type="button"
          onClick={onPretrained}
          disabled={busy || !hasPretrained}
          title={hasPretrained ? 'Load the shipped pretrained weights' : 'No shipped weights fit this preset'}
          data-testid="load-pretrained"
        >
          Continue from pretrained
        </button>
        <button type="button" onClick={onDownload} disabled={busy}>
          Download
        </button>
        <button type="button" onClick={() => input.current?.click()} disabled={busy}>
          Load…
        </button>
        <input
          ref={input}
          type="file"
          accept=".json,.bin"
          multiple
          hidden
          aria-label="Load weights (model.json and weights.bin)"
          onChange={(e) => {
            onUpload(Array.from(e.target.files ?? []));
            e.target.value = '';
          }}
        />
      </div>
    </section>
  );
}
