import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assignVariables, readWeightsFolder } from '../il/checkpoint';
import { setupNodeBackend } from '../il/node-backend';
import { cellOf } from '../examples/ia-star/grid-map';
import { guidedPlanner, registerGridPlanner } from '../examples/ia-star/grid-planners';
import { guidanceWeight, predictGuidance, scaledGuidance } from '../examples/ia-star/guidance';
import { GuidanceNet } from '../examples/ia-star/model';
import { DEFAULT_IA_STAR_PARAMS, type TrainingMode } from '../examples/ia-star/params';

/**
 * The learned planners of `npm run plan -- --planner ia-star|neural-astar [--weights PATH]`: the network's guidance
 * map, computed for each query on maps of any size and shape, steers the same engine as the classic planners.
 * Without --weights the shipped pretrained weights (public/weights/ia-star/<mode>/) are used.
 */
const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

async function loadNet(path: string): Promise<{ net: GuidanceNet; guidanceScale: number }> {
  const folder = path.endsWith('.json') ? dirname(path) : path;
  if (!existsSync(folder))
    throw new Error(`--weights ${path}: no such folder (expected a folder holding model.json and its shard)`);
  const files = await readWeightsFolder(folder, (file) => {
    if (!existsSync(file)) throw new Error(`no weights at ${file} (the file is missing)`);
    return new Uint8Array(readFileSync(file));
  });
  const { json } = files;
  const net = new GuidanceNet(0);
  assignVariables('ia-star', net.variables, files);
  const scale = Number(json.meta['p.guidanceScale'] ?? DEFAULT_IA_STAR_PARAMS.guidanceScale);
  return { net, guidanceScale: Number.isFinite(scale) ? scale : DEFAULT_IA_STAR_PARAMS.guidanceScale };
}

function register(mode: TrainingMode, label: string, description: string): void {
  registerGridPlanner({
    id: mode,
    label,
    description,
    learned: true,
    async create(map, args) {
      await setupNodeBackend('wasm');
      const { net, guidanceScale } = await loadNet(
        args.weightsPath ?? join(projectRoot, 'public', 'weights', 'ia-star', mode),
      );
      const kappa = guidanceWeight(guidanceScale, map.width, map.height);
      return guidedPlanner(map, async (start, goal) => {
        const [c] = await predictGuidance(net, [{ map, start: cellOf(map, start), goal: cellOf(map, goal) }]);
        return scaledGuidance(c, kappa);
      });
    },
  });
}

register('ia-star', 'iA*', 'A* guided by the map iA* learned self-supervised (search area + path length).');
register(
  'neural-astar',
  'Neural A*',
  'A* guided by the map Neural A* learned from optimal paths (supervised).',
);
