import type { ExampleParams, TrainingSettings } from './problem';

/** A named, seeded starting point: every preset is a link and a reproducible run. */
export interface Preset {
  id: string;
  label: string;
  description: string;
  settings?: Partial<TrainingSettings>;
  params: ExampleParams;
}

/** What the landing page and the page frame know about an example without loading its code. */
export interface ExampleMeta {
  id: string;
  title: string;
  /** One line: what it teaches. */
  teaches: string;
  /** The LL engine g. */
  engine: string;
  /** How the gradient crosses the LL. */
  gradientPath: string;
  /** Under public/. */
  preview: string;
  defaults: TrainingSettings;
  /** Whether the batch-size setting means anything here (the explorer is full-batch). */
  usesBatch: boolean;
  batchSizes: number[];
  presets: Preset[];
  /**
   * Where the shipped pretrained weights for a page state live under public/ (a folder holding model.json and
   * weights.bin), or null where none fit (e.g. a data set size no shipped model was trained for).
   */
  pretrainedWeights?: (presetId: string, params: ExampleParams) => string | null;
}
