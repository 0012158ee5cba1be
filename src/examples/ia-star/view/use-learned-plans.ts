import { useLayoutEffect, useMemo, useRef } from 'react';
import type { CommandChannel, CommandSpec } from '../../../il/example/contract.ts';
import { useThrottledCommand } from '../../../ui/use-throttled-command';
import { cellOf } from '../maps/grid-map.ts';
import type { TrainingMode } from '../params.ts';
import type { GuideResult, IaStarCommands, MapPayload } from '../contract.ts';
import type { PlanResult } from '../search/search.ts';
import type { EditorScene } from './editor-scene.ts';
import { LEARNED_MAX_CELLS, learnedPlan, otherMode } from './learned-planners.ts';
import type { ComparisonWeights } from './use-comparison-weights.ts';

interface GuideRequest {
  scene: EditorScene;
  map: MapPayload;
}

interface GuideAnswer {
  scene: EditorScene;
  mode: TrainingMode;
  result: GuideResult | null;
}

/**
 * The hook's own channel in front of the worker's: `guide` on a scene, answered with the scene it was asked for
 * (after loading the comparison weights where the worker's problem lacks them).
 */
type SceneGuideCommands = { guide: CommandSpec<GuideRequest, GuideAnswer> };

export interface LearnedPlans {
  /** The scene the plans were made on (an earlier one while `pending`), or null before the first answer. */
  scene: EditorScene | null;
  plans: Partial<Record<TrainingMode, PlanResult>>;
  pending: boolean;
  tooLarge: boolean;
}

const objectIds = new WeakMap<object, number>();
let nextObjectId = 1;

/** A stable small id per object (the same object, the same id), so a command key can say "this scene". */
function idOf(o: object | null): number {
  if (!o) return 0;
  let id = objectIds.get(o);
  if (id === undefined) {
    id = nextObjectId++;
    objectIds.set(o, id);
  }
  return id;
}

/**
 * The learned planners on the editor's map: the worker's `guide` command (the network in training, and the other
 * mode's shipped weights, loaded into the worker with `setComparison` whenever its problem lacks them) runs after
 * every edit and every new snapshot, throttled; the searches are then replayed on the main thread from the
 * returned guidance, so the cards join the shared playback clock.
 */
export function useLearnedPlans(
  channel: CommandChannel<IaStarCommands>,
  scene: EditorScene,
  mode: TrainingMode,
  modelVersion: object | null,
  comparison: ComparisonWeights,
  training: boolean,
  onError: (message: string) => void,
): LearnedPlans {
  const tooLarge = scene.map.width * scene.map.height > LEARNED_MAX_CELLS;
  const latest = useRef({ channel, comparison, mode, onError, refused: null as object | null });
  useLayoutEffect(() => {
    latest.current = { ...latest.current, channel, comparison, mode, onError };
  });

  // Reads `latest` only when a command runs (never while rendering).
  const guideChannel = useMemo<CommandChannel<SceneGuideCommands>>(
    () => ({
      command: async (_name: 'guide', { scene: sent, map }: GuideRequest): Promise<GuideAnswer> => {
        const now = latest.current;
        if (sent.map.width * sent.map.height > LEARNED_MAX_CELLS)
          return { scene: sent, mode: now.mode, result: null };
        let result = await now.channel.command('guide', map);
        const files = now.comparison.files;
        // A rebuilt problem (new params, reset) has no comparison network: load it once more.
        if (!result.comparison && files && now.refused !== files) {
          try {
            await now.channel.command('setComparison', { files, mode: now.comparison.mode });
            result = await now.channel.command('guide', map);
          } catch (e) {
            now.refused = files;
            now.onError(
              `The shipped ${now.comparison.mode} weights could not be loaded for the comparison: ${e instanceof Error ? e.message : String(e)}`,
            );
          }
        }
        return { scene: sent, mode: now.mode, result };
      },
    }),
    [],
  );

  const request: GuideRequest = {
    scene,
    map: {
      width: scene.map.width,
      height: scene.map.height,
      blocked: scene.map.blocked,
      start: cellOf(scene.map, scene.start),
      goal: cellOf(scene.map, scene.goal),
    },
  };
  const key = `${idOf(scene)}|${idOf(modelVersion)}|${mode}|${comparison.files ? 'with' : 'without'}`;
  // While training runs, each guide waits between steps and slows them: refresh once a second then.
  const interval = training ? 1000 : 250;
  const answer = useThrottledCommand(guideChannel, 'guide', request, key, interval, onError);

  const plans = useMemo(() => {
    const out: Partial<Record<TrainingMode, PlanResult>> = {};
    const r = answer?.result;
    if (!answer || !r) return out;
    const { map, start, goal } = answer.scene;
    out[answer.mode] = learnedPlan(map, start, goal, r.guidance, r.kappa);
    if (r.comparison)
      out[otherMode(answer.mode)] = learnedPlan(map, start, goal, r.comparison.guidance, r.kappa);
    return out;
  }, [answer]);

  return {
    scene: answer?.scene ?? null,
    plans,
    pending: !tooLarge && (answer === null || answer.scene !== scene),
    tooLarge,
  };
}
