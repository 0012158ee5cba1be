import { Matrix4, PerspectiveCamera, Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import {
  cameraIntrinsics,
  cameraPoseInWorld,
  DEFAULT_CAMERA,
  threeCameraSetup,
  verticalFov,
} from './camera.ts';

// The view builds a THREE.PerspectiveCamera from threeCameraSetup; this checks, with three.js's own math,
// that it projects every pixel's ray back onto that pixel at the ray caster's z-depth.
describe('camera contract with three.js', () => {
  const specs = [
    DEFAULT_CAMERA,
    { ...DEFAULT_CAMERA, width: 48, height: 20, hfov: 1.2, pitch: 0.35, mountForward: 0.3 },
  ];
  const poses = [
    { x: 3, y: 4, yaw: 0 },
    { x: -2, y: 7.5, yaw: 2.2 },
  ];

  for (const spec of specs)
    for (const pose of poses)
      it(`matches pixel centres and z-depth (${spec.width}×${spec.height}, yaw ${pose.yaw})`, () => {
        const setup = threeCameraSetup(spec, pose);
        const fromLookAt = new PerspectiveCamera(setup.fovDeg, setup.aspect, setup.near, setup.far);
        fromLookAt.position.set(...setup.position);
        fromLookAt.up.set(...setup.up);
        fromLookAt.lookAt(...setup.lookAt);
        fromLookAt.updateMatrixWorld(true);
        const fromMatrix = new PerspectiveCamera(setup.fovDeg, setup.aspect, setup.near, setup.far);
        fromMatrix.matrixAutoUpdate = false;
        fromMatrix.matrix.copy(new Matrix4().fromArray(setup.matrixWorld));
        fromMatrix.updateMatrixWorld(true);
        const K = cameraIntrinsics(spec);
        const cam = cameraPoseInWorld(spec, pose);
        for (const camera of [fromLookAt, fromMatrix])
          for (const [u, v, z] of [
            [0, 0, 2.5],
            [spec.width - 1, 3, 7],
            [17, spec.height - 1, 1.2],
            [spec.width / 2, spec.height / 2, 9.5],
          ]) {
            const a = (u + 0.5 - K.cx) / K.fx;
            const b = (K.cy - (v + 0.5)) / K.fy;
            const p = new Vector3(
              ...([0, 1, 2].map(
                (i) => cam.position[i] + z * (cam.forward[i] + a * cam.right[i] + b * cam.up[i]),
              ) as [number, number, number]),
            );
            const view = p.clone().applyMatrix4(camera.matrixWorldInverse);
            expect(-view.z).toBeCloseTo(z, 9);
            const ndc = p.clone().project(camera);
            expect(((ndc.x + 1) / 2) * spec.width).toBeCloseTo(u + 0.5, 6);
            expect(((1 - ndc.y) / 2) * spec.height).toBeCloseTo(v + 0.5, 6);
          }
      });

  it('has square pixels and the requested horizontal field of view', () => {
    const K = cameraIntrinsics(DEFAULT_CAMERA);
    expect(2 * Math.atan(K.cx / K.fx)).toBeCloseTo(DEFAULT_CAMERA.hfov, 12);
    expect(
      Math.tan(verticalFov(DEFAULT_CAMERA) / 2) * (DEFAULT_CAMERA.width / DEFAULT_CAMERA.height),
    ).toBeCloseTo(Math.tan(DEFAULT_CAMERA.hfov / 2), 12);
  });
});
