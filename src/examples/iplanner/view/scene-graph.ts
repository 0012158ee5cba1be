/**
 * The three.js scene of the iPlanner page, without React: the world (ground and primitives, also on the depth
 * layer so that a depth render sees exactly them), the robot with its depth-camera frustum, the planned paths
 * (learned and classical), the key points, the goal and the robot's trace. World frame: x east, y north, z up.
 */
import * as THREE from 'three';
import { threeCameraSetup, type DepthCameraSpec } from '../sensing/camera.ts';
import type { Obstacle, Point2, Pose2, World } from '../worlds/types.ts';

/** The layer the depth render sees: ground and obstacles only. */
export const DEPTH_LAYER = 1;

const COLORS = {
  ground: 0xe5e7eb,
  groundOutside: 0xd1d5db,
  trunk: 0x8b5e3c,
  bush: 0x4d7c0f,
  wall: 0x9ca3af,
  furniture: 0x64748b,
  selected: 0xf59e0b,
  robot: 0x1d4ed8,
  learned: 0xc2410c,
  classical: 0x15803d,
  keypoint: 0xc2410c,
  goal: 0xdc2626,
  trace: 0x7c3aed,
};

function obstacleColor(o: Obstacle): number {
  if (o.kind === 'cylinder') return o.height > 2 ? COLORS.trunk : COLORS.bush;
  return o.height >= 2 ? COLORS.wall : COLORS.furniture;
}

function disposeObject(root: THREE.Object3D): void {
  root.traverse((child) => {
    const mesh = child as THREE.Mesh;
    mesh.geometry?.dispose();
    const m = mesh.material as THREE.Material | THREE.Material[] | undefined;
    if (Array.isArray(m)) m.forEach((x) => x.dispose());
    else m?.dispose();
  });
}

/** A path (world xy, interleaved) as a thin tube a little above the ground (GL lines are always 1 px wide). */
function tube(points: ArrayLike<number>, color: number, z: number, radius: number): THREE.Mesh {
  const vertices: THREE.Vector3[] = [];
  for (let i = 0; i + 1 < points.length; i += 2) {
    const v = new THREE.Vector3(points[i], points[i + 1], z);
    if (!vertices.length || vertices[vertices.length - 1].distanceTo(v) > 1e-3) vertices.push(v);
  }
  if (vertices.length < 2) vertices.push(vertices[0].clone().add(new THREE.Vector3(1e-3, 0, 0)));
  const path = new THREE.CurvePath<THREE.Vector3>();
  for (let i = 0; i + 1 < vertices.length; i++) path.add(new THREE.LineCurve3(vertices[i], vertices[i + 1]));
  const geometry = new THREE.TubeGeometry(path, Math.min(600, 2 * vertices.length), radius, 6, false);
  return new THREE.Mesh(geometry, new THREE.MeshStandardMaterial({ color }));
}

export class IPlannerScene {
  readonly scene = new THREE.Scene();
  private readonly world = new THREE.Group();
  private readonly overlay = new THREE.Group();
  private readonly paths = new THREE.Group();
  private readonly robot = new THREE.Group();
  private readonly goal: THREE.Mesh;
  private readonly frustumCamera: THREE.PerspectiveCamera;
  private readonly frustum: THREE.CameraHelper;
  /** Obstacle meshes by id, for picking. */
  readonly obstacleMeshes = new Map<number, THREE.Mesh>();
  ground: THREE.Mesh | null = null;

  constructor(private readonly camera: DepthCameraSpec) {
    this.scene.background = new THREE.Color(0xf8fafc);
    this.scene.add(new THREE.HemisphereLight(0xffffff, 0x94a3b8, 2.2));
    const sun = new THREE.DirectionalLight(0xffffff, 1.4);
    sun.position.set(-10, -20, 30);
    this.scene.add(sun);
    this.scene.add(this.world, this.overlay);
    this.overlay.add(this.paths, this.robot);

    const body = new THREE.Mesh(
      new THREE.CylinderGeometry(0.3, 0.3, 0.5, 32).rotateX(Math.PI / 2).translate(0, 0, 0.25),
      new THREE.MeshStandardMaterial({ color: COLORS.robot }),
    );
    const nose = new THREE.Mesh(
      new THREE.ConeGeometry(0.12, 0.3, 16).rotateZ(-Math.PI / 2).translate(0.35, 0, 0.45),
      new THREE.MeshStandardMaterial({ color: 0xffffff }),
    );
    // A mast and a ring at the goal tolerance keep the robot and the goal visible among tall trunks.
    const mast = new THREE.Mesh(
      new THREE.CylinderGeometry(0.05, 0.05, 1.6, 12).rotateX(Math.PI / 2).translate(0, 0, 0.8),
      new THREE.MeshStandardMaterial({ color: COLORS.robot }),
    );
    this.robot.add(body, nose, mast);
    // The frustum is drawn short (2 m) so it does not hide the scene; the depth render uses the full range.
    this.frustumCamera = new THREE.PerspectiveCamera(45, 2, camera.near, 2);
    this.frustum = new THREE.CameraHelper(this.frustumCamera);
    this.overlay.add(this.frustum);

    this.goal = new THREE.Mesh(
      new THREE.CylinderGeometry(0.06, 0.06, 2, 12).rotateX(Math.PI / 2).translate(0, 0, 1),
      new THREE.MeshStandardMaterial({ color: COLORS.goal }),
    );
    const ring = new THREE.Mesh(
      new THREE.TorusGeometry(0.5, 0.05, 8, 48).translate(0, 0, 0.05),
      new THREE.MeshStandardMaterial({ color: COLORS.goal }),
    );
    const flag = new THREE.Mesh(
      new THREE.BoxGeometry(0.5, 0.04, 0.32).translate(0.25, 0, 1.82),
      new THREE.MeshStandardMaterial({ color: COLORS.goal }),
    );
    this.goal.add(ring, flag);
    this.overlay.add(this.goal);
  }

