import { parseWeightsJson, WEIGHTS_SHARD_NAME, type WeightsFiles } from '../il/weights-format';

/** Fetches shipped weights (model.json + weights.bin) from a folder under public/. */
export async function fetchWeights(folder: string): Promise<WeightsFiles> {
  const base = folder.endsWith('/') ? folder : `${folder}/`;
  const jsonResponse = await fetch(`${base}model.json`);
  if (!jsonResponse.ok)
    throw new Error(`no pretrained weights at ${base}model.json (HTTP ${jsonResponse.status})`);
  const json = parseWeightsJson(await jsonResponse.text());
  const shard = json.weightsManifest[0].paths[0] ?? WEIGHTS_SHARD_NAME;
  const binResponse = await fetch(`${base}${shard}`);
  if (!binResponse.ok) throw new Error(`missing weight shard ${base}${shard} (HTTP ${binResponse.status})`);
  return { json, bin: await binResponse.arrayBuffer() };
}

/** Reads a model.json and its shard chosen by the user; says which file is missing or wrong. */
export async function readWeightFiles(files: File[]): Promise<WeightsFiles> {
  const jsonFile = files.find((f) => f.name.endsWith('.json'));
  const binFile = files.find((f) => f.name.endsWith('.bin'));
  if (!jsonFile || !binFile)
    throw new Error('choose both model.json and its .bin shard (select the two files together)');
  const json = parseWeightsJson(await jsonFile.text());
  return { json, bin: await binFile.arrayBuffer() };
}
