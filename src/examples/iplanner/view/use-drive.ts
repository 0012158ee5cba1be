import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { CommandChannel } from '../../../il/example/contract.ts';
import type { DriveRequest, DriveResponse, IPlannerCommands } from '../contract.ts';
import type { DepthNoise } from '../sensing/depth-noise.ts';
import { initialDriveState, type DriveState } from '../planning/drive.ts';
import type { World } from '../worlds/types.ts';

/** Real time: one replanning round (two 0.1 s steps) every 0.2 s, i.e. 5 plans per second. */
const ROUND_MS = 200;
const REPLAN_EVERY = 2;

export interface DriveCounters {
  runs: number;
  reached: number;
  collided: number;
  timeout: number;
  /** Metres driven over all finished runs. */
  metres: number;
}

export interface Drive {
  running: boolean;
  /** The robot's state while (or after) driving; null before the first drive (robot at the start). */
  state: DriveState | null;
  trace: number[];
  last: DriveResponse | null;
  counters: DriveCounters;
  start: () => void;
  stop: () => void;
  reset: () => void;
}

const NO_RUNS: DriveCounters = { runs: 0, reached: 0, collided: 0, timeout: 0, metres: 0 };

/** Drive mode: the robot follows its learned plan through the editor's world, replanning 5 times a second. */
export function useDrive(
  channel: CommandChannel<IPlannerCommands>,
  world: World,
  noise: DepthNoise,
  onError: (message: string) => void,
): Drive {
  const [running, setRunning] = useState(false);
  const [state, setState] = useState<DriveState | null>(null);
  const [trace, setTrace] = useState<number[]>([]);
  const [last, setLast] = useState<DriveResponse | null>(null);
  const [counters, setCounters] = useState<DriveCounters>(NO_RUNS);
  const latest = useRef({ world, noise, state, channel, onError });
  useLayoutEffect(() => {
    latest.current = { ...latest.current, world, noise, channel, onError };
  });

  // A new world or start puts the robot back at the start (state adjusted while rendering, as React advises).
  const startKey = `${world.start.x},${world.start.y},${world.start.yaw}|${world.kind}|${world.seed}`;
  const [shownKey, setShownKey] = useState(startKey);
  if (shownKey !== startKey) {
    setShownKey(startKey);
    setRunning(false);
    setState(null);
    setTrace([]);
    setLast(null);
  }
  useLayoutEffect(() => {
    latest.current.state = state;
  }, [state]);

  useEffect(() => {
    if (!running) return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | 0 = 0;
    let seed = 1;
    const round = async () => {
      const began = performance.now();
      const { world: w, noise: n, channel: ch } = latest.current;
      const current = latest.current.state ?? initialDriveState(w.start);
      const request: DriveRequest = {
        world: w,
        state: current,
        rounds: 1,
        replanEvery: REPLAN_EVERY,
        sensor: { noise: n, seed: seed++ },
      };
      try {
        const r = await ch.command('drive', request);
        if (cancelled) return;
        latest.current.state = r.state;
        setState(r.state);
        setLast(r);
        setTrace((t) => (t.length ? [...t, ...r.trace] : [current.pose.x, current.pose.y, ...r.trace]));
        if (r.state.status !== 'running') {
          setRunning(false);
          setCounters((c) => ({
            runs: c.runs + 1,
            reached: c.reached + (r.state.status === 'reached' ? 1 : 0),
            collided: c.collided + (r.state.status === 'collided' ? 1 : 0),
            timeout: c.timeout + (r.state.status === 'timeout' ? 1 : 0),
            metres: c.metres + r.state.travelled,
          }));
          return;
        }
        timer = setTimeout(() => void round(), Math.max(0, ROUND_MS - (performance.now() - began)));
      } catch (e) {
        if (cancelled) return;
        setRunning(false);
        latest.current.onError(`Drive failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    };
    void round();
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
    };
  }, [running]);

  const start = useCallback(() => {
    const s = latest.current.state;
    if (s && s.status !== 'running') {
      // A finished run starts over from the start.
      latest.current.state = null;
      setState(null);
      setTrace([]);
    }
    setRunning(true);
  }, []);
  const stop = useCallback(() => setRunning(false), []);
  const reset = useCallback(() => {
    setRunning(false);
    latest.current.state = null;
    setState(null);
    setTrace([]);
    setLast(null);
  }, []);

  return { running, state, trace, last, counters, start, stop, reset };
}
