/**
 * The robot's depth camera: a pinhole with square pixels, mounted on the robot looking forward and
 * pitched down. Intrinsics and extrinsics are plain data so that the 3D view can set a
 * THREE.PerspectiveCamera to exactly the same projection (see threeCameraSetup).
 *
 * Depth convention: z-depth, the distance along the optical axis (what a three.js depth render gives
 * after linearising: −z in view space), in metres; 0 means "no return" (nothing within maxRange, the
 * sky, or a dropped pixel), as in iPlanner's data loader, which zeroes depths beyond its 10 m range.
 */
import type { Pose2 } from '../worlds/types.ts';

export interface DepthCameraSpec {
  /** Image width W and height H in pixels. */
  width: number;
  height: number;
  /** Horizontal field of view (rad). The vertical one follows from square pixels. */
  hfov: number;
  /** Largest z-depth returned (m); the three.js camera's far plane. */
  maxRange: number;
  /** Nearest z-depth returned (m); the three.js camera's near plane. */
  near: number;
  /** Camera position on the robot: metres ahead of the robot's centre, and height above the ground. */
  mountForward: number;
  mountHeight: number;
  /** Downward tilt of the optical axis (rad); iPlanner's camera tilt is 0.2. */
  pitch: number;
}

export const DEFAULT_CAMERA: DepthCameraSpec = {
  width: 64,
  height: 32,
  hfov: Math.PI / 2,
  maxRange: 10,
  near: 0.05,
  mountForward: 0,
  mountHeight: 0.6,
  pitch: 0.2,
};

/** Pinhole intrinsics in pixels; pixel (u, v) has its centre at (u + 0.5, v + 0.5). */
export interface CameraIntrinsics {
  width: number;
  height: number;
  fx: number;
  fy: number;
  cx: number;
  cy: number;
}

export function cameraIntrinsics(spec: DepthCameraSpec): CameraIntrinsics {
  const fx = spec.width / 2 / Math.tan(spec.hfov / 2);
  return { width: spec.width, height: spec.height, fx, fy: fx, cx: spec.width / 2, cy: spec.height / 2 };
}

/** Vertical field of view (rad) implied by square pixels. */
export function verticalFov(spec: DepthCameraSpec): number {
  return 2 * Math.atan(spec.height / 2 / cameraIntrinsics(spec).fy);
}

type Vec3 = [number, number, number];

/** Camera extrinsics in the world frame: its optical centre and orthonormal axes. */
export interface CameraPose {
  position: Vec3;
  /** Image right (+u), image up (−v) and the viewing direction (optical axis). */
  right: Vec3;
  up: Vec3;
  forward: Vec3;
}

export function cameraPoseInWorld(spec: DepthCameraSpec, robot: Pose2): CameraPose {
  const c = Math.cos(robot.yaw);
  const s = Math.sin(robot.yaw);
  const cp = Math.cos(spec.pitch);
  const sp = Math.sin(spec.pitch);
  return {
    position: [robot.x + c * spec.mountForward, robot.y + s * spec.mountForward, spec.mountHeight],
    forward: [c * cp, s * cp, -sp],
    right: [s, -c, 0],
    up: [c * sp, s * sp, cp],
  };
}

/** Everything a THREE.PerspectiveCamera needs to render the same depth image (world z up). */
export interface ThreeCameraSetup {
  /** Vertical field of view in degrees (PerspectiveCamera.fov). */
  fovDeg: number;
  /** width / height. */
  aspect: number;
  near: number;
  far: number;
  position: Vec3;
  /** camera.up, then camera.lookAt(lookAt) reproduces the orientation. */
  up: Vec3;
  lookAt: Vec3;
  /** The camera's world matrix, column-major (Matrix4.fromArray): columns right, up, −forward, position. */
  matrixWorld: number[];
  /** Render target size in pixels. */
  width: number;
  height: number;
}

export function threeCameraSetup(spec: DepthCameraSpec, robot: Pose2): ThreeCameraSetup {
  const pose = cameraPoseInWorld(spec, robot);
  const [px, py, pz] = pose.position;
  const [fx, fy, fz] = pose.forward;
  return {
    fovDeg: (verticalFov(spec) * 180) / Math.PI,
    aspect: spec.width / spec.height,
    near: spec.near,
    far: spec.maxRange,
    position: [px, py, pz],
    up: [...pose.up],
    lookAt: [px + fx, py + fy, pz + fz],
    matrixWorld: [...pose.right, 0, ...pose.up, 0, -fx, -fy, -fz, 0, px, py, pz, 1],
    width: spec.width,
    height: spec.height,
  };
}
