import { Slider } from '../../../ui/Slider';
import { BRUSH_MAX, type Tool, TOOLS } from './tools.ts';

interface EditToolbarProps {
  tool: Tool;
  onTool: (tool: Tool) => void;
  brush: number;
  onBrush: (radius: number) => void;
  canUndo: boolean;
  canRedo: boolean;
  onUndo: () => void;
  onRedo: () => void;
  onClear: () => void;
  onInvert: () => void;
  showSearch: boolean;
  onShowSearch: (show: boolean) => void;
}

/** The map editor's tools: drawing tool, brush, undo / redo, clear / invert, and whether the search is drawn. */
export function EditToolbar({
  tool,
  onTool,
  brush,
  onBrush,
  canUndo,
  canRedo,
  onUndo,
  onRedo,
  onClear,
  onInvert,
  showSearch,
  onShowSearch,
}: EditToolbarProps) {
  return (
    <section className="panel ia-toolbar" aria-label="Map editing tools">
      <div className="ia-tools" role="radiogroup" aria-label="Drawing tool">
        {TOOLS.map((t) => (
          <button
            key={t.tool}
            type="button"
            role="radio"
            aria-checked={tool === t.tool}
            className={tool === t.tool ? 'primary' : undefined}
            onClick={() => onTool(t.tool)}
            data-testid={`tool-${t.tool}`}
          >
            {t.label} <kbd>{t.key}</kbd>
          </button>
        ))}
      </div>
      <Slider
        label="brush radius"
        value={brush}
        min={0}
        max={BRUSH_MAX}
        format={(v) => (v === 0 ? '1 cell' : `${v}`)}
        onChange={(v) => onBrush(Math.round(v))}
      />
      <div className="button-row">
        <button
          type="button"
          onClick={onUndo}
          disabled={!canUndo}
          aria-keyshortcuts="Control+Z"
          data-testid="undo"
        >
          Undo
        </button>
        <button
          type="button"
          onClick={onRedo}
          disabled={!canRedo}
          aria-keyshortcuts="Control+Shift+Z"
          data-testid="redo"
        >
          Redo
        </button>
        <button type="button" onClick={onClear} data-testid="clear">
          Clear
        </button>
        <button type="button" onClick={onInvert} data-testid="invert">
          Invert
        </button>
      </div>
      <label className="ia-check">
        <input type="checkbox" checked={showSearch} onChange={(e) => onShowSearch(e.target.checked)} />
        show the search on the map
      </label>
    </section>
  );
}
