import { memo, type ComponentProps, type ComponentType } from 'react';
import { selectStep, selectStepsPerSecond, useRunStore } from '../state/run-store';
import { BackendBadge } from '../ui/BackendBadge';
import { CostPlot } from '../ui/CostPlot';
import { Transport } from '../ui/Transport';
import type { FrameViewProps } from '../ui/example-view';

/**
 * The parts of the page that follow the worker's 100 ms report flushes. Each reads the run store through its own
 * selectors, so a flush re-renders the plot and the example's view, never the page frame (settings, lesson, …).
 */
export const LiveCostPlot = memo(function LiveCostPlot({ name }: { name: string }) {
  const reports = useRunStore((s) => s.reports);
  const logScale = useRunStore((s) => s.logScale);
  const toggleLogScale = useRunStore((s) => s.toggleLogScale);
  const events = useRunStore((s) => s.events);
  return (
    <CostPlot
      reports={reports}
      events={events}
      logScale={logScale}
      onToggleLog={toggleLogScale}
      name={name}
    />
  );
});

type StaticViewProps = Omit<FrameViewProps, 'snapshot' | 'status' | 'reports'>;

export const LiveView = memo(function LiveView({
  View,
  ...props
}: StaticViewProps & { View: ComponentType<FrameViewProps> }) {
  const snapshot = useRunStore((s) => s.snapshot);
  const status = useRunStore((s) => s.status);
  const reports = useRunStore((s) => s.reports);
  return <View {...props} snapshot={snapshot} status={status} reports={reports} />;
});

/** The transport, whose step counter follows the curve. */
export const LiveTransport = memo(function LiveTransport(
  props: Omit<ComponentProps<typeof Transport>, 'step' | 'pausing'>,
) {
  const step = useRunStore(selectStep);
  const pausing = useRunStore((s) => s.pausing);
  return <Transport {...props} step={step} pausing={pausing} />;
});

/** The backend badge with the measured training speed. */
export const LiveBackendBadge = memo(function LiveBackendBadge() {
  const choice = useRunStore((s) => s.backend);
  const rate = useRunStore(selectStepsPerSecond);
  return <BackendBadge choice={choice} stepsPerSecond={rate} />;
});
