import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Problem, ProblemFactory } from './problem';
import { TrainingSession, type RunVersion, type SessionStatus } from './session';
import { trainableVariable } from './variables';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** A problem whose snapshot shows the map a view handed it; it refuses maps wider than its params allow. */
function factory(): ProblemFactory {
  return {
    defaultParams: { maxWidth: 10 },
    parseParams: (raw) => ({ maxWidth: Number(raw.maxWidth ?? 10) }),
    create: async (_settings, params) => {
      let shown = 'validation';
      const w = trainableVariable('view-inputs/w', tf.scalar(1));
      const problem: Problem<string> = {
        variables: [w],
        viewInputs: ['setMap'],
        computeGradients: async () => ({ gradients: [tf.scalar(0.5)], upper: 1, lower: 1 }),
        snapshot: async () => shown,
        command: async (name, payload) => {
          if (name !== 'setMap') throw new Error(`unknown command ${name}`);
          const width = Number(payload);
          if (width > Number(params.maxWidth)) throw new Error('too wide');
          shown = `map ${width}`;
          return shown;
        },
        dispose: () => w.dispose(),
      };
      return problem;
    },
  };
}

function session() {
  const snapshots: [unknown, RunVersion][] = [];
  const statuses: [SessionStatus, RunVersion][] = [];
  const s = new TrainingSession(
    {
      reports: () => undefined,
      snapshot: (snapshot, version) => snapshots.push([snapshot, version]),
      status: (status, version) => statuses.push([status, version]),
    },
    async () => factory(),
  );
  return { s, snapshots, statuses };
}

const settings = { seed: 1, learningRate: 0.1, batchSize: 1, optimizer: 'sgd' as const };

describe('session-owned view inputs and run versions', () => {
  it('a rebuilt problem gets the view’s inputs again; one it refuses is dropped; versions count loads', async () => {
    const { s, snapshots, statuses } = session();
    await s.load({ exampleId: 'x', settings, params: { maxWidth: 10 } });
    expect(snapshots.at(-1)).toEqual(['validation', { generation: 1, step: 0 }]);
    await s.command('setMap', 8);
    await s.step(2);
    await s.reset();
    // Not re-sent by the view: the session applied it to the new problem before its first snapshot.
    expect(snapshots.at(-1)).toEqual(['map 8', { generation: 2, step: 0 }]);
    await s.load({ exampleId: 'x', settings, params: { maxWidth: 5 } });
    expect(snapshots.at(-1)).toEqual(['validation', { generation: 3, step: 0 }]);
    await s.load({ exampleId: 'x', settings, params: { maxWidth: 10 } });
    expect(snapshots.at(-1)?.[0]).toBe('validation');
    expect(statuses.filter(([st]) => st.state === 'loading').map(([, v]) => v.generation)).toEqual([
      1, 2, 3, 4,
    ]);
    s.announceLoading('checking the backend');
    expect(statuses.at(-1)).toEqual([
      { state: 'loading', step: 0, message: 'checking the backend' },
      { generation: 5, step: 0 },
    ]);
  });
});
