import { math, text, type Lesson } from '../../../il/lesson.ts';

/**
 * The symbolic half of the iPlanner lesson: the spline LL in closed form, its energy L, why autograd goes
 * straight through it, and the UL cost U with iPlanner's weights. (The network part comes with the model.)
 */
export const splineLesson: Lesson = {
  title: 'iPlanner: a spline as the lower level, in closed form',
  sections: [
    {
      heading: 'The bilevel problem',
      blocks: [
        text(
          'The network $f(\\theta, x)$ looks at a depth image and the goal (in the robot frame) and proposes k = 5 key points $p_1, \\dots, p_k$ and a collision probability, the fear $c$. The reasoning engine $g$ turns the start $p_0$ (the robot) and the key points into a smooth path: the LL variables $\\mu^*$ are the spline through them. The memory $M$ is a top-down cost map of the world, fixed here (no $\\gamma$ to learn). No expert paths appear anywhere: the only teacher is the cost U.',
        ),
        math(
          "\\min_{\\theta}\\; U\\big(f(\\theta,x),\\, g(\\mu^*),\\, M\\big) \\quad \\text{s.t.}\\quad \\mu^* = \\arg\\min_{\\mu}\\, L(\\mu) = \\int_0^k \\lVert p_\\mu''(t) \\rVert^2\\, dt \\;\\;\\text{with}\\;\\; p_\\mu(i) = p_i,\\; i = 0..k",
        ),
      ],
    },
    {
      heading: 'The lower level has a closed-form solution',
      blocks: [
        text(
          "Among all twice continuously differentiable curves through the points (on uniform knots $t_i = i$), the one with the least integrated squared acceleration is the natural cubic spline. On segment $i$, with $u = t - i \\in [0, 1]$ and the knot accelerations $M_i = p''(i)$:",
        ),
        math(
          'p(t) = (1-u)\\,p_i + u\\,p_{i+1} + \\tfrac{(1-u)^3 - (1-u)}{6}\\,M_i + \\tfrac{u^3 - u}{6}\\,M_{i+1}',
        ),
        text(
          'Continuity of the first derivative at the inner knots, and the natural end conditions $M_0 = M_k = 0$ (zero acceleration at both ends), give a tridiagonal linear system:',
        ),
        math('M_{i-1} + 4M_i + M_{i+1} = 6\\,(p_{i-1} - 2p_i + p_{i+1}), \\quad i = 1, \\dots, k-1'),
        text(
          'So $M = S\\,P$ for a fixed matrix S, and the n = 51 waypoints (every tenth one a key point) are a fixed linear map of the points, applied to the x and y columns alike (with the natural start). Because the acceleration is linear on each segment, its energy is a fixed quadratic form too:',
        ),
        math(
          "W = B\\,P, \\qquad L = \\int_0^k \\lVert p''\\rVert^2 dt = \\sum_{i=0}^{k-1} \\tfrac{1}{3}\\big(M_i^2 + M_i M_{i+1} + M_{i+1}^2\\big) = P^\\top Q\\, P, \\quad Q = S^\\top G\\, S",
        ),
        text(
          "Why it is the minimiser: for any other C² interpolant $p + \\varphi$ (so $\\varphi(i) = 0$ at every knot), integrating by parts segment by segment gives $\\int p''\\varphi'' = 0$, because $p'''$ is constant on each segment, $\\varphi$ vanishes at the knots, and $p''$ vanishes at both ends. Hence $L(p + \\varphi) = L(p) + \\int \\lVert \\varphi'' \\rVert^2 \\ge L(p)$. The \"heading\" start replaces $p_y''(0) = 0$ by $p_y'(0) = 0$, so that the path leaves along the robot's heading; it is then the minimiser among the curves that do.",
        ),
      ],
    },
    {
      heading: 'Why autograd goes straight through',
      blocks: [
        text(
          "The LL solution is a formula of the network's output, with constant matrices: nothing has to be unrolled and no implicit function theorem is needed (applied to the LL's optimality conditions it would give back exactly B). The gradient crosses the engine by one matrix product:",
        ),
        math(
          '\\frac{\\partial U}{\\partial \\theta} = \\frac{\\partial U}{\\partial W}\\, B\\, \\frac{\\partial P}{\\partial \\theta}, \\qquad \\frac{\\partial L}{\\partial P} = 2\\,Q\\,P',
        ),
        text(
          'In tfjs, B is a constant tensor and the waypoints are one matmul of the predicted key points; autograd does the rest. L is plotted beside U: it measures how much the path bends, and the spline keeps it the least possible for the points the network chose.',
        ),
      ],
    },
    {
      heading: "The upper-level cost U (iPlanner's weights)",
      blocks: [
        text(
          "The cost map is built from the world: inflate every obstacle by the robot radius, take the exact distance $d$ from each inflated cell to free space (Felzenszwalb's distance transform), blur it with a Gaussian, and take a logarithm. It is 0 far from obstacles and grows inside them; it is sampled bilinearly, so its gradient reaches every waypoint $w_j$ (mapped to the world by the robot pose, $T$):",
        ),
        math(
          'C = \\ln\\!\\big(1 + (G_\\sigma * d)/u\\big), \\quad u = 0.05\\,\\text{m},\\; \\sigma = 0.125\\,\\text{m}',
        ),
        math(
          'U = \\alpha \\sum_{j} C\\big(T(w_j)\\big) + \\gamma \\sum_{j} \\Big| \\tfrac{\\lVert g \\rVert}{n-1} - \\lVert w_{j+1} - w_j \\rVert \\Big| + \\delta \\ln\\!\\big(1 + \\lVert w_{n-1} - g \\rVert\\big) + \\epsilon\\, \\mathrm{BCE}(c, y)',
        ),
        text(
          "Obstacle, motion, goal and fear terms, with iPlanner's weights $\\alpha = 0.5$, $\\gamma = 2$, $\\delta = 5$, $\\epsilon = 1$. The motion term compares every step with the step of the straight line to the goal $g$ (same length, evenly spread); the goal term pulls the last waypoint to the goal; the fear label $y$ is 1 when some waypoint within the first 2.5 m of the path lies where $C > 0.5$, i.e. the planned path would collide soon.",
        ),
      ],
    },
  ],
};
