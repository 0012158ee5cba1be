import type { LearnedPlannerInfo } from './learned-planners.ts';
import { PlannerCard } from './PlannerCard';
import type { LearnedPlans } from './use-learned-plans.ts';

interface LearnedCardProps {
  info: LearnedPlannerInfo;
  /** The network being trained (true) or the other mode's shipped weights (false). */
  current: boolean;
  learned: LearnedPlans;
  comparisonNote: string | null;
  step: number;
  optimal: number;
  shown: boolean;
  onShow: () => void;
}

/** A learned planner's card: the classic card, with where its guidance comes from (or why it is missing). */
export function LearnedCard({
  info,
  current,
  learned,
  comparisonNote,
  step,
  optimal,
  shown,
  onShow,
}: LearnedCardProps) {
  const scene = learned.scene;
  const plan = learned.plans[info.kind] ?? null;
  const note = learned.tooLarge
    ? 'This map is too large for the learned planners on the page (npm run plan runs them on any map).'
    : current
      ? 'guidance from the network training now'
      : plan
        ? 'guidance from the shipped weights'
        : comparisonNote
          ? 'no usable shipped weights for this mode (see the comparison below)'
          : 'loading the shipped weights…';
  if (!scene)
    return (
      <p className="loading ia-card-missing" data-testid={`result-${info.kind}`}>
        {learned.tooLarge ? `${info.label}: ${note}` : `Planning ${info.label}…`}
      </p>
    );
  return (
    <PlannerCard
      info={info}
      plan={plan}
      map={scene.map}
      start={scene.start}
      goal={scene.goal}
      step={step}
      optimal={optimal}
      shown={shown}
      onShow={onShow}
      pending={learned.pending}
    >
      <small className={plan ? 'ia-card-note' : 'ia-card-note ia-warn'} data-testid={`note-${info.kind}`}>
        {note}
      </small>
    </PlannerCard>
  );
}
