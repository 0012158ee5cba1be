import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { CommandChannel, CommandMap, CommandName, PayloadOf, ResultOf } from '../il/example/contract';

/**
 * Runs a worker command whenever `key` changes, at most once per `intervalMs` and one at a time, and always ends
 * with a result for the latest key: the view stays live while training runs without flooding the worker.
 */
export function useThrottledCommand<C extends CommandMap, K extends CommandName<C>>(
  channel: CommandChannel<C>,
  name: K,
  payload: PayloadOf<C, K>,
  key: string,
  intervalMs: number,
  onError: (message: string) => void,
): ResultOf<C, K> | null {
  const [result, setResult] = useState<ResultOf<C, K> | null>(null);
  const latest = useRef({ payload, key, channel, onError });
  useLayoutEffect(() => {
    latest.current = { payload, key, channel, onError };
  });
  const state = useRef({
    inFlight: false,
    sentKey: '',
    last: 0,
    timer: 0 as ReturnType<typeof setTimeout> | 0,
    mounted: true,
  });

  useEffect(() => {
    const s = state.current;
    s.mounted = true;
    const fire = () => {
      s.timer = 0;
      if (s.inFlight || !s.mounted) return;
      s.inFlight = true;
      s.last = Date.now();
      s.sentKey = latest.current.key;
      latest.current.channel
        .command(name, latest.current.payload)
        .then((r) => {
          if (s.mounted) setResult(r);
        })
        .catch((e: unknown) => {
          if (s.mounted)
            latest.current.onError(`${name} failed: ${e instanceof Error ? e.message : String(e)}`);
        })
        .finally(() => {
          s.inFlight = false;
          if (s.mounted && latest.current.key !== s.sentKey) schedule();
        });
    };
    const schedule = () => {
      if (s.timer || s.inFlight) return;
      s.timer = setTimeout(fire, Math.max(0, intervalMs - (Date.now() - s.last)));
    };
    schedule();
    return () => {
      if (s.timer) clearTimeout(s.timer);
      s.timer = 0;
    };
  }, [name, key, intervalMs]);

  useEffect(
    () => () => {
      state.current.mounted = false;
    },
    [],
  );

  return result;
}
