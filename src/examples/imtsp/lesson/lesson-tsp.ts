import { math, text, type Lesson } from '../../../il/lesson';

/**
 * The symbolic half of the iMTSP lesson: the min-max problem, the TSP engine g, and why the lower level
 * gives no gradient. (The estimator part of the lesson comes with the model and problem.)
 */
export const tspLesson: Lesson = {
  title: 'Min-max multi-agent routing and its TSP engine',
  sections: [
    {
      heading: 'The problem',
      blocks: [
        text(
          'N cities, one of them the depot (city 0), and M agents. Every agent leaves the depot, visits its own cities and comes back. The goal is not the shortest total route but the earliest time the whole fleet is done: minimise the longest tour (min-max).',
        ),
        math(
          '\\min_{A:\\,\\{1..N-1\\}\\to\\{1..M\\}}\\; \\max_{m=1..M}\\; \\mathrm{TSP}\\big(\\{0\\}\\cup A^{-1}(m)\\big), \\qquad \\mathrm{TSP}(S) = \\min_{\\text{tours }\\tau\\text{ of }S} \\sum_{(i,j)\\in\\tau} \\lVert p_i - p_j \\rVert_2',
        ),
        text(
          'In imperative-learning terms the network $f(\\theta, x)$ proposes the allocation $A$ (a distribution over agents for every city); the reasoning engine $g$ solves one TSP per agent, giving the LL variables $\\mu^* =$ the M tours. The UL cost is the longest tour, $U = \\max_m \\ell_m$; the LL cost is what g minimises, $L = \\sum_m \\ell_m$, one independent TSP per agent. Distances are plain Euclidean, not rounded.',
        ),
      ],
    },
    {
      heading: 'The engine g: a fast single-agent TSP solver',
      blocks: [
        text(
          'Construction: nearest neighbour (from the depot, always go to the closest unvisited city) or cheapest insertion (grow a cycle, each time inserting the city that lengthens it least). Both take $O(k^2)$ for k cities and land within about 10–25 % of optimal.',
        ),
        text(
          '2-opt removes two edges (a,b) and (c,d) and reconnects the tour as (a,c), (b,d), reversing the path between them. It is taken when it shortens the tour:',
        ),
        math('\\Delta_{2\\text{-opt}} = d(a,c) + d(b,d) - d(a,b) - d(c,d) < 0'),
        text(
          'Or-opt cuts out a segment of 1–3 consecutive cities (from p … s₁ … s₂ … n) and inserts it, either way round, between two neighbours u, v elsewhere:',
        ),
        math(
          '\\Delta_{\\text{Or}} = \\underbrace{d(u,s_1) + d(s_2,v) - d(u,v)}_{\\text{insert}} - \\underbrace{\\big(d(p,s_1) + d(s_2,n) - d(p,n)\\big)}_{\\text{remove}} < 0',
        ),
        text(
          'Two tricks make this take milliseconds at N = 500: neighbour lists (only try new edges to the 10 nearest cities; an improving 2-opt move always has one new edge shorter than the edge it replaces, so $d(a,c) < d(a,b)$ prunes the search) and don’t-look bits (a city is re-examined only after a move touched it). The "quality" setting then repeats: kick the tour by swapping two random adjacent segments (an Or-3opt move), repair with 2-opt/Or-opt, keep the result if it is no longer.',
        ),
        text(
          'For very small tours (by default up to 10 cities with the depot, where it costs no more than the heuristic) the engine is exact, by the Held–Karp dynamic programme over subsets, in $O(2^k k^2)$:',
        ),
        math(
          'C(S, j) = \\min_{i \\in S\\setminus\\{j\\}} \\big[ C(S\\setminus\\{j\\}, i) + d(i, j) \\big], \\quad C(\\{j\\}, j) = d(0, j), \\quad \\mathrm{TSP} = \\min_j \\big[ C(\\{1..k-1\\}, j) + d(j, 0) \\big]',
        ),
      ],
    },
    {
      heading: 'Why the lower level has no gradient',
      blocks: [
        text(
          'The allocation is discrete: city i belongs to exactly one agent. Moving a city from one agent to another changes U by a jump, and an infinitesimal change of the network weights θ changes the sampled allocation either not at all or by a whole city. So $\\partial U / \\partial A$ does not exist, and the TSP solver itself is a sequence of discrete choices (which edges, which order), piecewise constant in its inputs.',
        ),
        math(
          '\\nabla_\\theta\\, U\\big(g(A)\\big) = 0 \\text{ almost everywhere, and undefined at the jumps}',
        ),
        text(
          'What does have a gradient is the expected cost under the network’s distribution over allocations, $J(\\theta) = \\mathbb{E}_{A\\sim\\pi_\\theta}[U(g(A))]$. Its gradient can be estimated from samples of A and their costs alone, without differentiating g (the score-function identity):',
        ),
        math(
          '\\nabla_\\theta J = \\mathbb{E}_{A\\sim\\pi_\\theta}\\big[\\, U(g(A))\\, \\nabla_\\theta \\log \\pi_\\theta(A) \\,\\big]',
        ),
        text(
          'That estimate is unbiased but noisy; how iMTSP tames its variance with a learned surrogate control variate is the subject of the next section.',
        ),
      ],
    },
    {
      heading: 'The classical references',
      blocks: [
        text(
          'Random allocation + g shows what the engine alone does with no thought about the split. Clustering + g (k-means++ on the city positions, or angular sectors around the depot sized so the estimated tour lengths balance) is the quick classical answer. The min-max local search is the one a practitioner would reach for: from the clustering, repeatedly move a city out of the longest tour, or swap it with a nearby city of another agent, whenever that lowers the longer of the two tours involved; re-optimise each touched tour with 2-opt/Or-opt; kick with a few random relocations when stuck, and keep the best.',
        ),
      ],
    },
  ],
};
