import { describe, expect, it } from 'vitest';
import { type FrameSource, PlaybackClock } from './playback-clock.ts';

/** Animation frames driven by the test, 16 ms apart. */
function manualFrames(): FrameSource & { run(n: number): void; pending(): boolean } {
  let queued: ((now: number) => void) | null = null;
  let now = 0;
  return {
    request(cb) {
      queued = cb;
      return 1;
    },
    cancel() {
      queued = null;
    },
    run(n) {
      for (let i = 0; i < n && queued; i++) {
        const cb = queued;
        queued = null;
        now += 16;
        cb(now);
      }
    },
    pending: () => queued !== null,
  };
}

describe('search playback clock', () => {
  it('rests at the end until played, then replays from 0 at the given rate and stops at the end', () => {
    const frames = manualFrames();
    const clock = new PlaybackClock(1000, frames);
    clock.setLength(100);
    expect(clock.step).toBe(Number.POSITIVE_INFINITY);
    clock.play();
    expect(clock.step).toBe(0);
    frames.run(1);
    // The first frame counts as 1/60 s: 16 expansions at 1000 a second.
    expect(clock.step).toBe(16);
    frames.run(2);
    expect(clock.step).toBe(48);
    frames.run(10);
    expect(clock.step).toBe(Number.POSITIVE_INFINITY);
    expect(clock.getSnapshot().playing).toBe(false);
    expect(frames.pending()).toBe(false);
  });

  it('carries fractions at slow rates, so every expansion is shown', () => {
    const frames = manualFrames();
    const clock = new PlaybackClock(10, frames);
    clock.setLength(50);
    clock.play();
    const seen: number[] = [];
    clock.subscribe(() => seen.push(clock.step));
    frames.run(60);
    expect(seen.slice(0, 5)).toEqual([1, 2, 3, 4, 5]);
  });

  it('steps and seeks while paused; stepping from the end goes back one', () => {
    const clock = new PlaybackClock(100, manualFrames());
    clock.setLength(20);
    clock.stepBy(-1);
    expect(clock.step).toBe(19);
    clock.stepBy(1);
    expect(clock.step).toBe(Number.POSITIVE_INFINITY);
    clock.seek(5);
    clock.stepBy(-10);
    expect(clock.step).toBe(0);
  });

  it('notifies only on change and keeps a shorter search consistent', () => {
    const clock = new PlaybackClock(100, manualFrames());
    let calls = 0;
    clock.subscribe(() => calls++);
    clock.setLength(30);
    clock.seek(25);
    const snap = clock.getSnapshot();
    clock.seek(25);
    expect(clock.getSnapshot()).toBe(snap);
    expect(calls).toBe(2);
    clock.setLength(10);
    expect(clock.step).toBe(Number.POSITIVE_INFINITY);
  });
});
