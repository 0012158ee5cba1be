import type { ExampleMeta, Preset } from '../il/example-meta';
import type { ExampleParams, OptimizerKind, ParamValue, TrainingSettings } from '../il/problem';

/**
 * The versioned URL-hash schema. Every page state that matters for reproducing a run is in the link:
 *   #/<example>?v=1&preset=<id>&seed=1&lr=0.1&batch=16&opt=adam&p.<param>=<value>…
 * The backend override lives in the query string (`?backend=wasm`), as it is a property of the machine, not the run.
 */
export const URL_SCHEMA_VERSION = 1;

export interface PageState {
  exampleId: string;
  presetId: string;
  settings: TrainingSettings;
  params: ExampleParams;
  /** View-only state (a comparison's K, a chosen overlay): in the link, but changing it does not rebuild the run. */
  view: ExampleParams;
}

export type Route =
  { page: 'landing' } | { page: 'backends' } | { page: 'example'; state: PageState; warning?: string };

export function defaultPageState(meta: ExampleMeta, preset?: Preset): PageState {
  const p = preset ?? meta.presets[0];
  return {
    exampleId: meta.id,
    presetId: p.id,
    settings: { ...meta.defaults, ...p.settings },
    params: { ...p.params },
    view: {},
  };
}

function parseParamValue(raw: string): ParamValue {
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  const n = Number(raw);
  return raw.trim() !== '' && Number.isFinite(n) ? n : raw;
}

export function parseHash(hash: string, findMeta: (id: string) => ExampleMeta | undefined): Route {
  const body = hash.replace(/^#\/?/, '');
  if (body === '') return { page: 'landing' };
  const [path, query = ''] = body.split('?');
  if (path === 'backends') return { page: 'backends' };
  const meta = findMeta(decodeOrEmpty(path));
  if (!meta) return { page: 'landing' };
  const q = new URLSearchParams(query);
  const versionText = q.get('v') ?? String(URL_SCHEMA_VERSION);
  const version = /^\d+$/.test(versionText) ? Number(versionText) : versionText;
  const preset = meta.presets.find((p) => p.id === q.get('preset')) ?? meta.presets[0];
  const state = defaultPageState(meta, preset);
  if (version !== URL_SCHEMA_VERSION) {
    return {
      page: 'example',
      state,
      warning: `This link uses URL schema version "${version}"; this app reads version ${URL_SCHEMA_VERSION}, so the preset's defaults were loaded.`,
    };
  }
  const num = (key: string, fallback: number, ok: (x: number) => boolean) => {
    const raw = q.get(key);
    const v = raw === null ? NaN : Number(raw);
    return Number.isFinite(v) && ok(v) ? v : fallback;
  };
  const s = state.settings;
  const opt = q.get('opt');
  state.settings = {
    seed: Math.floor(num('seed', s.seed, (x) => x >= 0 && x < 2 ** 32)),
    learningRate: num('lr', s.learningRate, (x) => x > 0 && x < 100),
    batchSize: Math.floor(num('batch', s.batchSize, (x) => x >= 1 && x <= 1024)),
    optimizer: opt === 'adam' || opt === 'sgd' ? (opt as OptimizerKind) : s.optimizer,
  };
  q.forEach((value, key) => {
    if (key.startsWith('p.')) state.params[key.slice(2)] = parseParamValue(value);
    if (key.startsWith('v.')) state.view[key.slice(2)] = parseParamValue(value);
  });
  return { page: 'example', state };
}

/** A malformed %-escape (e.g. `#/%E0`) names no example: the landing page, never a URIError. */
function decodeOrEmpty(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return '';
  }
}

export function formatHash(state: PageState): string {
  const q = new URLSearchParams();
  q.set('v', String(URL_SCHEMA_VERSION));
  q.set('preset', state.presetId);
  q.set('seed', String(state.settings.seed));
  q.set('lr', String(state.settings.learningRate));
  q.set('batch', String(state.settings.batchSize));
  q.set('opt', state.settings.optimizer);
  for (const key of Object.keys(state.params).sort()) q.set(`p.${key}`, String(state.params[key]));
  for (const key of Object.keys(state.view).sort()) q.set(`v.${key}`, String(state.view[key]));
  return `#/${encodeURIComponent(state.exampleId)}?${q.toString()}`;
}
