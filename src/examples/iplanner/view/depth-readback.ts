/**
 * A depth image rendered by WebGL from the robot's camera (same intrinsics and pose as the ray caster, via
 * threeCameraSetup), read back from a render target: the independent check of the ray-cast depth the network sees.
 * A shader writes the linear z-depth / far, packed into RGB (24 bits), alpha 1 where something was hit; the clear
 * colour (alpha 0) is "no return", as in the ray caster.
 */
import * as THREE from 'three';
import { threeCameraSetup, type DepthCameraSpec } from '../sensing/camera.ts';
import type { Pose2 } from '../worlds/types.ts';
import { DEPTH_LAYER } from './scene-graph.ts';

const vertexShader = /* glsl */ `
varying float vViewDepth;
void main() {
  vec4 mv = modelViewMatrix * vec4(position, 1.0);
  vViewDepth = -mv.z;
  gl_Position = projectionMatrix * mv;
}`;

const fragmentShader = /* glsl */ `
uniform float far;
varying float vViewDepth;
void main() {
  float d = clamp(vViewDepth / far, 0.0, 1.0);
  vec3 enc = fract(d * vec3(1.0, 255.0, 65025.0));
  enc -= enc.yzz * vec3(1.0 / 255.0, 1.0 / 255.0, 0.0);
  gl_FragColor = vec4(enc, 1.0);
}`;

/** Render the depth layer of `scene` from the robot's camera; z-depth in metres, row 0 at the top, 0 = none. */
export function renderDepthWebGL(
  renderer: THREE.WebGLRenderer,
  scene: THREE.Scene,
  spec: DepthCameraSpec,
  pose: Pose2,
): Float32Array {
  const setup = threeCameraSetup(spec, pose);
  const camera = new THREE.PerspectiveCamera(setup.fovDeg, setup.aspect, setup.near, setup.far);
  camera.position.set(...setup.position);
  camera.up.set(...setup.up);
  camera.lookAt(...setup.lookAt);
  camera.updateMatrixWorld();
  camera.layers.set(DEPTH_LAYER);
  const material = new THREE.ShaderMaterial({
    vertexShader,
    fragmentShader,
    uniforms: { far: { value: setup.far } },
    side: THREE.DoubleSide,
  });
  const target = new THREE.WebGLRenderTarget(setup.width, setup.height, {
    type: THREE.UnsignedByteType,
    format: THREE.RGBAFormat,
    minFilter: THREE.NearestFilter,
    magFilter: THREE.NearestFilter,
    depthBuffer: true,
  });
  const previous = {
    target: renderer.getRenderTarget(),
    override: scene.overrideMaterial,
    background: scene.background,
    clear: renderer.getClearColor(new THREE.Color()),
    alpha: renderer.getClearAlpha(),
  };
  const pixels = new Uint8Array(setup.width * setup.height * 4);
  try {
    scene.overrideMaterial = material;
    scene.background = null;
    renderer.setRenderTarget(target);
    renderer.setClearColor(0x000000, 0);
    renderer.clear();
    renderer.render(scene, camera);
    renderer.readRenderTargetPixels(target, 0, 0, setup.width, setup.height, pixels);
  } finally {
    scene.overrideMaterial = previous.override;
    scene.background = previous.background;
    renderer.setRenderTarget(previous.target);
    renderer.setClearColor(previous.clear, previous.alpha);
    target.dispose();
    material.dispose();
  }
  const out = new Float32Array(setup.width * setup.height);
  for (let v = 0; v < setup.height; v++) {
    // WebGL rows run bottom-up.
    const row = setup.height - 1 - v;
    for (let u = 0; u < setup.width; u++) {
      const i = (row * setup.width + u) * 4;
      if (pixels[i + 3] < 128) continue;
      const d = pixels[i] / 255 + pixels[i + 1] / 255 / 255 + pixels[i + 2] / 255 / 65025;
      out[v * setup.width + u] = d * setup.far;
    }
  }
  return out;
}

export interface DepthAgreement {
  pixels: number;
  /** Share of pixels where both agree within the tolerance (both "no return" counts as agreeing). */
  withinTolerance: number;
  toleranceM: number;
  /** Median |difference| (m) over pixels where both see something. */
  medianError: number;
}

export function compareDepth(a: Float32Array, b: Float32Array, toleranceM = 0.05): DepthAgreement {
  let ok = 0;
  const errors: number[] = [];
  for (let i = 0; i < a.length; i++) {
    const hitA = a[i] > 0;
    const hitB = b[i] > 0;
    if (hitA && hitB) {
      const e = Math.abs(a[i] - b[i]);
      errors.push(e);
      if (e <= toleranceM) ok++;
    } else if (!hitA && !hitB) ok++;
  }
  errors.sort((x, y) => x - y);
  return {
    pixels: a.length,
    withinTolerance: ok / a.length,
    toleranceM,
    medianError: errors.length ? errors[errors.length >> 1] : 0,
  };
}
