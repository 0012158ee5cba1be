import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { numberParam, choiceParam, type ExampleParams } from '../../../il/problem';
import { LinePlot, type Series } from '../../../ui/LinePlot';
import { Slider } from '../../../ui/Slider';
import type { CommandChannel } from '../../../il/example/contract';
import type { ImpcCommands } from '../contract';
import { CONTROLLER_IDS, type ControllerId } from '../evaluation/compare';
import type { GustEvent, SimulationRequest, SimulationResult } from '../vehicle/simulate';
import { CONTROLLER_COLORS, MOTOR_COLORS, REFERENCE_COLOR, SHORT_LABELS } from './colors';
import { QuadScene, type SceneFrame } from './QuadScene';

interface Props {
  channel: CommandChannel<ImpcCommands>;
  /** Changes whenever ψ changes; the flight is re-simulated with the new ψ when the episode loops. */
  psiKey: string;
  /**
   * Changes when p has moved by about 5 % (or ψ was reset or loaded): the flight is re-simulated at once.
   */
  coarsePsiKey: string;
  viewState: ExampleParams;
  setViewState: (patch: ExampleParams) => void;
  onError: (message: string) => void;
}

const DURATION = 8;
const AXES = ['roll', 'pitch', 'yaw'] as const;

/** Rows [k·width + column] of a flat trace as plot points against time. */
function column(
  data: Float32Array,
  width: number,
  col: number,
  dt: number,
  steps: number,
): [number, number][] {
  const points: [number, number][] = new Array(steps);
  for (let k = 0; k < steps; k++) points[k] = [k * dt, data[k * width + col]];
  return points;
}

/** Gust headings cycle through a fixed sequence, so a replayed link gusts the same way. */
const gustHeading = (n: number): number => ((n * 2.4 + 0.7) % (2 * Math.PI)) - Math.PI;

/**
 * The closed loop, animated: the chosen controller's quadrotor against the reference (ghost) and the wind
 * (arrows), with sliders for the wind, the gust strength and the IMU noise, and a button that injects a gust
 * into the running simulation; below, each controller's attitude against the reference and the motor thrusts.
 */
