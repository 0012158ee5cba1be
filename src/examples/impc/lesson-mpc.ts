/**
 * Lesson text for the iMPC example (plain data: the view renders it; formulas are KaTeX strings).
 * A paragraph is a list of inline pieces: plain text, or `{ tex }` for inline math; `{ display }` is a
 * formula on its own line.
 */

export type LessonInline = string | { tex: string };
export type LessonBlock = LessonInline[] | { display: string };

export interface LessonSection {
  title: string;
  blocks: LessonBlock[];
}

const t = String.raw;

export const MPC_LESSON: readonly LessonSection[] = [
  {
    title: 'The bilevel problem',
    blocks: [
      [
        'iMPC learns two kinds of UL variables ',
        { tex: t`\psi = [\theta, \gamma]` },
        ': the weights ',
        { tex: t`\theta` },
        ' of a network that denoises the IMU, and the physical parameters ',
        { tex: t`\gamma = p = (m, J_x, J_y, J_z)` },
        ' of the model inside the MPC. The LL variables ',
        { tex: t`\varphi` },
        ' are the MPC\u2019s motor thrusts over the horizon, ',
        { tex: t`U = [u_0, \dots, u_{N-1}]` },
        '.',
      ],
      {
        display: t`\min_{\psi}\; U\big(x_k(\theta),\, \varphi^*(\psi)\big) \quad \text{s.t.}\quad \varphi^* = \arg\min_{f_{\min} \le u_i \le f_{\max}} L(\varphi;\, x_k(\theta), p)`,
      },
    ],
  },
  {
    title: 'The LL engine: MPC as a box-constrained QP',
    blocks: [
      [
        'The attitude and altitude dynamics, linearised about hover and discretised at the control step, are double integrators: ',
        { tex: t`x_{i+1} = A x_i + B(p)\,u_i + c` },
        '. The mass enters through ',
        { tex: t`1/m` },
        ' (thrust to vertical acceleration) and the hover thrust ',
        { tex: t`mg/4` },
        '; the inertia through ',
        { tex: t`1/J` },
        ' (motor torques to angular acceleration).',
      ],
      {
        display: t`L(U) = \tfrac12 \sum_{i=1}^{N} \lVert x_i - x_{\text{ref}} \rVert_{Q_i}^2 + \tfrac12 \sum_{i=0}^{N-1} \lVert u_i - u_{\text{hover}}(p) \rVert_R^2 = \tfrac12 U^\top H(p)\, U + q(x_0, p)^\top U + \text{const}`,
      },
      [
        'The motor limits are a box, so the QP is solved exactly by an active-set method: fix the variables at their bounds, minimise over the rest with one Cholesky solve, add a blocking bound or release one whose multiplier is negative, repeat.',
      ],
    ],
  },
  {
    title: 'KKT conditions',
    blocks: [
      {
        display: t`H U^* + q + \lambda^{\text{hi}} - \lambda^{\text{lo}} = 0,\quad \lambda^{\text{lo}}, \lambda^{\text{hi}} \ge 0,\quad \lambda^{\text{lo}}_j (U^*_j - f_{\min}) = 0,\quad \lambda^{\text{hi}}_j (f_{\max} - U^*_j) = 0`,
      },
      [
        'With the active set ',
        { tex: t`\mathcal A` },
        ' (inputs at a bound) and the free set ',
        { tex: t`\mathcal F` },
        ', the free inputs satisfy a linear system and the active ones stay at their bounds.',
      ],
    ],
  },
  {
    title: 'Implicit differentiation (through the KKT conditions)',
    blocks: [
      [
        'Where the active set does not change under a small perturbation (every active bound has a positive multiplier), differentiate the free rows:',
      ],
      {
        display: t`\frac{\partial U^*_{\mathcal F}}{\partial \psi} = -H_{\mathcal F\mathcal F}^{-1}\, \frac{\partial (H U + q)_{\mathcal F}}{\partial \psi}\Big|_{U^*},\qquad \frac{\partial U^*_{\mathcal A}}{\partial \psi} = 0`,
      },
      [
        'A vector\u2013Jacobian product needs a single solve whatever the number of parameters: ',
        { tex: t`H_{\mathcal F\mathcal F}\, w_{\mathcal F} = \bar U_{\mathcal F}` },
        ', then ',
        { tex: t`\bar\psi = -w^\top \partial_\psi (H U + q)` },
        '. The optimal LL cost needs no solve at all (envelope theorem): ',
        { tex: t`\mathrm d L^*/\mathrm d\psi = \partial_\psi L(U^*)` },
        '.',
      ],
    ],
  },
  {
    title: 'Unrolled differentiation',
    blocks: [
      [
        'Instead, run K iterations of accelerated projected gradient from a fixed start and differentiate the iterations themselves (reverse mode, storing each iterate and which inputs were clipped):',
      ],
      {
        display: t`Y_k = U_k + \beta (U_k - U_{k-1}),\qquad U_{k+1} = \operatorname{clip}\big(Y_k - s\,(H Y_k + q)\big)`,
      },
      [
        'As K grows the unrolled gradient converges to the implicit one, but slowly when H is ill-conditioned: the error shrinks like ',
        { tex: t`(1 - 1/\sqrt{\kappa})^K` },
        ', and this MPC has ',
        { tex: t`\sqrt{\kappa} \approx 500` },
        ' at N = 10, so thousands of iterations and memory proportional to K. The implicit gradient is exact and costs one solve.',
      ],
    ],
  },
  {
    title: 'iMPC\u2019s UL cost',
    blocks: [
      [
        'The IMU integrated over one control interval gives the measured next state ',
        { tex: t`y_{k+1}` },
        '; the model predicts ',
        { tex: t`\hat x_{k+1} = f(x_k, u^*_0(x_k, p); p)` },
        '. The UL cost is the gap between them; the alternative is the tracking error of the closed loop over a few steps.',
      ],
      {
        display: t`U_{\text{gap}} = \tfrac12 \big\lVert y_{k+1} - f\big(x_k, u_0^*(x_k, p); p\big) \big\rVert_W^2`,
      },
      [
        'Learning p from flight data needs care: the measurement answers the input that was applied, ',
        { tex: t`y_{k+1} \approx f_{\text{true}}(x_k, u_0^*)` },
        '. To first order ',
        { tex: t`\partial y/\partial u \approx \partial f/\partial u` },
        ', so the path through ',
        { tex: t`u_0^*` },
        ' cancels and the gradient for p is ',
        { tex: t`-(\partial f/\partial p)^\top W (y - \hat x)` },
        '. Holding y fixed and keeping only the prediction\u2019s path through the MPC does not identify p: the MPC inverts its own model (it commands the thrust ',
        { tex: t`m g` },
        ' whatever m is), so the prediction barely depends on p. The path through the MPC matters for what produces ',
        { tex: t`x_k` },
        ': the denoiser.',
      ],
    ],
  },
];
