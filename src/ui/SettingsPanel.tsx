import { BACKEND_ORDER, type BackendName } from '../il/backend-names';
import type { ExampleMeta } from '../il/example-meta';
import type { OptimizerKind, TrainingSettings } from '../il/problem';
import { Slider } from './Slider';
import { DiceIcon } from './Icons';

interface SettingsPanelProps {
  meta: ExampleMeta;
  presetId: string;
  settings: TrainingSettings;
  backendOverride: BackendName | 'auto';
  onPreset: (presetId: string) => void;
  /** Seed and batch rebuild the problem; learning rate and optimiser apply live. */
  onSettings: (patch: Partial<TrainingSettings>) => void;
  onBackend: (backend: BackendName | 'auto') => void;
}

/** The settings every example shares: preset, seed, learning rate, batch size, optimiser, backend. */
export function SettingsPanel({
  meta,
  presetId,
  settings,
  backendOverride,
  onPreset,
  onSettings,
  onBackend,
}: SettingsPanelProps) {
  const preset = meta.presets.find((p) => p.id === presetId);
  return (
    <section className="panel settings" aria-labelledby="settings-title">
      <h2 id="settings-title">Settings</h2>
      <label className="field">
        Preset
        <select value={presetId} onChange={(e) => onPreset(e.target.value)} data-testid="preset-select">
          {meta.presets.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
      </label>
      {preset && <p className="hint">{preset.description}</p>}
      <div className="field-row">
        <label className="field">
          Seed
          <input
            type="number"
            min={0}
            value={settings.seed}
            data-testid="seed-input"
            onChange={(e) => {
              const v = Math.floor(Number(e.target.value));
              if (Number.isFinite(v) && v >= 0) onSettings({ seed: v });
            }}
          />
        </label>
        <button
          type="button"
          onClick={() => onSettings({ seed: Math.floor(Math.random() * 100000) })}
          title="New random seed"
        >
          <DiceIcon /> New seed
        </button>
      </div>
      <Slider
        label="Learning rate"
        value={settings.learningRate}
        min={1e-4}
        max={1}
        log
        format={(v) => v.toPrecision(2)}
        onChange={(v) => onSettings({ learningRate: Number(v.toPrecision(2)) })}
      />
      <div className="field-row">
        <label className="field">
          Optimiser
          <select
            value={settings.optimizer}
            onChange={(e) => onSettings({ optimizer: e.target.value as OptimizerKind })}
          >
            <option value="adam">Adam</option>
            <option value="sgd">SGD</option>
          </select>
        </label>
        <label className="field">
          Batch
          <select
            value={settings.batchSize}
            disabled={!meta.usesBatch}
            title={meta.usesBatch ? undefined : 'This example trains on the full data set every step'}
            onChange={(e) => onSettings({ batchSize: Number(e.target.value) })}
          >
            {meta.batchSizes.map((b) => (
              <option key={b} value={b}>
                {b}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          Backend
          <select value={backendOverride} onChange={(e) => onBackend(e.target.value as BackendName | 'auto')}>
            <option value="auto">auto</option>
            {BACKEND_ORDER.map((b) => (
              <option key={b} value={b}>
                {b}
              </option>
            ))}
          </select>
        </label>
      </div>
    </section>
  );
}
