import { useEffect, useState } from 'react';
import type { WeightsFiles } from '../../../il/weights-format';
import type { ExampleParams } from '../../../il/problem';
import { fetchWeights } from '../../../ui/fetch-weights';
import { shippedWeightsFolder } from '../meta.ts';
import type { TrainingMode } from '../params.ts';
import { learnedInfo } from './learned-planners.ts';

export interface ComparisonWeights {
  mode: TrainingMode;
  /** The shipped weights of `mode`, once fetched; null while loading or when there are none. */
  files: WeightsFiles | null;
  /** Why there are none (no weights shipped, other training settings), or null. */
  note: string | null;
}

/**
 * The frozen, shipped weights of the other training mode, fetched once per folder, for the side-by-side planner
 * and the test-split comparison. Their absence is normal (a fresh checkout has none): it yields a note, not an error.
 */
export function useComparisonWeights(params: ExampleParams, mode: TrainingMode): ComparisonWeights {
  const folder = shippedWeightsFolder({ ...params, mode });
  const [loaded, setLoaded] = useState<{
    folder: string;
    files: WeightsFiles | null;
    note: string | null;
  } | null>(null);
  useEffect(() => {
    if (!folder) return;
    let live = true;
    fetchWeights(folder)
      .then((files) => {
        if (files.json.example !== 'ia-star') throw new Error(`they are for ${files.json.example}`);
        const trainedMode = files.json.meta['p.mode'];
        if (trainedMode !== undefined && trainedMode !== mode)
          throw new Error(`they were trained in mode ${String(trainedMode)}`);
        if (live) setLoaded({ folder, files, note: null });
      })
      .catch((e: unknown) => {
        const why = e instanceof Error ? e.message : String(e);
        if (live)
          setLoaded({
            folder,
            files: null,
            note: `${learnedInfo(mode).label} is not compared: ${why.startsWith('no pretrained weights') ? `no weights are shipped at ${folder}/ yet` : `the weights at ${folder}/ are not usable (${why})`}. They are made with npm run train -- ia-star --preset ${mode === 'ia-star' ? 'rectangles-32' : 'neural-astar-32'} --out public/weights/ia-star/${mode}.`,
          });
      });
    return () => {
      live = false;
    };
  }, [folder, mode]);

  if (!folder)
    return {
      mode,
      files: null,
      note: `${learnedInfo(mode).label} is not compared: its shipped weights were trained with the default map kind, training size and κ₀, and these settings differ.`,
    };
  if (!loaded || loaded.folder !== folder) return { mode, files: null, note: null };
  return { mode, files: loaded.files, note: loaded.note };
}