  setWorld(world: World, selected: number | null): void {
    disposeObject(this.world);
    this.world.clear();
    this.obstacleMeshes.clear();
    const b = world.bounds;
    const cx = (b.minX + b.maxX) / 2;
    const cy = (b.minY + b.maxY) / 2;
    // The ray caster's ground is infinite: a plane reaching past the camera's range from anywhere in the world
    // stands in for it in the depth render, in small tiles (huge clipped triangles lose depth precision).
    const reach = 2 * Math.max(b.maxX - b.minX, b.maxY - b.minY) + 4 * this.camera.maxRange;
    const ground = new THREE.Mesh(
      new THREE.PlaneGeometry(reach, reach, 64, 64).translate(cx, cy, 0),
      new THREE.MeshStandardMaterial({ color: COLORS.groundOutside }),
    );
    ground.layers.enable(DEPTH_LAYER);
    this.ground = ground;
    const inside = new THREE.Mesh(
      new THREE.PlaneGeometry(b.maxX - b.minX, b.maxY - b.minY).translate(cx, cy, 0.002),
      new THREE.MeshStandardMaterial({ color: COLORS.ground }),
    );
    const grid = new THREE.GridHelper(Math.max(b.maxX - b.minX, b.maxY - b.minY), 20, 0xcbd5e1, 0xe2e8f0);
    grid.rotation.x = Math.PI / 2;
    grid.position.set(cx, cy, 0.004);
    this.world.add(ground, inside, grid);
    for (const o of world.obstacles) {
      const geometry =
        o.kind === 'cylinder'
          ? new THREE.CylinderGeometry(o.radius, o.radius, o.height, 48).rotateX(Math.PI / 2)
          : new THREE.BoxGeometry(2 * o.halfX, 2 * o.halfY, o.height);
      const mesh = new THREE.Mesh(
        geometry,
        new THREE.MeshStandardMaterial({ color: o.id === selected ? COLORS.selected : obstacleColor(o) }),
      );
      mesh.position.set(o.x, o.y, o.height / 2);
      if (o.kind === 'box') mesh.rotation.z = o.yaw;
      mesh.layers.enable(DEPTH_LAYER);
      mesh.userData.obstacleId = o.id;
      this.obstacleMeshes.set(o.id, mesh);
      this.world.add(mesh);
    }
  }

  setRobot(pose: Pose2): void {
    this.robot.position.set(pose.x, pose.y, 0);
    this.robot.rotation.z = pose.yaw;
    const setup = threeCameraSetup(this.camera, pose);
    this.frustumCamera.fov = setup.fovDeg;
    this.frustumCamera.aspect = setup.aspect;
    this.frustumCamera.updateProjectionMatrix();
    this.frustumCamera.position.set(...setup.position);
    this.frustumCamera.up.set(...setup.up);
    this.frustumCamera.lookAt(...setup.lookAt);
    this.frustumCamera.updateMatrixWorld();
    this.frustum.update();
  }

  setGoal(goal: Point2): void {
    this.goal.position.set(goal.x, goal.y, 0);
  }

  setPaths(p: {
    learned?: ArrayLike<number>;
    classical?: ArrayLike<number>;
    keypoints?: ArrayLike<number>;
    trace?: ArrayLike<number>;
  }): void {
    disposeObject(this.paths);
    this.paths.clear();
    if (p.classical && p.classical.length >= 4)
      this.paths.add(tube(p.classical, COLORS.classical, 0.05, 0.05));
    if (p.trace && p.trace.length >= 4) this.paths.add(tube(p.trace, COLORS.trace, 0.03, 0.04));
    if (p.learned && p.learned.length >= 4) this.paths.add(tube(p.learned, COLORS.learned, 0.08, 0.07));
    if (p.keypoints) {
      const material = new THREE.MeshStandardMaterial({ color: COLORS.keypoint });
      for (let i = 0; i + 1 < p.keypoints.length; i += 2) {
        const dot = new THREE.Mesh(new THREE.SphereGeometry(0.14, 12, 8), material);
        dot.position.set(p.keypoints[i], p.keypoints[i + 1], 0.09);
        this.paths.add(dot);
      }
    }
  }

  dispose(): void {
    disposeObject(this.scene);
    this.frustum.dispose();
    this.scene.clear();
  }
}
