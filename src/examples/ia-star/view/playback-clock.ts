/**
 * The search playback's clock, decoupled from the solver: it only counts expansions. Playing advances `rate`
 * expansions a second on animation frames; the views replay their recorded expansion orders up to the count.
 * `step` is Infinity when the playback is at rest at the end (every search shown whole), so a new, longer search
 * is shown whole too. Subscribe with useSyncExternalStore: snapshots are immutable and change only on a change.
 */
export interface PlaybackState {
  step: number;
  playing: boolean;
  /** Expansions per second. */
  rate: number;
  /** Expansions of the longest search: where playing stops. */
  length: number;
}

export interface FrameSource {
  request(cb: (now: number) => void): number;
  cancel(id: number): void;
}

const browserFrames: FrameSource = {
  request: (cb) => requestAnimationFrame(cb),
  cancel: (id) => cancelAnimationFrame(id),
};

export const RATE_MIN = 5;
export const RATE_MAX = 200_000;
/** A frame may cover at most this long (a background tab must not jump to the end). */
const MAX_FRAME_MS = 100;

export class PlaybackClock {
  private state: PlaybackState;
  private readonly listeners = new Set<() => void>();
  private frame = 0;
  private last = 0;
  /** Fractional expansions carried between frames at low rates. */
  private carry = 0;
  private readonly frames: FrameSource;

  constructor(rate = 400, frames: FrameSource = browserFrames) {
    this.frames = frames;
    this.state = { step: Number.POSITIVE_INFINITY, playing: false, rate, length: 0 };
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): PlaybackState => this.state;

  /** The step to show: the count of expansions replayed (Infinity at rest at the end). */
  get step(): number {
    return this.state.step;
  }

  setLength(length: number): void {
    if (length === this.state.length) return;
    const step = this.state.step > length ? Number.POSITIVE_INFINITY : this.state.step;
    this.set({ length, step, playing: this.state.playing && step < length });
    if (!this.state.playing) this.stopFrames();
  }

  setRate(rate: number): void {
    this.set({ rate: Math.min(RATE_MAX, Math.max(RATE_MIN, rate)) });
  }

  play(): void {
    if (this.state.playing || this.state.length === 0) return;
    const step =
      Number.isFinite(this.state.step) && this.state.step < this.state.length ? this.state.step : 0;
    this.carry = 0;
    this.set({ playing: true, step });
    this.last = Number.NaN;
    this.frame = this.frames.request(this.tick);
  }

  pause(): void {
    if (!this.state.playing) return;
    this.stopFrames();
    this.set({ playing: false });
  }

  toggle(): void {
    if (this.state.playing) this.pause();
    else this.play();
  }

  /** Pause and move by `delta` expansions (from the end when at rest there). */
  stepBy(delta: number): void {
    this.pause();
    const from = Number.isFinite(this.state.step) ? this.state.step : this.state.length;
    this.seek(from + delta);
  }

  /** Show the searches after t expansions; t ≥ length rests at the end. */
  seek(t: number): void {
    const step = Math.max(0, Math.floor(t));
    this.set({ step: step >= this.state.length ? Number.POSITIVE_INFINITY : step });
  }

  dispose(): void {
    this.stopFrames();
    this.set({ playing: false });
  }

  private stopFrames(): void {
    if (this.frame) this.frames.cancel(this.frame);
    this.frame = 0;
  }

  private tick = (now: number): void => {
    this.frame = 0;
    if (!this.state.playing) return;
    const dt = Number.isNaN(this.last) ? 1000 / 60 : Math.min(MAX_FRAME_MS, now - this.last);
    this.last = now;
    // Many expansions per frame at high rates; one every few frames at low ones.
    const advance = this.carry + (this.state.rate * dt) / 1000;
    const whole = Math.floor(advance);
    this.carry = advance - whole;
    const step = this.state.step + whole;
    if (step >= this.state.length) {
      this.set({ step: Number.POSITIVE_INFINITY, playing: false });
      return;
    }
    if (whole > 0) this.set({ step });
    this.frame = this.frames.request(this.tick);
  };

  private set(patch: Partial<PlaybackState>): void {
    const next = { ...this.state, ...patch };
    const s = this.state;
    if (
      next.step === s.step &&
      next.playing === s.playing &&
      next.rate === s.rate &&
      next.length === s.length
    )
      return;
    this.state = next;
    for (const l of this.listeners) l();
  }
}
