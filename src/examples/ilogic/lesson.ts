import { math, text, type Lesson } from '../../il/lesson';

export const ilogicLesson: Lesson = {
  title: 'iLogic: grounding concepts by inducing rules',
  summary:
    'A perception network f(θ, x) grounds unary and binary concepts of the agents at an intersection; a Neural Logic Machine g(μ) induces the traffic rules from them. No concept label is ever used: θ learns what "ambulance" or "in the intersection" means only because the rules the LL induces need it.',
  sections: [
    {
      id: 'levels',
      heading: 'The two levels',
      blocks: [
        text(
          'UL variables $\\psi = \\theta$: the concept grounder (a unary MLP over each sprite patch and position, a pair MLP over pair features). LL variables $\\varphi = \\mu$: the NLM weights. With $c = f(\\theta, x)$ the grounded concepts and $w_y$ inverse class frequencies,',
        ),
        math(
          'L(\\theta,\\mu) = \\frac{\\sum_k w_{y_k}\\,\\mathrm{CE}\\big(g(\\mu, f(\\theta, x))_k,\\, y_k\\big)}{\\sum_k w_{y_k}} + \\lambda\\lVert\\mu\\rVert^2 \\;\\text{on training scenes},\\qquad U(\\theta, \\mu^*) = \\text{the same CE on held-out scenes}',
        ),
        math(
          '\\min_{\\theta}\\; U\\big(\\theta, \\mu^*(\\theta)\\big)\\quad \\text{s.t.}\\quad \\mu^*(\\theta) \\approx \\mu_K,\\;\\; \\mu_{k+1} = \\mu_k - \\alpha\\,\\nabla_\\mu L(\\theta, \\mu_k)',
        ),
        text("The LL is K warm-started gradient steps: $\\mu_0$ is the previous step's $\\mu_K$."),
      ],
    },
    {
      id: 'nlm',
      heading: 'The reasoning engine g: a Neural Logic Machine',
      blocks: [
        text(
          'Predicates of arity 1 and 2 over the agents. Each layer expands $p(X) \\to p(X), p(Y)$, reduces $q(X,Y) \\to \\exists Y\\, q(X,Y),\\ \\forall Y\\, q(X,Y)$, permutes $q(X,Y) \\to q(Y,X)$, and applies one shared sigmoid MLP per arity. The quantifiers are smoothed maxima over the other agents:',
        ),
        math(
          '\\exists_Y\\, q(X,Y) \\approx \\tau \\log \\sum_{Y \\ne X} e^{q(X,Y)/\\tau},\\qquad \\forall_Y\\, q = -\\exists_Y (-q),\\qquad \\tau = 0.05',
        ),
        text(
          'Rules such as $\\mathrm{Stop}(X) \\leftarrow \\neg\\mathrm{IsPedestrian}(X) \\wedge \\exists Y\\, \\mathrm{CollidingClose}(X,Y) \\wedge \\mathrm{HigherPriority}(Y,X)$ fit exactly in two layers: a binary unit for the conjunction, the ∃ reduction, a unary unit for the rest.',
        ),
      ],
    },
    {
      id: 'gradient',
      heading: 'The gradient paths across the LL',
      blocks: [
        math(
          '\\frac{dU}{d\\theta} = \\frac{\\partial U}{\\partial \\theta} + \\Big(\\frac{d\\mu^*}{d\\theta}\\Big)^{\\!\\top} \\nabla_\\mu U',
        ),
        text(
          'First-order (alternating): drop the second term, $\\frac{dU}{d\\theta} \\approx \\frac{\\partial U}{\\partial \\theta}\\big|_{\\mu_K}$. Cheap, biased, and here enough: U reaches θ directly through the concepts of the held-out scenes.',
        ),
        text(
          'Unrolled: back-propagate through the K steps (second-order autodiff in tfjs), exact for the K-step map:',
        ),
        math(
          '\\lambda_K = \\nabla_\\mu U,\\quad g_\\theta \\mathrel{-}= \\alpha\\, \\frac{\\partial^2 L}{\\partial \\theta\\, \\partial \\mu}(\\mu_k)^{\\!\\top} \\lambda_{k+1},\\quad \\lambda_k = (I - \\alpha H_k)\\, \\lambda_{k+1}',
        ),
        text(
          'Implicit: at a stationary point $\\nabla_\\mu L = 0$, so with n conjugate-gradient steps on Hessian–vector products and damping δ:',
        ),
        math(
          '\\frac{dU}{d\\theta} \\approx \\frac{\\partial U}{\\partial \\theta} - \\Big(\\frac{\\partial^2 L}{\\partial \\theta\\, \\partial \\mu}\\Big)^{\\!\\top} (H + \\delta I)^{-1} \\nabla_\\mu U,\\qquad H = \\nabla^2_{\\mu\\mu} L',
        ),
        text(
          'CG needs $H + \\delta I$ positive definite, and the Hessian of a non-convex NLM need not be: CG stops at the first direction with $p^\\top (H + \\delta I) p \\le 0$ and keeps what it had (at the first iteration that is the first-order gradient). The cost plot shows cgNegativeCurvature = 1 on such steps, with cgIterations and cgResidual.',
        ),
        text(
          'Second derivatives in tfjs: its sigmoid, exp and logSoftmax save their output for the backward pass, and tfjs 4.22 loses that path when a gradient is differentiated again, so unrolled and implicit gradients came out wrong (relative errors 0.5 to 86). The NLM uses versions whose backward pass is written from the input (ops.ts).',
        ),
        text(
          'The gradient check differences, agent by agent, the objective each path differentiates — $U(\\theta, \\mu_K)$ with $\\mu_K$ fixed; $U(\\theta, \\mu_K(\\theta))$; $U(\\theta, \\mu^*(\\theta))$ with $\\mu^*$ of a ridge-regularised LL solved by gradient steps and Newton–CG — along directions leaning on the gradient, and compares. Where the check LL is not at a minimum with $H \\succ 0$ the implicit rows say so (the IFT does not apply there).',
        ),
      ],
    },
    {
      id: 'probe',
      heading: 'Reading out what was learned',
      blocks: [
        text(
          "Concept probe: each true concept is matched to the grounded slot (or its negation) that agrees with it most on held-out scenes; the score is that slot's accuracy on scenes of unseen seeds. Rules: negate one concept of one agent and count how often each action changes, for the NLM on grounded concepts and for the true rule engine.",
        ),
        text(
          'Weighted accuracy (LogiCity): per-class accuracy weighted by inverse class frequency, on the fixed split (training compositions) and the random split (random compositions).',
        ),
      ],
    },
  ],
  references: [
    'C. Wang et al., Imperative Learning: A Self-supervised Neuro-Symbolic Learning Framework for Robot Autonomy, 2024.',
    'B. Li et al., LogiCity: Advancing Neuro-Symbolic AI with Abstract Urban Simulation, NeurIPS 2024.',
    'H. Dong et al., Neural Logic Machines, ICLR 2019.',
  ],
};
