import { parseWeightsJson, WEIGHTS_SHARD_NAME, type WeightsFiles } from '../il/weights-format';

/**
 * Fetches shipped weights (model.json + weights.bin) from a folder under public/. Shared by the page frame
 * (pretrained weights) and views that load a second, frozen model for a side-by-side comparison.
 */
export async function fetchWeights(folder: string): Promise<WeightsFiles> {
  const base = folder.endsWith('/') ? folder : `${folder}/`;
  const jsonResponse = await fetch(`${base}model.json`);
  if (!jsonResponse.ok)
    throw new Error(`no pretrained weights at ${base}model.json (HTTP ${jsonResponse.status})`);
  // A single-page-app server answers a missing file with its index page: that is "none", not a broken file.
  if ((jsonResponse.headers.get('content-type') ?? '').includes('text/html'))
    throw new Error(`no pretrained weights at ${base}model.json`);
  const json = parseWeightsJson(await jsonResponse.text());
  const shard = json.weightsManifest[0].paths[0] ?? WEIGHTS_SHARD_NAME;
  const binResponse = await fetch(`${base}${shard}`);
  if (!binResponse.ok) throw new Error(`missing weight shard ${base}${shard} (HTTP ${binResponse.status})`);
  return { json, bin: await binResponse.arrayBuffer() };
}
