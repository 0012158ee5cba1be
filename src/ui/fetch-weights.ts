import { readWeightsFolder, type WeightsFiles } from '../il/weights-format';

/**
 * Fetches shipped weights (model.json + weights.bin) from a folder under public/. Shared by the page frame
 * (pretrained weights) and views that load a second, frozen model for a side-by-side comparison.
 */
export function fetchWeights(folder: string): Promise<WeightsFiles> {
  return readWeightsFolder(folder, async (path) => {
    const manifest = path.endsWith('model.json');
    const response = await fetch(path);
    if (!response.ok)
      throw new Error(
        `${manifest ? 'no pretrained weights at' : 'missing weight shard'} ${path} (HTTP ${response.status})`,
      );
    // A single-page-app server answers a missing file with its index page: that is "none", not a broken file.
    if (manifest && (response.headers.get('content-type') ?? '').includes('text/html'))
      throw new Error(`no pretrained weights at ${path}`);
    return new Uint8Array(await response.arrayBuffer());
  });
}
