import { checkWeightsFiles, parseWeightsJson, type WeightsFiles } from '../il/weights-format';

// Moved to ui/ so example views can fetch shipped weights too; re-exported for the page frame.
export { fetchWeights } from '../ui/fetch-weights';

/** Reads a model.json and its shard chosen by the user; says which file is missing or wrong. */
export async function readWeightFiles(files: File[]): Promise<WeightsFiles> {
  const jsonFile = files.find((f) => f.name.endsWith('.json'));
  const binFile = files.find((f) => f.name.endsWith('.bin'));
  if (!jsonFile || !binFile)
    throw new Error('choose both model.json and its .bin shard (select the two files together)');
  const json = parseWeightsJson(await jsonFile.text(), jsonFile.name);
  // Checked whole here (byte length, finite values), so a bad pick is refused before it reaches the worker.
  return checkWeightsFiles({
    json,
    bin: await binFile.arrayBuffer(),
    names: { json: jsonFile.name, bin: binFile.name },
  });
}
