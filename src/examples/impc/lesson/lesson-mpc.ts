import { math, text, type LessonSection } from '../../../il/lesson';

/** The MPC sections of the iMPC lesson (il/lesson.ts format: inline math between $…$ in text, display math as its own block). */
export const MPC_LESSON: readonly LessonSection[] = [
  {
    heading: 'The bilevel problem',
    blocks: [
      text(
        'iMPC learns two kinds of UL variables $\\psi = [\\theta, \\gamma]$: the weights $\\theta$ of a network that denoises the IMU, and the physical parameters $\\gamma = p = (m, J_x, J_y, J_z)$ of the model inside the MPC. The LL variables $\\varphi$ are the MPC’s motor thrusts over the horizon, $U = [u_0, \\dots, u_{N-1}]$.',
      ),
      math(
        '\\min_{\\psi}\\; U\\big(x_k(\\theta),\\, \\varphi^*(\\psi)\\big) \\quad \\text{s.t.}\\quad \\varphi^* = \\arg\\min_{f_{\\min} \\le u_i \\le f_{\\max}} L(\\varphi;\\, x_k(\\theta), p)',
      ),
    ],
  },
  {
    heading: 'The LL engine: MPC as a box-constrained QP',
    blocks: [
      text(
        'The attitude and altitude dynamics, linearised about hover and discretised at the control step, are double integrators: $x_{i+1} = A x_i + B(p)\\,u_i + c$. The mass enters through $1/m$ (thrust to vertical acceleration) and the hover thrust $mg/4$; the inertia through $1/J$ (motor torques to angular acceleration).',
      ),
      math(
        'L(U) = \\tfrac12 \\sum_{i=1}^{N} \\lVert x_i - x_{\\text{ref}} \\rVert_{Q_i}^2 + \\tfrac12 \\sum_{i=0}^{N-1} \\lVert u_i - u_{\\text{hover}}(p) \\rVert_R^2 = \\tfrac12 U^\\top H(p)\\, U + q(x_0, p)^\\top U + \\text{const}',
      ),
      text(
        'The motor limits are a box, so the QP is solved exactly by an active-set method: fix the variables at their bounds, minimise over the rest with one Cholesky solve, add a blocking bound or release one whose multiplier is negative, repeat.',
      ),
    ],
  },
  {
    heading: 'KKT conditions',
    blocks: [
      math(
        'H U^* + q + \\lambda^{\\text{hi}} - \\lambda^{\\text{lo}} = 0,\\quad \\lambda^{\\text{lo}}, \\lambda^{\\text{hi}} \\ge 0,\\quad \\lambda^{\\text{lo}}_j (U^*_j - f_{\\min}) = 0,\\quad \\lambda^{\\text{hi}}_j (f_{\\max} - U^*_j) = 0',
      ),
      text(
        'With the active set $\\mathcal A$ (inputs at a bound) and the free set $\\mathcal F$, the free inputs satisfy a linear system and the active ones stay at their bounds.',
      ),
    ],
  },
  {
    heading: 'Implicit differentiation (through the KKT conditions)',
    blocks: [
      text(
        'Where the active set does not change under a small perturbation (every active bound has a positive multiplier), differentiate the free rows:',
      ),
      math(
        '\\frac{\\partial U^*_{\\mathcal F}}{\\partial \\psi} = -H_{\\mathcal F\\mathcal F}^{-1}\\, \\frac{\\partial (H U + q)_{\\mathcal F}}{\\partial \\psi}\\Big|_{U^*},\\qquad \\frac{\\partial U^*_{\\mathcal A}}{\\partial \\psi} = 0',
      ),
      text(
        'A vector–Jacobian product needs a single solve whatever the number of parameters: $H_{\\mathcal F\\mathcal F}\\, w_{\\mathcal F} = \\bar U_{\\mathcal F}$, then $\\bar\\psi = -w^\\top \\partial_\\psi (H U + q)$. The optimal LL cost needs no solve at all (envelope theorem): $\\mathrm d L^*/\\mathrm d\\psi = \\partial_\\psi L(U^*)$.',
      ),
    ],
  },
  {
    heading: 'Unrolled differentiation',
    blocks: [
      text(
        'Instead, run K iterations of accelerated projected gradient from a fixed start and differentiate the iterations themselves (reverse mode, storing each iterate and which inputs were clipped):',
      ),
      math(
        'Y_k = U_k + \\beta (U_k - U_{k-1}),\\qquad U_{k+1} = \\operatorname{clip}\\big(Y_k - s\\,(H Y_k + q)\\big)',
      ),
      text(
        'As K grows the unrolled gradient converges to the implicit one, but slowly when H is ill-conditioned: the error shrinks like $(1 - 1/\\sqrt{\\kappa})^K$, and this MPC has $\\sqrt{\\kappa} \\approx 500$ at N = 10, so thousands of iterations and memory proportional to K. The implicit gradient is exact and costs one solve.',
      ),
    ],
  },
  {
    heading: 'iMPC’s UL cost',
    blocks: [
      text(
        'The IMU integrated over one control interval gives the measured next state $y_{k+1}$; the model predicts $\\hat x_{k+1} = f(x_k, u^*_0(x_k, p); p)$. The UL cost is the gap between them; the alternative is the tracking error of the closed loop over a few steps.',
      ),
      math(
        'U_{\\text{gap}} = \\tfrac12 \\big\\lVert y_{k+1} - f\\big(x_k, u_0^*(x_k, p); p\\big) \\big\\rVert_W^2',
      ),
      text(
        'Learning p from flight data needs care: the measurement answers the input that was applied, $y_{k+1} \\approx f_{\\text{true}}(x_k, u_0^*)$. To first order $\\partial y/\\partial u \\approx \\partial f/\\partial u$, so the path through $u_0^*$ cancels and the gradient for p is $-(\\partial f/\\partial p)^\\top W (y - \\hat x)$. Holding y fixed and keeping only the prediction’s path through the MPC does not identify p: the MPC inverts its own model (it commands the thrust $m g$ whatever m is), so the prediction barely depends on p. The path through the MPC matters for what produces $x_k$: the denoiser.',
      ),
    ],
  },
];
