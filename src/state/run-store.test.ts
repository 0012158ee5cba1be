import { beforeEach, describe, expect, it } from 'vitest';
import { selectStep, useRunStore } from './run-store';
import type { StepReport } from '../il/trainer';
import type { BackendChoice } from '../il/backend-names';

const initial = useRunStore.getState();

const report = (step: number, upper = 1 / step): StepReport => ({
  step,
  upper,
  lower: 0,
  gradNorm: 1,
  ms: 1,
});
const steps = (): number[] => useRunStore.getState().reports.map((r) => r.step);

beforeEach(() => {
  useRunStore.setState(initial, true);
});

describe('run store', () => {
  it('starts empty: loading at step 0, no curve, no snapshot, no backend, unlimited speed, log scale', () => {
    const s = useRunStore.getState();
    expect(s.status).toEqual({ state: 'loading', step: 0 });
    expect(s.reports).toEqual([]);
    expect(s.snapshot).toBeNull();
    expect(s.backend).toBeNull();
    expect(s.fatal).toBeNull();
    expect(s.speed).toBeNull();
    expect(s.logScale).toBe(true);
  });

  it('appends report batches in order, as a new array each time, without keeping the caller’s array', () => {
    const { appendReports } = useRunStore.getState();
    const batch = [report(1), report(2)];
    appendReports(batch);
    const first = useRunStore.getState().reports;
    batch.push(report(99)); // the worker's batch object is not the store's
    appendReports([report(3)]);
    const second = useRunStore.getState().reports;
    expect(second).not.toBe(first); // subscribers see a change
    expect(first.map((r) => r.step)).toEqual([1, 2]);
    expect(steps()).toEqual([1, 2, 3]);
    expect(second[2]).toEqual(report(3));
  });

  it('a loading status starts a fresh curve and drops the snapshot; other statuses keep both', () => {
    const s = useRunStore.getState();
    s.appendReports([report(1), report(2)]);
    s.setSnapshot({ theta: [1] });
    for (const status of [
      { state: 'running' as const, step: 0 },
      { state: 'idle' as const, step: 2 },
      { state: 'diverged' as const, step: 2, message: 'U became NaN', suggestedLearningRate: 0.01 },
      { state: 'error' as const, step: 2, message: 'boom' },
    ]) {
      s.setStatus(status);
      expect(useRunStore.getState().status).toEqual(status);
      expect(steps()).toEqual([1, 2]);
      expect(useRunStore.getState().snapshot).toEqual({ theta: [1] });
    }
    s.setStatus({ state: 'loading', step: 0, message: 'checking webgpu' });
    expect(useRunStore.getState().status).toEqual({ state: 'loading', step: 0, message: 'checking webgpu' });
    expect(steps()).toEqual([]);
    expect(useRunStore.getState().snapshot).toBeNull();
    // After the reload the curve restarts at step 1.
    s.setStatus({ state: 'idle', step: 0 });
    s.appendReports([report(1)]);
    expect(steps()).toEqual([1]);
  });

  it('the shown step follows the curve while running, never goes back, and restarts with a load', () => {
    const s = useRunStore.getState();
    const shown = () => selectStep(useRunStore.getState());
    s.setStatus({ state: 'running', step: 0 });
    s.appendReports([report(1), report(2), report(3)]);
    expect(shown()).toBe(3);
    // Reports do not touch the status: the page frame, which reads the status, does not re-render per flush.
    expect(useRunStore.getState().status).toEqual({ state: 'running', step: 0 });
    s.appendReports([]);
    expect(shown()).toBe(3);
    s.setStatus({ state: 'idle', step: 5 });
    s.appendReports([report(4)]); // a late batch does not move the counter back
    expect(shown()).toBe(5);
    s.setStatus({ state: 'loading', step: 0 });
    expect(shown()).toBe(0);
    s.setStatus({ state: 'running', step: 0 });
    s.appendReports([report(1)]);
    expect(shown()).toBe(1);
    expect(steps()).toEqual([1]);
  });

  it('keeps the backend, the fatal message, the speed and the scale', () => {
    const s = useRunStore.getState();
    const choice: BackendChoice = {
      name: 'wasm',
      requested: 'webgpu',
      fallbacks: [{ name: 'webgpu', reason: 'no adapter' }],
    };
    s.setBackend(choice);
    s.setFatal('worker crashed');
    s.setSpeed(30);
    s.toggleLogScale();
    let now = useRunStore.getState();
    expect([now.backend, now.fatal, now.speed, now.logScale]).toEqual([choice, 'worker crashed', 30, false]);
    s.toggleLogScale();
    s.setFatal(null);
    s.setSpeed(null);
    now = useRunStore.getState();
    expect([now.fatal, now.speed, now.logScale]).toEqual([null, null, true]);
  });

  it('clearRun empties the run but keeps the machine and the viewer’s choices', () => {
    const s = useRunStore.getState();
    const choice: BackendChoice = { name: 'cpu', requested: 'auto', fallbacks: [] };
    s.setBackend(choice);
    s.setSpeed(5);
    s.toggleLogScale();
    s.appendReports([report(1)]);
    s.setSnapshot('x');
    s.setStatus({ state: 'idle', step: 1 });
    s.clearRun();
    const now = useRunStore.getState();
    expect(now.reports).toEqual([]);
    expect(now.snapshot).toBeNull();
    expect(now.status).toEqual({ state: 'loading', step: 0 });
    expect([now.backend, now.speed, now.logScale]).toEqual([choice, 5, false]);
  });

  it('notifies subscribers once per change, with the previous state', () => {
    const seen: [number, number][] = [];
    const unsubscribe = useRunStore.subscribe((next, prev) =>
      seen.push([next.reports.length, prev.reports.length]),
    );
    const s = useRunStore.getState();
    s.appendReports([report(1)]);
    s.appendReports([report(2), report(3)]);
    s.setStatus({ state: 'loading', step: 0 });
    unsubscribe();
    s.appendReports([report(1)]);
    expect(seen).toEqual([
      [1, 0],
      [3, 1],
      [0, 3],
    ]);
  });
});

