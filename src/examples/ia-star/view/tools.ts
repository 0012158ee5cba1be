/** What a pointer drag on the map does (start and goal can always be dragged, except with the pan tool). */
export type Tool = 'wall' | 'erase' | 'pan';

export const TOOLS: readonly { tool: Tool; label: string; key: string }[] = [
  { tool: 'wall', label: 'Draw walls', key: 'W' },
  { tool: 'erase', label: 'Erase', key: 'E' },
  { tool: 'pan', label: 'Pan', key: 'H' },
];

export const BRUSH_MAX = 6;
