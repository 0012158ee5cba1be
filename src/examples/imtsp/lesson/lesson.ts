import { math, text, type Lesson } from '../../../il/lesson';
import { tspLesson } from './lesson-tsp';

const [problem, engine, noGradient, references] = tspLesson.sections;

/** The full iMTSP lesson: the symbolic half (lesson-tsp.ts) and the learned allocation with its two estimators. */
export const imtspLesson: Lesson = {
  title: 'iMTSP: learning an allocation through a TSP engine',
  sections: [
    problem,
    {
      heading: 'The network f(θ): a learned sweep',
      blocks: [
        text(
          'For every city $i$ the network outputs a distribution $\\pi_\\theta(\\cdot \\mid i)$ over the M agents; cities are allocated independently, so $\\log \\pi_\\theta(A) = \\sum_i \\log \\pi_\\theta(A_i \\mid i)$. It works for any N and M because every input is scale-free and the agents are not embeddings but sectors:',
        ),
        text(
          '(1) A graph layer (GIN style) over each city’s 6 nearest cities reads the depot distance, the local spacing, the polar angle (sin, cos) and the angular rank, and gives a bounded correction $c_i$. (2) Each city’s workload is a positive mix of what it costs its agent — its share of the trip out to the farthest city of its angular neighbourhood and back, the local zig-zag, its distance, a count term: $w_i = e^{c_i} \\sum_k \\mathrm{softplus}(\\alpha_k) f_{ik}$. (3) Cities are sorted by angle around the depot (starting after the widest empty angle); $t_i$ is the share of the workload swept before city $i$, and agent m owns the sector centred at $(m+\\tfrac12)/M$:',
        ),
        math(
          '\\ell_{im} = -\\kappa\\, u_{im}^2, \\qquad u_{im} = M t_i - (m + \\tfrac12), \\qquad \\pi_\\theta(m \\mid i) = \\mathrm{softmax}_m(\\ell_{im}), \\qquad \\theta = [\\alpha, \\kappa, W_{\\text{graph}}]',
        ),
        text(
          'Balancing the tours is then a matter of learning which cities are expensive. At test time the learned method is greedy: each city goes to its most likely agent, and the engine solves every agent’s tour. The shipped surrogate and REINFORCE weights were trained on N = 200, M = 10 instances (uniform and clustered in turn): the mix learned at N = 50, M = 5 does not carry over to N = 500 and 1 000. An honest limit of this head: a workload that adds up city by city cannot express “the farthest city of a sector costs the whole trip out and back”, and the length-balanced sweep, which prices every sector by cheapest insertion, still gives shorter longest tours (the bench measures it).',
        ),
      ],
    },
    noGradient,
    {
      heading: 'Two estimators of ∇θ E[U]',
      blocks: [
        text(
          'Each step draws B random instances and S allocations per instance, $b_s \\sim \\pi_\\theta$; the engine gives the cost $c_s = U(g(b_s)) / \\bar d$ (the longest tour over the instance’s mean depot distance, so instances of any size weigh alike). Both estimators are computed in TypeScript for the gradient with respect to the logits ℓ, and handed to tfjs as the upstream gradient of ℓ: one backward pass gives $\\nabla_\\theta = J_\\ell^\\top \\hat g$.',
        ),
        text('REINFORCE with a running-mean baseline $\\bar b$ (the RL baseline):'),
        math(
          '\\hat g_{\\text{RF}} = \\frac1S \\sum_s (c_s - \\bar b)\\, \\nabla_\\ell \\log \\pi(b_s), \\qquad \\big[\\nabla_\\ell \\log \\pi(b)\\big]_{im} = \\mathbf 1[b_i = m] - \\pi_{im}',
        ),
        text(
          'iMTSP’s estimator subtracts a learned surrogate of the cost, $\\hat s_\\varphi$, and adds back its exact expected effect. A control variate evaluated at the probabilities alone, $\\hat s(\\pi)$, would make $(c - \\hat s)\\nabla \\log \\pi + \\nabla_\\theta \\hat s$ biased; to keep it unbiased ŝ reads reparameterised relaxed samples (RELAX, Grathwohl et al. 2018): $z = \\log \\pi + G$ with Gumbel noise G, $b = \\arg\\max z$, and $\\tilde z \\sim p(z \\mid b)$ drawn again given b:',
        ),
        math(
          '\\hat g_{\\text{S}} = \\frac1S \\sum_s \\Big[ (c_s - \\hat s(\\tilde z_s))\\, \\nabla_\\ell \\log \\pi(b_s) + \\nabla_\\ell \\hat s(z_s) - \\nabla_\\ell \\hat s(\\tilde z_s) \\Big]',
        ),
        text(
          'Both are unbiased for any ŝ (a unit test checks it against the exact gradient, all 16 allocations of a 4-city instance enumerated). What ŝ computes: from the relaxed allocation $Y = \\mathrm{softmax}(z/\\tau)$ per city it forms each agent’s tour length linearised around the network’s most likely allocation $A$ — $\\hat L_m = L_m(A) + \\sum_i (Y_{im} - A_{im})\\,\\iota_{im}$, with $\\iota$ the engine tours’ insertion and removal costs — a geometric estimate (soft farthest distance out and back plus zig-zag) and each agent’s share of cities, and aggregates them with smooth maxima and minima over agents into six summaries ψ; then',
        ),
        math(
          '\\hat s_\\varphi(z) = c_0 + a^\\top \\psi(z) + \\sum_j w_j\\, \\mathrm{relu}\\big(W_j \\cdot 10(\\psi(z) - \\psi(A)) + V_j \\cdot \\psi(A) + b_j\\big)',
        ),
        text(
          'ŝ starts as $\\mathrm{smax}_{16}\\hat L$ (the linearised engine’s smooth longest tour) and is trained every step on $\\partial\\, \\tfrac1{BS}\\sum_s \\lVert \\hat g_s \\rVert^2 / \\partial \\varphi$, the gradient of the estimator’s variance (its mean does not depend on φ). That needs $\\partial(\\nabla_z \\hat s)/\\partial\\varphi$, a second derivative tfjs cannot take through exp or tanh; ψ’s gradients and these mixed derivatives are written out by hand (ReLU masks have zero derivative almost everywhere) and checked against finite differences. φ is a UL variable like θ: ψ = [θ, φ].',
        ),
        text(
          'The variance plot shows, per step, the trace of the covariance of the S per-sample estimates $\\hat g_s$ in logit space, averaged over the batch’s instances, for both estimators on the same samples — whichever one is training θ.',
        ),
      ],
    },
    engine,
    references,
    {
      heading: 'What to try',
      blocks: [
        text(
          'Train the "surrogate" preset and then the "REINFORCE baseline" preset from the same seed: the surrogate’s variance curve sits about an order of magnitude below REINFORCE’s once ŝ has learned (both are measured on the same samples whichever trains θ). U falls only a little faster at this size (the bench measures both).',
        ),
        text(
          'Drag cities, add a far-away one, move the depot: the allocation, the tours and the bars follow; Compare runs every method on the instance in the editor. Slide M past the 5 agents the network was trained with.',
        ),
        text(
          'Import a TSPLIB file (eil51, berlin52, st70 …) and compare the learned allocation with the clustering and the local search.',
        ),
      ],
    },
  ],
};
