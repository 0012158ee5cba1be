import { assignVariables, readWeightsFolder } from '../../../il/checkpoint';
import type { ToolIo } from '../../../il/example/tool';
import { setupNodeBackend } from '../../../il/node-backend';
import { cellOf } from '../maps/grid-map';
import { guidedPlanner, gridPlanner, registerGridPlanner } from '../search/grid-planners';
import { guidanceWeight, predictGuidance, scaledGuidance } from '../learning/guidance';
import { GuidanceNet } from '../learning/model';
import { DEFAULT_IA_STAR_PARAMS, type TrainingMode } from '../params';

/**
 * The learned planners of `npm run plan -- --planner ia-star|neural-astar [--weights PATH]`: the network's guidance
 * map, computed for each query on maps of any size and shape, steers the same engine as the classic planners.
 * Without --weights the shipped pretrained weights (public/weights/ia-star/<mode>/) are used. Registered when the
 * tool runs (never at import time), with the tool's file access.
 */
async function loadNet(io: ToolIo, path: string): Promise<{ net: GuidanceNet; guidanceScale: number }> {
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
  const scale = Number(json.meta['p.guidanceScale'] ?? DEFAULT_IA_STAR_PARAMS.guidanceScale);
  return { net, guidanceScale: Number.isFinite(scale) ? scale : DEFAULT_IA_STAR_PARAMS.guidanceScale };
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
        const { net, guidanceScale } = await loadNet(
          io,
          args.weightsPath ?? io.projectPath(`public/weights/ia-star/${mode}`),
        );
        const kappa = guidanceWeight(guidanceScale, map.width, map.height);
        return guidedPlanner(map, async (start, goal) => {
          const [c] = await predictGuidance(net, [
            { map, start: cellOf(map, start), goal: cellOf(map, goal) },
          ]);
          return scaledGuidance(c, kappa);
        });
      },
    });
  }
}
