/** One colour per agent (Tableau 10, then a second set of ten), reused cyclically past twenty agents. */
const PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#d62728',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#7f7f7f',
  '#bcbd22',
  '#17becf',
];

export function agentColor(agent: number): string {
  return PALETTE[agent % PALETTE.length];
}

export const METHOD_LABEL: Record<string, string> = {
  learned: 'learned f(θ) + g',
  random: 'random + g',
  cluster: 'clustering + g',
  kmeans: 'k-means + g',
  sweep: 'sweep + g',
  'learned-local-search': 'learned + min-max local search',
  'local-search': 'min-max local search',
};

export const REINFORCE_COLOR = '#b45309';
export const SURROGATE_COLOR = '#1d4ed8';
