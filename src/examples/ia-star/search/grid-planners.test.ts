import { describe, expect, it } from 'vitest';
import { generateMap } from '../maps/generate-map.ts';
import { gridPlanner, gridPlannerIds, guidedPlanner, registerGridPlanner } from './grid-planners.ts';
import { planOnce } from './search.ts';

describe('grid planner registry', () => {
  const { map, start, goal } = generateMap('forest', { width: 48, height: 48, seed: 12 });

  it('has the four classic planners, each running the engine as its kind', async () => {
    expect(gridPlannerIds()).toEqual(expect.arrayContaining(['astar', 'dijkstra', 'wastar', 'greedy']));
    for (const id of ['astar', 'dijkstra', 'greedy'] as const) {
      const plan = await gridPlanner(id)!.create(map, {});
      const r = await plan(start, goal);
      expect(Array.from(r.expansionOrder)).toEqual(
        Array.from(planOnce(map, start, goal, { planner: id }).expansionOrder),
      );
    }
    const wastar = await gridPlanner('wastar')!.create(map, { weight: 2, tie: 'fifo' });
    const w = await wastar(start, goal);
    expect(w.expanded).toBe(
      planOnce(map, start, goal, { planner: 'wastar', weight: 2, tie: 'fifo' }).expanded,
    );
    expect(gridPlanner('nope')).toBeUndefined();
  });

  it('takes a learned planner that supplies a guidance map per query, and refuses duplicate ids', async () => {
    const seen: string[] = [];
    registerGridPlanner({
      id: 'test-guided',
      label: 'test',
      description: 'constant guidance',
      learned: true,
      create: (m, args) =>
        guidedPlanner(m, (s, g) => {
          seen.push(`${args.weightsPath}:${s.x},${s.y}->${g.x},${g.y}`);
          return new Float32Array(m.width * m.height).fill(1);
        }),
    });
    const plan = await gridPlanner('test-guided')!.create(map, { weightsPath: 'w.json' });
    const r = await plan(start, goal);
    expect(seen).toEqual([`w.json:${start.x},${start.y}->${goal.x},${goal.y}`]);
    // A constant guidance map shifts every f alike: the same search as plain A*.
    expect(r.expanded).toBe(planOnce(map, start, goal).expanded);
    expect(() => registerGridPlanner({ ...gridPlanner('astar')!, id: 'astar' })).toThrow(
      /already registered/,
    );
  });
});
