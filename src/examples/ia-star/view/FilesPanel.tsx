import { useId, useState } from 'react';
import { FileDrop } from '../../../ui/FileDrop';
import type { Scenario } from '../formats/format-movingai-scen.ts';
import { OPEN_ACCEPT } from './map-files.ts';

export interface LoadedScenarios {
  fileName: string;
  scenarios: Scenario[];
}

interface FilesPanelProps {
  scenarios: LoadedScenarios | null;
  /** A* on the current map for the chosen scenario's query, when it is the current query. */
  checkLength: (s: Scenario) => number | null;
  onOpen: (file: File) => void;
  onScenario: (s: Scenario) => void;
  onExport: (format: 'map' | 'scen' | 'png' | 'json') => void;
}

/** Scenarios listed at most (a .scen can hold thousands; the rest stay reachable with npm run plan). */
const LIST_MAX = 2000;

/** Open (file chooser or drop) and save maps; a .scen lists its queries, one click loads one. */
export function FilesPanel({ scenarios, checkLength, onOpen, onScenario, onExport }: FilesPanelProps) {
  const selectId = useId();
  const [index, setIndex] = useState(0);
  const list = scenarios?.scenarios.slice(0, LIST_MAX) ?? [];
  const chosen = list[Math.min(index, list.length - 1)];
  const length = chosen ? checkLength(chosen) : null;
  return (
    <section className="panel" aria-labelledby="ia-files-title">
      <h2 id="ia-files-title">Files</h2>
      <FileDrop accept={OPEN_ACCEPT} label="Open a map file…" onFile={onOpen}>
        <p className="hint">
          Moving AI <code>.map</code> and <code>.scen</code>, PNG (dark cells are walls), JSON, or the
          reference <code>.txt</code>. Drop a file here or anywhere on the map.
        </p>
      </FileDrop>
      <div className="button-row ia-exports" role="group" aria-label="Save the map">
        <span>Save as</span>
        <button type="button" onClick={() => onExport('map')} data-testid="export-map">
          .map
        </button>
        <button type="button" onClick={() => onExport('scen')} data-testid="export-scen">
          .scen
        </button>
        <button type="button" onClick={() => onExport('png')} data-testid="export-png">
          .png
        </button>
        <button type="button" onClick={() => onExport('json')} data-testid="export-json">
          .json
        </button>
      </div>
      {scenarios && (
        <div className="ia-scenarios">
          <label className="field" htmlFor={selectId}>
            {scenarios.fileName}: {scenarios.scenarios.length.toLocaleString('en')} scenario
            {scenarios.scenarios.length === 1 ? '' : 's'}
            {scenarios.scenarios.length > LIST_MAX && ` (the first ${LIST_MAX} listed)`}
          </label>
          <div className="field-row">
            <select
              id={selectId}
              value={Math.min(index, list.length - 1)}
              onChange={(e) => setIndex(Number(e.target.value))}
              data-testid="scenario-select"
            >
              {list.map((s, i) => (
                <option key={i} value={i}>
                  #{i + 1} · bucket {s.bucket} · ({s.start.x}, {s.start.y}) → ({s.goal.x}, {s.goal.y}) ·{' '}
                  {s.optimalLength.toFixed(2)}
                </option>
              ))}
            </select>
            <button type="button" onClick={() => chosen && onScenario(chosen)} data-testid="scenario-use">
              Use this query
            </button>
          </div>
          {chosen && length !== null && (
            <p className="hint" data-testid="scenario-check">
              optimal length in the file {chosen.optimalLength.toFixed(4)} · A* here {length.toFixed(4)}{' '}
              {Math.abs(length - chosen.optimalLength) < 1e-3 ? '✓ agree' : '✗ differ'}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
