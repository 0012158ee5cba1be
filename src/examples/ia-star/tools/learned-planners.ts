import { assignVariables, readWeightsFolder } from '../../../il/checkpoint';
import type { ToolIo } from '../../../il/example/tool';
import { setupNodeBackend } from '../../../il/node-backend';
import { cellOf } from '../maps/grid-map';
import { guidedPlanner, gridPlanner, registerGridPlanner } from '../search/grid-planners';
import { netGuidance } from '../learning/guidance';
import type { GuidanceSetting } from '../learning/guidance-form';
import { GuidanceNet } from '../learning/model';
import { guidanceSettingFromMeta, type TrainingMode } from '../params';

/**
 * The learned planners of `npm run plan -- --planner ia-star|neural-astar [--weights PATH]`: the network's guidance
 * map, computed for each query on maps of any size and shape, steers the same engine as the classic planners.
 * Without --weights the shipped pretrained weights (public/weights/ia-star/<mode>/) are used. Registered when the
 * tool runs (never at import time), with the tool's file access.
 */
async function loadNet(io: ToolIo, path: string): Promise<{ net: GuidanceNet; setting: GuidanceSetting }> {
  const folder = path.endsWith('.json') ? path.slice(0, path.lastIndexOf('/')) || '.' : path;
  if (!io.exists(folder))
    throw new Error(`--weights ${path}: no such folder (expected a folder holding model.json and its shard)`);
  const files = await readWeightsFolder(folder, (file) => {
    if (!io.exists(file)) throw new Error(`no weights at ${file} (the file is missing)`);
    return io.readFile(file);
  });
  const { json } = files;
  const net = new GuidanceNet(0);
  assignVariables('ia-star', net.variables, files);
  return { net, setting: guidanceSettingFromMeta(json.meta) };
}

const LEARNED: { mode: TrainingMode; label: string; description: string }[] = [
  {
    mode: 'ia-star',
    label: 'iA*',
    description: 'A* guided by the map iA* learned self-supervised (search area + path length).',
  },
  {
    mode: 'neural-astar',
    label: 'Neural A*',
    description: 'A* guided by the map Neural A* learned from optimal paths (supervised).',
  },
];

export function registerLearnedPlanners(io: ToolIo): void {
  for (const { mode, label, description } of LEARNED) {
    if (gridPlanner(mode)) continue;
    registerGridPlanner({
      id: mode,
      label,
      description,
      learned: true,
      async create(map, args) {
        await setupNodeBackend('wasm');
        const { net, setting } = await loadNet(
          io,
          args.weightsPath ?? io.projectPath(`public/weights/ia-star/${mode}`),
        );
        const guidance = netGuidance(net, setting);
        return guidedPlanner(map, (start, goal) =>
          guidance({ map, start: cellOf(map, start), goal: cellOf(map, goal) }),
        );
      },
    });
  }
}
