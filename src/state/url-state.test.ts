import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  defaultPageState,
  formatHash,
  parseHash,
  URL_SCHEMA_VERSION,
  type PageState,
  type Route,
} from './url-state';
import { examples, findExample } from '../examples/registry';
import type { ExampleMeta } from '../il/example-meta';

const metas: readonly ExampleMeta[] = examples.map((e) => e.meta);
const explorer = (): ExampleMeta => {
  const m = findExample('explorer');
  if (!m) throw new Error('the explorer is not registered');
  return m;
};

function exampleState(route: Route): PageState & { warning?: string } {
  if (route.page !== 'example') throw new Error(`expected an example page, got ${JSON.stringify(route)}`);
  return { ...route.state, ...(route.warning === undefined ? {} : { warning: route.warning }) };
}

describe('URL hash: round trips', () => {
  it('knows at least the five examples, each with three or more presets', () => {
    expect(metas.map((m) => m.id).sort()).toEqual(
      expect.arrayContaining(['explorer', 'ia-star', 'impc', 'iplanner', 'imtsp']),
    );
    for (const m of metas) expect(m.presets.length).toBeGreaterThanOrEqual(3);
  });

  for (const meta of metas)
    for (const preset of meta.presets)
      it(`${meta.id} / ${preset.id}: formatHash → parseHash gives the same page state, without a notice`, () => {
        const state = defaultPageState(meta, preset);
        expect(state.presetId).toBe(preset.id);
        const hash = formatHash(state);
        expect(hash.startsWith(`#/${meta.id}?v=${URL_SCHEMA_VERSION}&`)).toBe(true);
        const route = parseHash(hash, findExample);
        expect(route).toEqual({ page: 'example', state });
        // Formatting is canonical: the parsed state formats to the same link.
        expect(formatHash(exampleState(route))).toBe(hash);
      });

  it('keeps edited settings, params and view state of any type through the link', () => {
    const meta = explorer();
    const base = defaultPageState(meta, meta.presets[1]);
    const state: PageState = {
      ...base,
      settings: { seed: 4_294_967_295, learningRate: 0.0003, batchSize: 1024, optimizer: 'sgd' },
      params: {
        ...base.params,
        unrollSteps: 17,
        method: 'unrolled',
        flag: false,
        label: 'two words & more=',
      },
      view: { overlay: true, k: 12.5, tab: 'compare' },
    };
    expect(parseHash(formatHash(state), findExample)).toEqual({ page: 'example', state });
  });

  it('round-trips random settings and params (property)', () => {
    const meta = explorer();
    const key = fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9_]{0,11}$/);
    // Strings that read as numbers or booleans come back as those: the codec's documented typing.
    const text = fc.string({ maxLength: 20 }).filter((s) => s.trim() === '' || !Number.isFinite(Number(s)));
    const value = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }).filter((x) => !Object.is(x, -0)), // "-0" reads as 0
      fc.boolean(),
      text.filter((s) => s !== 'true' && s !== 'false' && s.trim() !== '' && s.trim() === s),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...meta.presets),
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.double({ min: 1e-9, max: 99, noNaN: true }),
        fc.integer({ min: 1, max: 1024 }),
        fc.constantFrom('adam' as const, 'sgd' as const),
        fc.dictionary(key, value, { maxKeys: 6 }),
        fc.dictionary(key, value, { maxKeys: 3 }),
        (preset, seed, learningRate, batchSize, optimizer, params, view) => {
          const state: PageState = {
            exampleId: meta.id,
            presetId: preset.id,
            settings: { seed, learningRate, batchSize, optimizer },
            params: { ...preset.params, ...params },
            view: { ...view },
          };
          const got = exampleState(parseHash(formatHash(state), findExample));
          expect(got.warning).toBeUndefined();
          expect(got.settings).toEqual(state.settings);
          expect(got.presetId).toBe(preset.id);
          for (const [k, v] of Object.entries(state.params)) expect(got.params[k]).toEqual(v);
          for (const [k, v] of Object.entries(state.view)) expect(got.view[k]).toEqual(v);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('URL hash: routes and untrusted input', () => {
  it('routes the landing page, the backend page and unknown examples', () => {
    for (const h of ['', '#', '#/', '#/nope', '#/nope?v=1&seed=3'])
      expect(parseHash(h, findExample)).toEqual({ page: 'landing' });
    expect(parseHash('#/backends', findExample)).toEqual({ page: 'backends' });
    expect(parseHash('#/backends?x=1', findExample)).toEqual({ page: 'backends' });
  });

  it('a bare example link opens its first preset with the defaults', () => {
    const meta = explorer();
    expect(parseHash('#/explorer', findExample)).toEqual({ page: 'example', state: defaultPageState(meta) });
  });

  it('an unknown preset falls back to the first; a known one is used', () => {
    const meta = explorer();
    expect(exampleState(parseHash('#/explorer?v=1&preset=zzz', findExample)).presetId).toBe(
      meta.presets[0].id,
    );
    const wide = meta.presets[2];
    const got = exampleState(parseHash(`#/explorer?preset=${wide.id}`, findExample));
    expect(got.presetId).toBe(wide.id);
    expect(got.params).toEqual(wide.params);
    expect(got.settings).toEqual({ ...meta.defaults, ...wide.settings });
  });

  it('refuses out-of-range settings field by field, keeping the preset value', () => {
    const meta = explorer();
    const defaults = defaultPageState(meta).settings;
    const bad = [
      'seed=-1',
      'seed=4294967296',
      'seed=abc',
      'lr=0',
      'lr=-0.1',
      'lr=100',
      'lr=Infinity',
      'lr=NaN',
      'batch=0',
      'batch=1025',
      'batch=',
      'opt=rmsprop',
      'opt=',
    ];
    for (const q of bad)
      expect(exampleState(parseHash(`#/explorer?v=1&${q}`, findExample)).settings, q).toEqual(defaults);
    // In range: accepted (and whole numbers floored).
    const ok = exampleState(parseHash('#/explorer?v=1&seed=12.9&lr=1e-3&batch=7.5&opt=sgd', findExample));
    expect(ok.settings).toEqual({ seed: 12, learningRate: 0.001, batchSize: 7, optimizer: 'sgd' });
  });

  it('another schema version loads the preset defaults with a notice naming both versions', () => {
    const meta = explorer();
    const preset = meta.presets[1];
    for (const v of ['2', '0', '999', 'abc']) {
      const got = exampleState(
        parseHash(`#/explorer?v=${v}&preset=${preset.id}&seed=77&lr=0.5&p.unrollSteps=40&v.k=3`, findExample),
      );
      expect(got.warning).toBe(
        `This link uses URL schema version "${v}"; this app reads version ${URL_SCHEMA_VERSION}, so the preset's defaults were loaded.`,
      );
      const { warning: _, ...state } = got;
      expect(state).toEqual(defaultPageState(meta, preset));
    }
    expect(exampleState(parseHash('#/explorer?v=1&seed=77', findExample)).warning).toBeUndefined();
    expect(exampleState(parseHash('#/explorer?seed=77', findExample)).warning).toBeUndefined();
  });

  it('never throws on arbitrary text after a known example, and always yields a complete, valid state', () => {
    const explorerMeta = explorer();
    fc.assert(
      fc.property(
        fc.constantFrom(...metas.map((m) => m.id)),
        fc.oneof(fc.string({ maxLength: 80 }), fc.string({ unit: 'binary', maxLength: 80 })),
        (id, tail) => {
          const route = parseHash(`#/${id}?${tail}`, findExample);
          expect(route.page).toBe('example');
          const s = exampleState(route);
          expect(s.exampleId).toBe(id);
          const meta = findExample(id) ?? explorerMeta;
          expect(meta.presets.map((p) => p.id)).toContain(s.presetId);
          expect(Number.isInteger(s.settings.seed) && s.settings.seed >= 0 && s.settings.seed < 2 ** 32).toBe(
            true,
          );
          expect(s.settings.learningRate > 0 && s.settings.learningRate < 100).toBe(true);
          expect(Number.isInteger(s.settings.batchSize) && s.settings.batchSize >= 1).toBe(true);
          expect(['adam', 'sgd']).toContain(s.settings.optimizer);
          for (const v of [...Object.values(s.params), ...Object.values(s.view)])
            expect(['number', 'string', 'boolean']).toContain(typeof v);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never throws on arbitrary hashes whose path has no percent sign', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.string({ maxLength: 60 }), (path, query) => {
        const hash = `#/${path.replaceAll('%', '')}?${query}`;
        const route = parseHash(hash, findExample);
        expect(['landing', 'backends', 'example']).toContain(route.page);
      }),
      { numRuns: 500 },
    );
  });

  // A malformed escape (#/%E0) used to throw URIError in App's first render: a blank page.
  it('never throws on a malformed percent-escape in the path', () => {
    for (const h of ['#/%E0', '#/%', '#/explorer%ZZ?v=1', '#/%C0%80'])
      expect(parseHash(h, findExample)).toEqual({ page: 'landing' });
  });

  it('params from a link stay plain data: no prototype is replaced', () => {
    const s = exampleState(parseHash('#/explorer?p.__proto__=1&p.constructor=2&v.toString=3', findExample));
    expect(Object.getPrototypeOf(s.params)).toBe(Object.prototype);
    expect(s.params.constructor).toBe(2);
    expect(s.view.toString).toBe(3);
    expect(JSON.parse(JSON.stringify(s.params))).toEqual(s.params);
  });
});
