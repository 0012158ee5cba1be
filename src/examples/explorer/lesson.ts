import { math, text, type Lesson } from '../../il/lesson';

export const explorerLesson: Lesson = {
  title: 'Hypergradients of a bilevel problem',
  sections: [
    {
      heading: 'The two levels',
      blocks: [
        text(
          'Every imperative-learning example is a bilevel problem. Here the upper-level (UL) variable $\\psi = \\theta$ is a per-feature regulariser and the lower-level (LL) variable $\\varphi = \\mu$ are the weights of a ridge regression, solved exactly by the reasoning engine $g$:',
        ),
        math(
          '\\min_{\\theta}\\; U(\\theta) = \\tfrac{1}{n_{\\mathrm{val}}}\\lVert X_{\\mathrm{val}}\\mu^*(\\theta) - y_{\\mathrm{val}}\\rVert^2 \\quad\\text{s.t.}\\quad \\mu^*(\\theta) = \\arg\\min_{\\mu}\\; L = \\lVert X\\mu - y\\rVert^2 + \\textstyle\\sum_j e^{\\theta_j}\\mu_j^2',
        ),
        text(
          'U is measured on held-out data, L on the training split. A large $\\theta_j$ switches feature $j$ off; training θ should do that for the irrelevant and noisy features.',
        ),
      ],
    },
    {
      heading: 'The hard part: dμ*/dθ',
      blocks: [
        text('By the chain rule the hypergradient needs the derivative of the LL solution:'),
        math(
          '\\frac{dU}{d\\theta} = \\frac{\\partial U}{\\partial \\theta} + \\Big(\\frac{d\\mu^*}{d\\theta}\\Big)^{\\!\\top} \\nabla_{\\mu} U',
        ),
        text(
          '(a) Closed form. At the optimum $\\nabla_\\mu L = 0$. Differentiating that identity (the implicit function theorem) gives, with $H = \\nabla^2_{\\mu\\mu}L = 2(X^\\top X + \\mathrm{diag}\\,e^{\\theta})$:',
        ),
        math(
          '\\frac{d\\mu^*}{d\\theta} = -H^{-1}\\,\\frac{\\partial^2 L}{\\partial\\mu\\,\\partial\\theta} = -H^{-1}\\,\\mathrm{diag}(2e^{\\theta}\\circ\\mu^*)',
        ),
        text(
          'solved exactly with a Cholesky factorisation: the reference every other method is measured against.',
        ),
        text(
          '(b) Unrolled. Replace $\\mu^*$ by K steps of gradient descent $\\mu_{k+1} = \\mu_k - \\alpha\\nabla_\\mu L(\\mu_k)$ from $\\mu_0 = 0$ and back-propagate through the steps. Exact for the K-step map, biased for the true problem; the bias shrinks as K grows, the memory grows with K.',
        ),
        text(
          '(c) Implicit. Use the IFT formula but solve $H v = \\nabla_\\mu U$ with n conjugate-gradient iterations, using only Hessian–vector products. No matrix is ever formed; n = dim(μ) iterations are exact in exact arithmetic.',
        ),
        math(
          '\\frac{dU}{d\\theta} \\approx -\\,\\mathrm{diag}(2e^{\\theta}\\circ\\mu^*)\\;\\mathrm{CG}_n(H, \\nabla_\\mu U)',
        ),
        text('(d) Finite differences: $2\\dim\\theta$ exact LL solves, the ground truth of last resort.'),
      ],
    },
    {
      heading: 'What to try',
      blocks: [
        text(
          'Slide K and n and watch the relative errors in the table: unrolled error falls slowly with K, implicit error collapses within a few CG iterations.',
        ),
        text(
          'Train with K = 3 unrolled steps: the curve still falls, but to a worse θ — the bias of a short horizon.',
        ),
        text(
          'On the contour, the descent path of θ runs down the valley of U for the two chosen features; pick an irrelevant feature as an axis and watch θ climb to switch it off.',
        ),
      ],
    },
  ],
};
