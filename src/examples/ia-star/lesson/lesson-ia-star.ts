import { math, text, type Lesson } from '../../../il/lesson';

/**
 * The iA* lesson (il/lesson.ts format; text may hold inline math between $…$). Notation of the IL papers: U upper-level
 * cost, L lower-level cost, ψ = θ the network's weights, φ the search's result, f(θ, x) the network, g the reasoning
 * engine (here A*).
 */
export const lessonIaStar: Lesson = {
  title: 'iA*: learning to guide A* through the search',
  summary:
    'A U-Net looks at the map, the start and the goal and draws a guidance map c; A* adds κ·c to its f and expands fewer cells. The network is trained through the search itself: a straight-through selection over the open list turns "fewer expansions" into a gradient on c.',
  sections: [
    {
      id: 'bilevel',
      heading: 'iA* as a bilevel problem',
      blocks: [
        text(
          'The upper level (UL) holds the network: ψ = θ, the weights of a small U-Net f(θ, x). Its input x is the map, the start and the goal (six channels: free, start, goal, and the offset and octile distance to the goal at every cell); its output is the guidance map c ∈ (0, 1), one value per cell.',
        ),
        text(
          'The lower level (LL) is the search g: A* with the guided f. Its result φ is the search itself: the cells it expanded (the history H, a 0/1 map) and the path P it returned. L is the length of that path: what A* minimises.',
        ),
        text(
          'Nothing here is labelled: the search finds its own path, and U scores how much work that took. That is the "self-supervised" in iA*.',
        ),
        math(
          '\\begin{aligned} &\\min_{\\psi = \\theta}\\; U\\bigl(f(\\theta, x),\\, \\phi^*\\bigr) \\\\ &\\text{s.t. } \\phi^* = (H^*, P^*) = \\text{A*}\\bigl(x;\\; f = g + h + \\kappa\\, q(c)\\bigr) \\\\ &c = f(\\theta, x), \\qquad L(P) = \\operatorname{len}(P) \\end{aligned}',
        ),
      ],
    },
    {
      id: 'upper-cost',
      heading: 'The upper-level cost U',
      blocks: [
        text(
          'iA* (self-supervised): U is the search area off the found path per path cell, plus λ times the path length over its straight-line lower bound h(start). The first term rewards a search that stays on its path; the second keeps it from buying a small search with a long detour.',
        ),
        text(
          'Neural A* (supervised, for comparison): U is the L1 distance between the search history H and the optimal path P* from Dijkstra, averaged over the N cells. It needs the optimal path of every training map: labels.',
        ),
        text(
          "Only the area term of iA*'s U flows back through the search: its gradient on the history is G(m) = ∂U/∂H(m) = [m ∉ P]/|P|. The path term is the engine's own result and carries no gradient (no backtracking is differentiated).",
        ),
        math(
          'U_{\\mathrm{iA*}} = \\frac{|H \\setminus P|}{|P|} + \\lambda\\, \\frac{\\operatorname{len}(P)}{h(s)}',
        ),
        math('U_{\\text{Neural A*}} = \\frac{1}{N} \\sum_m \\bigl| H(m) - P^*(m) \\bigr|'),
      ],
    },
    {
      id: 'guided-f',
      heading: 'The guided f',
      blocks: [
        text(
          "The search keeps A*'s g (cost so far) and octile h (optimistic cost to go) and adds the learned map, scaled by κ. Cells where c is low are cheap to expand first; cells where c is high wait. κ grows with the map side (κ = κ₀·side/32), as detours do.",
        ),
        text(
          "c is not used raw: q(c) rounds it to one of 8 levels. A continuous c would make every plateau of equal f an ordering by tiny differences of c, silently replacing A*'s tie rule (larger g first); with a few levels, regions of equal guidance keep exact ties and the baseline's rule. The rounding is straight-through: the backward pass treats q as the identity.",
        ),
        text(
          'c is smooth by construction: the U-Net predicts it at a quarter of the resolution and upsamples it bilinearly. A per-cell output learned a checkerboard — the gradient rewards parity patterns that make diagonal zig-zags cheap — which wrecked the tie-breaking.',
        ),
        math('f(n) = g(n) + h(n) + \\kappa\\, q\\bigl(c(n)\\bigr)'),
        math(
          '\\kappa = \\kappa_0 \\cdot \\frac{\\text{side}}{32}, \\qquad q(c) = \\tfrac{1}{8}\\operatorname{round}(8c)',
        ),
      ],
    },
    {
      id: 'straight-through',
      heading: 'The straight-through selection',
      blocks: [
        text(
          'A* picks the open cell of smallest f: an argmin, whose gradient is zero almost everywhere. The straight-through relaxation keeps the forward pass exact and changes only the backward pass.',
        ),
        text(
          "Forward: at step t the selection is the one-hot argmin of f over the open list $O_t$ — the very cell the classic A* expands, so the search, its history and its path are exactly A*'s with this f.",
        ),
        text(
          "Backward: the selection is treated as the soft choice $y_t = \\mathrm{softmax}(-f/\\tau)$ over $O_t$, with g and the open list detached (held constant). Differentiating $H = \\sum_t y_t$ through the softmax gives the formula below: at every step, a cell on the open list whose G is above the selection's average gets a negative ∂U/∂c, so gradient descent raises its c (it should wait longer); a cell below the average gets its c lowered.",
        ),
        text(
          'The whole backward pass is computed exactly in TypeScript by replaying the recorded open lists, then handed to tfjs as the upstream gradient of the U-Net: ∂U/∂θ = (∂c/∂θ)ᵀ ∂U/∂c.',
        ),
        text(
          'The push map in the Learning panel shows −∂U/∂c on the showcase map: orange where this step raises c (the search should leave these cells for later), purple where it lowers c (the search should go there first).',
        ),
        math('\\text{forward: } s_t = \\arg\\min_{n \\in O_t} f(n)'),
        math('\\text{backward: } y_t = \\operatorname{softmax}_{n \\in O_t}\\bigl(-f(n)/\\tau\\bigr)'),
        math(
          '\\begin{aligned} \\frac{\\partial U}{\\partial c(m)} &= \\sum_t [m \\in O_t]\\; \\kappa \\left(-\\frac{1}{\\tau}\\right) y_t(m) \\\\ &\\quad \\cdot \\Bigl(G(m) - \\sum_{n \\in O_t} y_t(n)\\, G(n)\\Bigr) \\end{aligned}',
        ),
        math(
          'G = \\frac{\\partial U}{\\partial H}, \\qquad \\tau = \\tau_0 \\sqrt{\\text{cells}} \\;\\; (\\tau_0 = 1;\\ \\text{Neural A* uses } \\sqrt{W})',
        ),
      ],
    },
    {
      id: 'compare',
      heading: 'Reading the comparison honestly',
      blocks: [
        text(
          'Every ratio on this page is against A* with equal-f ties broken toward the larger g (f values within 10⁻⁹ counted equal): the strongest plain A*. A learned planner is only worth its network if it beats weighted A*, which already trades path length for expansions with one number w.',
        ),
        text(
          'So the test-split plot draws weighted A* as a curve (w from 1 to 3) of expansion ratio against path ratio, and the learned planners as points. A learned planner beats the curve only if no w reaches both a smaller-or-equal expansion ratio and a smaller-or-equal path ratio; the page says which it is.',
        ),
        text(
          "Neural A*'s own metrics are listed too: Opt, the share of optimal paths; Exp, the mean reduction of expanded cells against A*; and Hmean, their harmonic mean.",
        ),
        math(
          '\\mathrm{Hmean} = \\frac{2\\, \\mathrm{Opt} \\cdot \\mathrm{Exp}}{\\mathrm{Opt} + \\mathrm{Exp}}',
        ),
      ],
    },
  ],
  references: [
    'X. Chen et al., "iA*: Imperative Learning-based A* Search for Pathfinding", 2024.',
    'R. Yonetani et al., "Path Planning using Neural A* Search", ICML 2021.',
    'C. Wang et al., "Imperative Learning: A Self-supervised Neural-Symbolic Learning Framework for Robot Autonomy", 2024.',
    'Y. Bengio, N. Léonard, A. Courville, "Estimating or Propagating Gradients Through Stochastic Neurons for Conditional Computation", 2013 (straight-through estimator).',
  ],
};
