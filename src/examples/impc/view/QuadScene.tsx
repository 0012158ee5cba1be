import { useEffect, useRef, useState, type RefObject } from 'react';
import * as THREE from 'three';

/** What one animation frame shows (read from a ref every frame, so playback never re-renders React). */
export interface SceneFrame {
  /** Roll, pitch, yaw of the vehicle and of the reference (degrees). */
  attitude: [number, number, number];
  reference: [number, number, number];
  /** Horizontal wind velocity (m/s, world x and y). */
  wind: [number, number];
  /** Motor thrusts (N), front, left, back, right. */
  thrusts: [number, number, number, number];
}

const DEG = Math.PI / 180;
const THRUST_MAX = 8;

/**
 * The simulation's world frame is x forward, y left, z up; three.js has y up. The change of basis
 * (x, y, z) → (x, z, −y) is a proper rotation, so a quaternion maps as (w, x, y, z) → (w, x, z, −y).
 */
function setAttitude(object: THREE.Object3D, [roll, pitch, yaw]: [number, number, number]): void {
  const [cr, sr] = [Math.cos((roll * DEG) / 2), Math.sin((roll * DEG) / 2)];
  const [cp, sp] = [Math.cos((pitch * DEG) / 2), Math.sin((pitch * DEG) / 2)];
  const [cy, sy] = [Math.cos((yaw * DEG) / 2), Math.sin((yaw * DEG) / 2)];
  const w = cr * cp * cy + sr * sp * sy;
  const x = sr * cp * cy - cr * sp * sy;
  const y = cr * sp * cy + sr * cp * sy;
  const z = cr * cp * sy - sr * sp * cy;
  object.quaternion.set(x, z, -y, w);
}

interface Vehicle {
  group: THREE.Group;
  rotors: THREE.Mesh[];
}

/** A body, four arms ("+" layout: front, left, back, right) and four rotor discs; the front arm is marked. */
function buildVehicle(
  materials: {
    body: THREE.Material;
    arm: THREE.Material;
    front: THREE.Material;
    rotor: THREE.Material;
  },
  geometries: THREE.BufferGeometry[],
): Vehicle {
  const group = new THREE.Group();
  const body = new THREE.BoxGeometry(0.12, 0.05, 0.12);
  const arm = new THREE.BoxGeometry(0.34, 0.018, 0.022);
  const rotor = new THREE.CylinderGeometry(0.07, 0.07, 0.008, 24);
  geometries.push(body, arm, rotor);
  group.add(new THREE.Mesh(body, materials.body));
  const rotors: THREE.Mesh[] = [];
  // Motor directions in the three.js frame: front +x, left −z (sim +y), back −x, right +z.
  const directions: [number, number][] = [
    [1, 0],
    [0, -1],
    [-1, 0],
    [0, 1],
  ];
  directions.forEach(([dx, dz], i) => {
    const a = new THREE.Mesh(arm, i === 0 ? materials.front : materials.arm);
    a.position.set((dx * 0.17) / 2, 0, (dz * 0.17) / 2);
    a.rotation.y = dz !== 0 ? Math.PI / 2 : 0;
    group.add(a);
    const r = new THREE.Mesh(rotor, materials.rotor);
    r.position.set(dx * 0.17, 0.03, dz * 0.17);
    group.add(r);
    rotors.push(r);
  });
  return { group, rotors };
}

function webglAvailable(): boolean {
  try {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
    // Release the probe's context at once (browsers cap the number of live WebGL contexts).
    gl?.getExtension('WEBGL_lose_context')?.loseContext();
    return gl !== null;
  } catch {
    return false;
  }
}

/**
 * The quadrotor's attitude (solid), the reference attitude (ghost) and the wind (arrows), drawn with three.js.
 * Without WebGL it shows a message instead; every geometry, material and the renderer are disposed on unmount.
 */
