import { math, text, type Lesson } from '../../../il/lesson.ts';
import { splineLesson } from './lesson-spline.ts';

/** The iPlanner lesson: the network, then the spline LL and U (lesson-spline.ts), then training and what to try. */
export const iplannerLesson: Lesson = {
  title: splineLesson.title,
  sections: [
    {
      heading: 'The network f(θ, x)',
      blocks: [
        text(
          'The input x is what the robot has: a 32 × 64 depth image from its camera (ray cast against the scene, with noise and dropped pixels) and the goal in its own frame. Three stride-2 convolutions encode the image, a small MLP the goal; together they give k = 5 key-point offsets and the fear logit. The key points start from the straight line to the goal $g$, with offsets along and across it:',
        ),
        math(
          'p_i = \\tfrac{i}{k}\\,g + \\Delta_i^{\\parallel}\\,\\hat g + \\Delta_i^{\\perp}\\,\\hat g^{\\perp}, \\qquad c = \\sigma(\\text{fear logit})',
        ),
        text(
          'So an untrained network drives straight at the goal, and training only has to learn where to bend. ψ = θ are all the network weights; there is no memory to learn (the cost map M is given).',
        ),
      ],
    },
    ...splineLesson.sections,
    {
      heading: 'Training through the closed form',
      blocks: [
        text(
          'Each step samples a batch of poses and goals in the training worlds, runs f once, scores every plan in TypeScript (U and its analytic gradient with respect to the waypoints, from the bilinear cost map), and hands $\\partial U/\\partial W$ to tfjs as the gradient of a scalar (tf.customGrad). Backpropagation then crosses the LL by the constant matrix B and reaches θ:',
        ),
        math(
          '\\frac{dU}{d\\theta} = \\sum_{b}\\Big(\\frac{\\partial U}{\\partial W_b}\\,B\\,\\frac{\\partial P_b}{\\partial \\theta} + \\frac{\\partial U}{\\partial c_b}\\,\\frac{\\partial c_b}{\\partial \\theta}\\Big)',
        ),
        text(
          "Two practical choices, both shown as settings: the training cost map inflates the obstacles by a safety margin on top of the robot radius (so plans keep clear), and the motion and goal terms use a smoothed absolute value $|x|_\\epsilon = \\sqrt{x^2+\\epsilon^2} - \\epsilon$, ε = 5 cm. A straight-line plan sits exactly on the kink of $|x|$, where float rounding alone picks the sign of the subgradient; that noise otherwise drowns the obstacle term's signal.",
        ),
        text(
          'The live gradient check compares three numbers for every key-point coordinate: what training uses (tfjs through the bridge and B), the same chain in TypeScript ($B^\\top \\partial U/\\partial W$), and central finite differences of U. ∂L/∂P = 2QP is checked the same way.',
        ),
      ],
    },
    {
      heading: 'What to try',
      blocks: [
        text(
          'Press play and watch the orange (learned) path bend around the trunks in front of the robot while U falls; the green dashed path is the classical planner, which knows the whole map.',
        ),
        text(
          'Drive: the robot follows its plan and replans 5 times a second from its new depth image. Raise the sensor noise and dropout and see when it starts to fail. Add a trunk in its way, or move the goal behind a wall.',
        ),
        text(
          'Compare on held-out worlds: success rate, SPL and the time per plan. The learned planner needs no map and no search, which is where its speed comes from; the classical one is exact on a map it is given.',
        ),
      ],
    },
  ],
};
