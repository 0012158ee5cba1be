import { math, text, type Lesson } from '../../il/lesson';

export const islamLesson: Lesson = {
  title: 'iSLAM: the back-end supervises the front-end',
  sections: [
    {
      heading: 'The two levels',
      blocks: [
        text(
          'The UL variables $\\psi = \\theta$ are the weights of an odometry network $f(\\theta, x)$ that turns wheel-encoder readings $x_k$ into relative motions $z_k = (\\Delta x, \\Delta y, \\Delta\\psi)$. The LL variables $\\varphi = P$ are the poses $P_0 \\ldots P_N \\in SE(2)$, $P_0$ held fixed. The reasoning engine $g$ is pose-graph optimisation:',
        ),
        math(
          '\\begin{aligned} L(\\theta, P) = &\\textstyle\\sum_k \\lVert e(P_k, P_{k+1}; f(\\theta, x_k)) \\rVert^2_{\\Omega_o} \\\\ &+ \\textstyle\\sum_k \\lVert e(P_k, P_{k+1}; m_k) \\rVert^2_{\\Omega_{imu}} \\\\ &+ \\textstyle\\sum_{(i,j)} \\rho\\big(\\lVert e(P_i, P_j; c_{ij}) \\rVert^2_{\\Omega_c}\\big) \\end{aligned}',
        ),
        text(
          'with the g2o error $e = \\mathrm{t2v}(Z^{-1} X_i^{-1} X_j)$, IMU motions $m_k$, loop closures $c_{ij}$ and a Cauchy kernel $\\rho$. $P^* = \\arg\\min_P L$ is found by Levenberg–Marquardt with a sparse Cholesky (minimum-degree ordering), in TypeScript on Float64Array.',
        ),
        math(
          '\\begin{aligned} \\min_\\theta\\; U(\\theta) &= \\textstyle\\sum_k \\lVert e(P^*_k, P^*_{k+1}; f(\\theta, x_k))\\rVert^2_{\\Omega_o} \\\\ \\text{s.t.}\\; P^* &= \\arg\\min_P L(\\theta, P) \\end{aligned}',
        ),
        text(
          'No label is used: U is the odometry residual left at the LL optimum, where the IMU and the loop closures have pulled the poses away from what the network said.',
        ),
      ],
    },
    {
      heading: 'Three ways across the LL',
      blocks: [
        text(
          "One-step (the paper's): hold $P^*$ fixed and differentiate U in θ. Only the odometry terms of L depend on θ, so this is $\\partial L/\\partial\\theta$ at $P^*$, and because $\\nabla_P L(P^*) = 0$ it is the exact derivative of the value function $V(\\theta) = L(\\theta, P^*(\\theta))$:",
        ),
        math(
          '\\begin{aligned} \\frac{dV}{d\\theta} &= \\frac{\\partial L}{\\partial\\theta} + \\Big(\\frac{dP^*}{d\\theta}\\Big)^{\\!\\top}\\underbrace{\\nabla_P L(\\theta, P^*)}_{=\\,0} \\\\ &= \\Big(\\frac{\\partial f}{\\partial\\theta}\\Big)^{\\!\\top} \\textstyle\\sum_k 2 J_{z_k}^\\top \\Omega_o\\, e_k \\end{aligned}',
        ),
        text(
          'Implicit (IFT): keep the second term, with $dP^*/dz = -H^{-1}\\,\\partial^2 L/\\partial P\\,\\partial z$ and the Gauss–Newton Hessian $H \\approx 2J_P^\\top W J_P$. At a converged LL the correction is zero; stop LM early and it becomes the first-order step from where LM stopped towards $P^*$:',
        ),
        math('\\Delta_{\\text{IFT}} = -\\,2 J_z^\\top \\Omega_o J_P\\, H^{-1} \\nabla_P L'),
        text(
          'Unrolled: differentiate through K LM iterations themselves (not built here: see the report). The Gradient check table compares both gradients with central finite differences of $V$, each V a fully converged LL solve: at convergence both agree to about $10^{-9}$; after 1 or 3 LM iterations the one-step gradient is off by 20 % or 1 %, the implicit one by 7 % or 0.2 %.',
        ),
      ],
    },
    {
      heading: 'The story: robot A → robot B',
      blocks: [
        text(
          "The network is pre-trained with ground-truth labels on robot A (the paper's TartanAir). Robot B's tyres are 4–5 % larger, unequally, and it pulls left: the network's dead reckoning drifts. Training on B's unlabelled drives through the pose graph removes most of the drift; the supervised network (labels on B) is the upper bound shown beside it.",
        ),
        text(
          'Modes: loop — each step solves one whole drive with its loop closures; faithful — windows of 8 poses with odometry and IMU links only, as the iSLAM code trains, the gradient accumulated over a batch of windows.',
        ),
        text(
          'Errors: ATE after a rigid SE(2) alignment (rotation and translation, no scale), RPE per step, on a held-out drive of robot B.',
        ),
      ],
    },
  ],
};