export function QuadScene({ frame, label }: { frame: RefObject<SceneFrame | null>; label: string }) {
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const [failure, setFailure] = useState<string | null>(() =>
    typeof document !== 'undefined' && !webglAvailable()
      ? 'This browser has no WebGL, so the 3D view is off; the plots below show the same flights.'
      : null,
  );

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || failure) return;
    let renderer: THREE.WebGLRenderer;
    try {
      renderer = new THREE.WebGLRenderer({ canvas, antialias: true });
    } catch (e) {
      // Reported after the effect (a state change inside it would render twice).
      queueMicrotask(() =>
        setFailure(
          `The 3D view could not start WebGL (${e instanceof Error ? e.message : String(e)}); the plots below show the same flights.`,
        ),
      );
      return;
    }
    const width = 520;
    const height = 300;
    renderer.setPixelRatio(Math.min(2, window.devicePixelRatio || 1));
    renderer.setSize(width, height, false);
    const scene = new THREE.Scene();
    scene.background = new THREE.Color('#f1f5f9');
    const camera = new THREE.PerspectiveCamera(38, width / height, 0.05, 20);
    camera.position.set(0.4, 0.3, 0.56);
    camera.lookAt(0, -0.03, 0);
    scene.add(new THREE.HemisphereLight('#ffffff', '#94a3b8', 2.2));
    const sun = new THREE.DirectionalLight('#ffffff', 1.6);
    sun.position.set(1, 2, 1);
    scene.add(sun);

    const geometries: THREE.BufferGeometry[] = [];
    const materials = {
      body: new THREE.MeshStandardMaterial({ color: '#1e293b' }),
      arm: new THREE.MeshStandardMaterial({ color: '#475569' }),
      front: new THREE.MeshStandardMaterial({ color: '#c2410c' }),
      rotor: new THREE.MeshStandardMaterial({ color: '#2563eb', transparent: true, opacity: 0.75 }),
      ghost: new THREE.MeshBasicMaterial({
        color: '#15803d',
        wireframe: true,
        transparent: true,
        opacity: 0.55,
      }),
    };
    const vehicle = buildVehicle(materials, geometries);
    scene.add(vehicle.group);
    const ghost = buildVehicle(
      { body: materials.ghost, arm: materials.ghost, front: materials.ghost, rotor: materials.ghost },
      geometries,
    );
    scene.add(ghost.group);
    const grid = new THREE.GridHelper(1.6, 16, '#94a3b8', '#cbd5e1');
    grid.position.y = -0.3;
    scene.add(grid);
    const arrows = [-0.35, 0, 0.35].map((offset) => {
      const arrow = new THREE.ArrowHelper(
        new THREE.Vector3(1, 0, 0),
        new THREE.Vector3(-0.6, 0.15, offset),
        0.2,
        '#0369a1',
        0.06,
        0.04,
      );
      scene.add(arrow);
      return arrow;
    });

    let raf = 0;
    const direction = new THREE.Vector3();
    const draw = () => {
      const f = frame.current;
      if (f) {
        setAttitude(vehicle.group, f.attitude);
        setAttitude(ghost.group, f.reference);
        vehicle.rotors.forEach((r, i) => {
          const s = 0.6 + (0.8 * Math.min(THRUST_MAX, Math.max(0, f.thrusts[i]))) / THRUST_MAX;
          r.scale.set(s, 1, s);
        });
        const speed = Math.hypot(f.wind[0], f.wind[1]);
        arrows.forEach((arrow, i) => {
          arrow.visible = speed > 0.05;
          if (!arrow.visible) return;
          // Wind blowing towards (x, y) in the sim frame is (x, 0, −y) here; the arrows start upwind, side by side.
          direction.set(f.wind[0], 0, -f.wind[1]).normalize();
          const length = Math.min(0.3, 0.015 * speed + 0.06);
          const side = 0.16 * (i - 1);
          const back = 0.3 + length;
          arrow.position.set(
            -direction.x * back - direction.z * side,
            0.1,
            -direction.z * back + direction.x * side,
          );
          arrow.setDirection(direction);
          arrow.setLength(length, 0.05, 0.035);
        });
      }
      renderer.render(scene, camera);
      raf = requestAnimationFrame(draw);
    };
    raf = requestAnimationFrame(draw);

    return () => {
      cancelAnimationFrame(raf);
      arrows.forEach((a) => a.dispose());
      grid.geometry.dispose();
      (grid.material as THREE.Material).dispose();
      geometries.forEach((g) => g.dispose());
      Object.values(materials).forEach((m) => m.dispose());
      renderer.dispose();
      renderer.forceContextLoss();
    };
  }, [frame, failure]);

  if (failure)
    return (
      <p className="impc-no-webgl" role="status" data-testid="impc-no-webgl">
        {failure}
      </p>
    );
  return (
    <canvas
      ref={canvasRef}
      className="impc-scene"
      width={520}
      height={300}
      role="img"
      aria-label={label}
      data-testid="impc-scene"
    />
  );
}