describe('run store: pause feedback and curve events', () => {
  it('a pause request shows until the worker says it stopped; it is ignored when not running', () => {
    const s = useRunStore.getState();
    s.requestPause();
    expect(useRunStore.getState().pausing).toBe(false);
    s.setStatus({ state: 'running', step: 3 });
    s.requestPause();
    expect(useRunStore.getState().pausing).toBe(true);
    s.setStatus({ state: 'running', step: 4 });
    expect(useRunStore.getState().pausing).toBe(true);
    s.setStatus({ state: 'idle', step: 5 });
    expect(useRunStore.getState().pausing).toBe(false);
  });

  it('marks learning-rate changes at the curve’s step, a divergence once, a weights load at 0; a load clears', () => {
    const s = useRunStore.getState();
    s.setStatus({ state: 'running', step: 0 }, { generation: 1, step: 0 });
    s.appendReports([report(1), report(2), report(3)], { generation: 1, step: 3 });
    s.markEvent('learningRate', 'learning rate 0.01');
    s.markEvent('learningRate', 'learning rate 0.02');
    s.setStatus({ state: 'diverged', step: 3, message: 'U became NaN' }, { generation: 1, step: 3 });
    s.setStatus({ state: 'diverged', step: 3, message: 'U became NaN' }, { generation: 1, step: 3 });
    expect(useRunStore.getState().events).toEqual([
      { step: 3, kind: 'learningRate', label: 'learning rate 0.02' },
      { step: 3, kind: 'diverged', label: 'diverged: step refused' },
    ]);
    s.markEvent('weights', 'pretrained weights loaded');
    expect(useRunStore.getState().events).toEqual([
      { step: 0, kind: 'weights', label: 'pretrained weights loaded' },
    ]);
    s.setStatus({ state: 'loading', step: 0 }, { generation: 2, step: 0 });
    expect(useRunStore.getState().events).toEqual([]);
  });
});
