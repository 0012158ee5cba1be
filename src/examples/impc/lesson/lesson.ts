/**
 * The iMPC lesson: the MPC sections of lesson-mpc.ts and the sections about the denoiser, the gradient paths and
 * what to try.
 */
import { math, text, type Lesson, type LessonSection } from '../../../il/lesson';
import { MPC_LESSON } from './lesson-mpc';

const denoiser: LessonSection = {
  heading: 'The IMU denoiser θ: what the gap can teach',
  blocks: [
    text(
      'The state estimate $x_k$ is integrated from the gyro and accelerometer. A network $f(\\theta, \\cdot)$ corrects each gyro sample from a window of recent samples before integration; its gradient runs from U through $y_{k+1} = \\mathrm{integrate}(x_k, \\text{samples})$ (an exact Jacobian of the quaternion integration) and through the body rates of $x_k$.',
    ),
    math(
      '\\frac{\\partial U}{\\partial \\theta} = \\sum_i \\Big(\\frac{\\partial U}{\\partial y_{k+1}}\\frac{\\partial y_{k+1}}{\\partial \\tilde\\omega_i} + \\frac{\\partial U}{\\partial x_k}\\frac{\\partial x_k}{\\partial \\tilde\\omega_i}\\Big)\\frac{\\partial \\tilde\\omega_i}{\\partial \\theta}',
    ),
    text(
      'The gap only sees what the model can check. A constant gyro bias shifts $x_k$ and $y_{k+1}$ alike, so no gap residual reveals it: the random bias is not learnable from the IMU alone, and the network is built without biases so that it cannot drift to one. Rescaling a gyro axis trades off exactly against that axis’s inertia (a 5 % weak gyro looks like a 5 % heavier vehicle), so each axis is corrected from the other two axes only. What remains learnable, and what this IMU gets wrong, is its cross-axis sensitivity: a roll rate leaking into the pitch reading, which no pitch torque explains.',
    ),
  ],
};

const paths: LessonSection = {
  heading: 'Which gradient path?',
  blocks: [
    text(
      'The measurement $y_{k+1}$ answers the input that was applied. Had $\\psi$ been different, the MPC would have applied another input and the vehicle would have answered that one, to first order as the model does ($\\partial y/\\partial u \\approx \\partial f/\\partial u$). So the paths through $u_0^*$ cancel, and the consistent gradient holds the applied input: $\\bar p = -(\\partial f/\\partial p)^\\top W (y - \\hat x)$, and likewise for $x_k$.',
    ),
    text(
      'Keep $y$ fixed and differentiate through the MPC instead (the preset “Gap through the MPC”), and the gradient asks how the prediction would change were the same measurement answering another input: the mass and inertia stall far from the truth, and the denoiser learns a worse correction. The tracking cost needs the path through the MPC (the measured error depends on ψ only through the control), and it tunes p for control rather than identifying it.',
    ),
  ],
};

const tryThis: LessonSection = {
  heading: 'What to try',
  blocks: [
    text(
      'Train the first preset and watch m and J approach the dashed true values while U falls; then run the comparison: iMPC against the MPC with the starting parameters on the raw IMU, and the PID baseline, on held-out disturbances.',
    ),
    text(
      'Press “gust” while the simulation runs and compare how the three controllers recover. Raise the noise slider: the random parts of the IMU grow and every controller drifts more.',
    ),
    text(
      'Switch to the unrolled preset and slide K in the gradient check: at K = 100 the unrolled gradient is far off; it reaches the implicit one only after thousands of iterations.',
    ),
  ],
};

export const impcLesson: Lesson = {
  title: 'iMPC: self-supervised learning through a differentiable MPC',
  sections: [...MPC_LESSON, denoiser, paths, tryThis],
};
