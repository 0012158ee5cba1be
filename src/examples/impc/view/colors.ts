import type { ControllerId } from '../evaluation/compare';

export const CONTROLLER_COLORS: Record<ControllerId, string> = {
  impc: '#c2410c',
  'mpc-raw': '#1d4ed8',
  pid: '#6b7280',
};
export const REFERENCE_COLOR = '#111827';
export const AXIS_COLORS = ['#c2410c', '#1d4ed8', '#15803d'];
export const MOTOR_COLORS = ['#c2410c', '#1d4ed8', '#15803d', '#7c3aed'];

export const SHORT_LABELS: Record<ControllerId, string> = {
  impc: 'iMPC',
  'mpc-raw': 'MPC raw',
  pid: 'PID',
};
