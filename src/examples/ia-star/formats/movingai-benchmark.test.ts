import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasSharedData, sharedDataPath, sharedDataTitle } from '../../../test-support/shared-data.ts';
import { checkScenarioOnMap, parseScen } from './format-movingai-scen.ts';
import { parseMovingAiMap } from './format-movingai-map.ts';
import { createSearchContext } from '../search/search-context.ts';
import { TIE_RULES } from '../search/search-options.ts';
import { search } from '../search/search.ts';

/** Every scenario of the real Moving AI maps in ../shared/data/movingai, reproduced to 1e-6. */
const BENCHMARKS = [
  { map: 'arena.map', scen: 'arena.map.scen', count: 130 },
  { map: 'den312d.map', scen: 'den312d.map.scen', count: 290 },
  { map: 'random-32-32-10.map', scen: 'random-32-32-10-random-1.scen', count: 461 },
];

describe.skipIf(!hasSharedData)(sharedDataTitle('Moving AI benchmark scenarios'), () => {
  it.each(BENCHMARKS)(
    '$scen: A* (every tie rule) and Dijkstra reproduce all $count optimal lengths',
    ({ map: mapFile, scen, count }) => {
      const map = parseMovingAiMap(readFileSync(sharedDataPath('movingai', mapFile), 'utf8'));
      const scenarios = parseScen(readFileSync(sharedDataPath('movingai', scen), 'utf8'));
      expect(scenarios.length).toBe(count);
      const ctx = createSearchContext(map);
      for (const s of scenarios) {
        expect(checkScenarioOnMap(s, map)).toBeNull();
        for (const tie of TIE_RULES) {
          const r = search(ctx, s.start, s.goal, { tie });
          expect(Math.abs(r.pathLength - s.optimalLength), `line ${s.line} (${tie})`).toBeLessThan(1e-6);
        }
        const d = search(ctx, s.start, s.goal, { planner: 'dijkstra' });
        expect(Math.abs(d.pathLength - s.optimalLength), `line ${s.line} (dijkstra)`).toBeLessThan(1e-6);
      }
    },
  );

  it('reads the maps without a scenario file too', () => {
    for (const name of ['maze-32-32-2.map', 'room-32-32-4.map', 'empty-8-8.map']) {
      const map = parseMovingAiMap(readFileSync(sharedDataPath('movingai', name), 'utf8'));
      expect(map.width * map.height).toBeGreaterThan(0);
    }
  });
});
