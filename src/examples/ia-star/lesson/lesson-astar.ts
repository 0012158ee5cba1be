import { math, text, type Lesson } from '../../../il/lesson';

/**
 * The A* lesson in the app's one lesson format (il/lesson.ts). Notation follows the papers: g is the cost so far,
 * h the heuristic, f the priority.
 */
export const lessonAstar: Lesson = {
  title: 'A* search on a grid',
  summary:
    'A* finds a shortest path by always expanding the open cell with the lowest f = g + h: the cost paid so far plus an optimistic guess of the cost still to pay.',
  sections: [
    {
      id: 'movement',
      heading: 'The grid and its moves',
      blocks: [
        text(
          'Each cell is free or a wall. From a free cell you may step to any of its 8 neighbours: a straight step costs 1 and a diagonal step costs √2.',
        ),
        text(
          'A diagonal step may not cut a corner: it is allowed only when both straight neighbours it passes between are free. This is the Moving AI benchmark convention, so the optimal lengths in their .scen files are exact ground truth for this planner.',
        ),
        math('c(\\text{straight}) = 1, \\qquad c(\\text{diagonal}) = \\sqrt{2}'),
      ],
    },
    {
      id: 'f-g-h',
      heading: 'f = g + h',
      blocks: [
        text(
          'g(n) is the length of the best path found so far from the start to n. h(n) estimates the length still needed from n to the goal. A* keeps an open list of cells it has reached but not yet expanded, and repeatedly expands the one with the smallest f: it closes the cell and offers each neighbour a path through it.',
        ),
        text(
          'The search stops when the goal is taken off the open list; following the parent links back from the goal gives the path. "Expanded" counts the closed cells, the goal included: it is the work the search did.',
        ),
        math('f(n) = g(n) + h(n)'),
        math("g(n') \\leftarrow \\min\\bigl(g(n'),\\; g(n) + c(n, n')\\bigr)"),
      ],
    },
    {
      id: 'octile',
      heading: 'The octile heuristic',
      blocks: [
        text(
          'On an empty 8-connected grid the shortest path from n to the goal takes min(Δx, Δy) diagonal steps and |Δx − Δy| straight ones. That length, the octile distance, is the heuristic: walls can only make the true path longer.',
        ),
        math('h(n) = \\max(\\Delta x, \\Delta y) + (\\sqrt{2} - 1)\\,\\min(\\Delta x, \\Delta y)'),
      ],
    },
    {
      id: 'admissible',
      heading: 'Admissible and consistent',
      blocks: [
        text(
          'A heuristic is admissible when it never overestimates the remaining cost; then the first time A* expands the goal, its path is optimal. The octile distance is also consistent: it drops by at most the cost of each step, so f never decreases along a path and no closed cell ever needs reopening.',
        ),
        text(
          "With h = 0, A* becomes Dijkstra's algorithm: still optimal, but it explores in every direction instead of toward the goal.",
        ),
        math('h(n) \\le h^*(n)'),
        math("h(n) \\le c(n, n') + h(n')"),
      ],
    },
    {
      id: 'weighted',
      heading: 'Weighted A* and greedy search',
      blocks: [
        text(
          'Weighted A* inflates the heuristic by a factor w ≥ 1. It trusts the guess more, expands far fewer cells, and its path is at most w times the optimal length. Greedy best-first search ignores g altogether (f = h): usually fastest, but with no bound on the path it returns.',
        ),
        math('f_w(n) = g(n) + w\\,h(n), \\qquad \\text{cost} \\le w \\cdot \\text{cost}^*'),
      ],
    },
    {
      id: 'ties',
      heading: 'Breaking ties',
      blocks: [
        text(
          'On grids many open cells share the same f. Which one goes first does not change the path length A* finds, but it changes how many cells it expands. Preferring the larger g (the cell deepest along its path, nearest the goal) heads straight down the optimal corridor and is the default here: the strongest plain A*. Preferring the smaller g does the opposite and fills the whole region of equal f.',
        ),
        text(
          'Other rules: first in, first out; last in, first out; and the smaller row-major index, the rule Neural A* uses (its argmax picks the first maximum). f values within 10⁻⁹ count as equal, because sums of 1 and √2 taken in different orders differ in the last bit.',
        ),
        math('f(a) = f(b) \\;\\Rightarrow\\; \\text{expand } \\arg\\max\\{g(a), g(b)\\}'),
      ],
    },
    {
      id: 'learning',
      heading: 'Where learning comes in',
      blocks: [
        text(
          'The engine accepts a guidance map added to f. A network that predicts where the path will run can lower f along it and raise it elsewhere, so the search expands fewer cells: that is what iA* learns, self-supervised, through this very search.',
        ),
        math('f(n) = g(n) + h(n) + \\phi_\\theta(n)'),
      ],
    },
  ],
  references: [
    'P. E. Hart, N. J. Nilsson, B. Raphael, "A Formal Basis for the Heuristic Determination of Minimum Cost Paths", IEEE Trans. SSC, 1968.',
    'I. Pohl, "Heuristic search viewed as path finding in a graph", Artificial Intelligence, 1970 (weighted A*).',
    'N. Sturtevant, "Benchmarks for Grid-Based Pathfinding", IEEE TCIAIG, 2012 (Moving AI maps and movement rule).',
    'R. Yonetani et al., "Path Planning using Neural A* Search", ICML 2021.',
    'X. Chen et al., "iA*: Imperative Learning-based A* Search for Pathfinding", 2024.',
  ],
};
