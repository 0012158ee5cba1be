import { useState } from 'react';
import { MAP_KINDS, type MapKind } from '../maps/generate-map.ts';
import { EDITOR_MAX_SIDE, EDITOR_MIN_SIDE, type EditorScene, type GenOrigin } from './editor-scene.ts';

interface GeneratorPanelProps {
  scene: EditorScene;
  onGenerate: (origin: GenOrigin) => void;
  onResize: (width: number, height: number) => void;
  onError: (message: string) => void;
}

function side(text: string): number | null {
  const v = Number(text);
  return Number.isInteger(v) && v >= EDITOR_MIN_SIDE && v <= EDITOR_MAX_SIDE ? v : null;
}

/** Seeded map generator (every class of MAP_KINDS) and resizing of the current map, non-square too. */
export function GeneratorPanel({ scene, onGenerate, onResize, onError }: GeneratorPanelProps) {
  const o = scene.origin;
  const [kind, setKind] = useState<MapKind>(o?.kind ?? 'random-rectangles');
  const [width, setWidth] = useState(String(scene.map.width));
  const [height, setHeight] = useState(String(scene.map.height));
  const [seed, setSeed] = useState(String(o?.seed ?? 1));
  const info = MAP_KINDS.find((k) => k.kind === kind);

  const size = (): [number, number] | null => {
    const w = side(width);
    const h = side(height);
    if (w === null || h === null) {
      onError(`Width and height must be whole numbers from ${EDITOR_MIN_SIDE} to ${EDITOR_MAX_SIDE}.`);
      return null;
    }
    return [w, h];
  };

  return (
    <section className="panel" aria-labelledby="ia-gen-title">
      <h2 id="ia-gen-title">Generate or resize</h2>
      <div className="field-row">
        <label className="field">
          map class
          <select value={kind} onChange={(e) => setKind(e.target.value as MapKind)} data-testid="gen-kind">
            {MAP_KINDS.map((k) => (
              <option key={k.kind} value={k.kind}>
                {k.label}
              </option>
            ))}
          </select>
        </label>
        <label className="field ia-narrow">
          width
          <input
            type="number"
            min={EDITOR_MIN_SIDE}
            max={EDITOR_MAX_SIDE}
            value={width}
            onChange={(e) => setWidth(e.target.value)}
            data-testid="gen-width"
          />
        </label>
        <label className="field ia-narrow">
          height
          <input
            type="number"
            min={EDITOR_MIN_SIDE}
            max={EDITOR_MAX_SIDE}
            value={height}
            onChange={(e) => setHeight(e.target.value)}
            data-testid="gen-height"
          />
        </label>
        <label className="field ia-narrow">
          seed
          <input
            type="number"
            min={0}
            value={seed}
            onChange={(e) => setSeed(e.target.value)}
            data-testid="gen-seed"
          />
        </label>
      </div>
      {info && <p className="hint">{info.description}</p>}
      <div className="button-row">
        <button
          type="button"
          className="primary"
          data-testid="generate"
          onClick={() => {
            const wh = size();
            const s = Number(seed);
            if (!wh) return;
            if (!Number.isInteger(s) || s < 0 || s >= 2 ** 31) {
              onError('The seed must be a whole number ≥ 0.');
              return;
            }
            onGenerate({ kind, width: wh[0], height: wh[1], seed: s });
          }}
        >
          Generate
        </button>
        <button
          type="button"
          data-testid="resize"
          onClick={() => {
            const wh = size();
            if (wh) onResize(wh[0], wh[1]);
          }}
        >
          Resize the current map
        </button>
      </div>
      <p className="hint">
        Same class, size and seed, same map: the link keeps them. Resizing keeps the top-left part and adds
        free cells.
      </p>
    </section>
  );
}