export function FlightPanel({ channel, psiKey, coarsePsiKey, viewState, setViewState, onError }: Props) {
  const wind = numberParam(viewState, 'wind', 0, 0, 15);
  const gustSpeed = numberParam(viewState, 'gust', 14, 2, 30);
  const noise = numberParam(viewState, 'noise', 1, 0, 4);
  const shown = choiceParam<ControllerId>(viewState, 'show', CONTROLLER_IDS, 'impc');
  const [gusts, setGusts] = useState<GustEvent[]>([]);
  /** Gusts injected since the page opened (the current episode's list empties when it loops). */
  const [gustCount, setGustCount] = useState(0);
  const [trace, setTrace] = useState<SimulationResult | null>(null);
  const [playing, setPlaying] = useState(true);
  const [clock, setClock] = useState(0);
  const [hover, setHover] = useState<number | null>(null);
  const [epoch, setEpoch] = useState(0);
  const time = useRef(0);
  const frame = useRef<SceneFrame | null>(null);
  const requestId = useRef(0);
  const psi = useRef({ latest: psiKey, simulated: '' });
  // The channel object is new on every render of the page: keep the latest in a ref, never in effect deps.
  const io = useRef({ onError, channel });
  useLayoutEffect(() => {
    psi.current.latest = psiKey;
    io.current = { onError, channel };
  });

  // Re-simulate when the wind, the noise or the gusts change (and when the episode loops with a new ψ).
  useEffect(() => {
    const id = ++requestId.current;
    const request: SimulationRequest = { duration: DURATION, windSpeed: wind, noise, gusts };
    const key = psi.current.latest;
    io.current.channel
      .command('simulate', request)
      .then((r) => {
        if (id !== requestId.current) return;
        psi.current.simulated = key;
        setTrace(r);
      })
      .catch((e: unknown) =>
        io.current.onError(`simulation failed: ${e instanceof Error ? e.message : String(e)}`),
      );
  }, [wind, noise, gusts, epoch, coarsePsiKey]);

  // Playback: advances the clock in real time and feeds the 3D view through a ref (no React render per frame).
  useEffect(() => {
    let raf = 0;
    let last = performance.now();
    let lastClock = 0;
    const tick = (now: number) => {
      const dt = Math.min(0.1, (now - last) / 1000);
      last = now;
      if (trace && playing) {
        time.current += dt;
        if (time.current >= trace.steps * trace.dt) {
          time.current = 0;
          if (gusts.length > 0) setGusts([]);
          else if (psi.current.latest !== psi.current.simulated) setEpoch((e) => e + 1);
        }
      }
      if (trace) {
        const k = Math.min(trace.steps - 1, Math.max(0, Math.floor(time.current / trace.dt)));
        const t = trace.traces.find((c) => c.id === shown) ?? trace.traces[0];
        frame.current = {
          attitude: [t.attitudeDeg[k * 3], t.attitudeDeg[k * 3 + 1], t.attitudeDeg[k * 3 + 2]],
          reference: [
            trace.referenceDeg[k * 3],
            trace.referenceDeg[k * 3 + 1],
            trace.referenceDeg[k * 3 + 2],
          ],
          wind: [trace.wind[k * 2], trace.wind[k * 2 + 1]],
          thrusts: [t.thrusts[k * 4], t.thrusts[k * 4 + 1], t.thrusts[k * 4 + 2], t.thrusts[k * 4 + 3]],
        };
      }
      if (now - lastClock > 200) {
        lastClock = now;
        setClock(time.current);
      }
      raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, [trace, playing, shown, gusts.length]);

  const gust = useCallback(() => {
    // Too close to the end of the episode for the gust to show: start the episode over and gust at once.
    if (time.current > DURATION - 0.6) time.current = 0;
    const at = time.current + 0.05;
    setGusts((g) => [...g, { time: at, speed: gustSpeed, heading: gustHeading(g.length) }]);
    setGustCount((n) => n + 1);
  }, [gustSpeed]);

  const attitudePlots = useMemo(() => {
    if (!trace) return [];
    return AXES.map((axis, a): { axis: string; series: Series[] } => ({
      axis,
      series: [
        {
          name: 'reference',
          color: REFERENCE_COLOR,
          dashed: true,
          points: column(trace.referenceDeg, 3, a, trace.dt, trace.steps),
        },
        ...trace.traces.map((t) => ({
          name: SHORT_LABELS[t.id],
          color: CONTROLLER_COLORS[t.id],
          points: column(t.attitudeDeg, 3, a, trace.dt, trace.steps),
        })),
      ],
    }));
  }, [trace]);

  const thrustSeries = useMemo((): Series[] => {
    const t = trace?.traces.find((c) => c.id === shown);
    if (!trace || !t) return [];
    return [0, 1, 2, 3].map((m) => ({
      name: `f${m + 1}`,
      color: MOTOR_COLORS[m],
      points: column(t.thrusts, 4, m, trace.dt, trace.steps),
    }));
  }, [trace, shown]);

  const windNow = trace
    ? Math.hypot(
        trace.wind[Math.min(trace.steps - 1, Math.floor(clock / trace.dt)) * 2],
        trace.wind[Math.min(trace.steps - 1, Math.floor(clock / trace.dt)) * 2 + 1],
      )
    : 0;

  return (
    <section className="panel impc-flight" aria-labelledby="impc-flight-title">
      <div className="panel-head">
        <h2 id="impc-flight-title">Closed-loop flight</h2>
        <div className="panel-actions">
          <button type="button" onClick={() => setPlaying((p) => !p)} data-testid="impc-playback">
            {playing ? 'Pause flight' : 'Play flight'}
          </button>
          <button type="button" onClick={gust} disabled={!trace} data-testid="gust">
            Gust!
          </button>
        </div>
      </div>
      <div className="impc-flight-body">
        <div className="impc-scene-column">
          <QuadScene
            frame={frame}
            label={`Quadrotor flown by ${SHORT_LABELS[shown]}: solid body, green ghost = reference attitude, blue arrows = wind`}
          />
          <p className="hint impc-readout" data-testid="impc-flight-readout">
            t = {clock.toFixed(1)} s · wind {windNow.toFixed(1)} m/s · gusts injected: {gustCount}
            {trace &&
              ` · RMSE ${trace.traces.map((t) => `${SHORT_LABELS[t.id]} ${t.rmseDeg.toFixed(2)}°${t.stable ? '' : ' (unstable)'}`).join(', ')}`}
          </p>
          <label className="field">
            3D view shows
            <select
              value={shown}
              onChange={(e) => setViewState({ show: e.target.value })}
              data-testid="impc-show"
            >
              {CONTROLLER_IDS.map((id) => (
                <option key={id} value={id}>
                  {SHORT_LABELS[id]}
                </option>
              ))}
            </select>
          </label>
          <div className="field-row">
            <Slider
              label="steady wind (m/s)"
              value={wind}
              min={0}
              max={15}
              step={0.5}
              onChange={(v) => setViewState({ wind: v })}
            />
            <Slider
              label="gust strength (m/s)"
              value={gustSpeed}
              min={2}
              max={30}
              step={1}
              onChange={(v) => setViewState({ gust: v })}
            />
            <Slider
              label="IMU noise (× profile)"
              value={noise}
              min={0}
              max={4}
              step={0.25}
              onChange={(v) => setViewState({ noise: v })}
            />
          </div>
        </div>
        <div className="impc-plots">
          {trace ? (
            <>
              {attitudePlots.map((p) => (
                <LinePlot
                  key={p.axis}
                  title={`${p.axis} (°)`}
                  series={p.series}
                  logY={false}
                  width={480}
                  height={140}
                  xLabel="time (s)"
                  hoverX={hover}
                  onHover={setHover}
                  testId={`impc-plot-${p.axis}`}
                />
              ))}
              <LinePlot
                title="f (N)"
                series={thrustSeries}
                logY={false}
                width={480}
                height={140}
                xLabel="time (s)"
                hoverX={hover}
                onHover={setHover}
                testId="impc-plot-thrust"
              />
              <p className="hint">
                Motor thrusts of the controller in the 3D view. With p 50 % off, the MPC over-drives the
                motors into a limit cycle between the thrust limits; with the learned p they calm down.
              </p>
            </>
          ) : (
            <p className="loading">Simulating the three controllers…</p>
          )}
        </div>
      </div>
    </section>
  );
}
