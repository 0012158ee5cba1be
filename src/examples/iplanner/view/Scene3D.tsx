import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import * as THREE from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import type { DepthCameraSpec } from '../sensing/camera.ts';
import type { Point2, Pose2, World } from '../worlds/types.ts';
import { renderDepthWebGL } from './depth-readback.ts';
import { IPlannerScene } from './scene-graph.ts';

export interface ScenePaths {
  learned?: ArrayLike<number>;
  classical?: ArrayLike<number>;
  keypoints?: ArrayLike<number>;
  trace?: ArrayLike<number>;
}

/** Renders the world's depth layer from a robot pose (for the depth check); null without WebGL. */
export type DepthRenderer = (pose: Pose2) => Float32Array;

interface Scene3DProps {
  world: World;
  selectedId: number | null;
  robot: Pose2;
  paths: ScenePaths;
  camera: DepthCameraSpec;
  /** A click (not an orbit drag) on the ground or an obstacle. */
  onPick: (point: Point2, obstacleId: number | null) => void;
  /** Receives the depth renderer once WebGL runs (null when it stops). */
  onDepthRenderer: (render: DepthRenderer | null) => void;
}

interface Three {
  renderer: THREE.WebGLRenderer;
  view: THREE.PerspectiveCamera;
  controls: OrbitControls;
  graph: IPlannerScene;
  render: () => void;
}

function webglAvailable(): boolean {
  try {
    const canvas = document.createElement('canvas');
    return !!(canvas.getContext('webgl2') ?? canvas.getContext('webgl'));
  } catch {
    return false;
  }
}

/** The 3D view: orbit camera, the world, the robot and its plans. Shows a message instead when WebGL is missing. */
export function Scene3D({ world, selectedId, robot, paths, camera, onPick, onDepthRenderer }: Scene3DProps) {
  const host = useRef<HTMLDivElement>(null);
  const three = useRef<Three | null>(null);
  const [failure, setFailure] = useState<string | null>(() =>
    webglAvailable()
      ? null
      : 'WebGL is not available in this browser, so the 3D view is off. Planning, training, driving and the depth inset still work.',
  );
  const pick = useRef(onPick);
  useLayoutEffect(() => {
    pick.current = onPick;
  });

  useEffect(() => {
    const el = host.current;
    if (!el || failure) return;
    let renderer: THREE.WebGLRenderer;
    try {
      renderer = new THREE.WebGLRenderer({ antialias: true });
    } catch (e) {
      const message = `The 3D view could not start WebGL (${e instanceof Error ? e.message : String(e)}).`;
      // Reported after the effect, not during it.
      void Promise.resolve().then(() => setFailure(message));
      return;
    }
    renderer.setPixelRatio(Math.min(2, window.devicePixelRatio || 1));
    el.appendChild(renderer.domElement);
    renderer.domElement.setAttribute('role', 'img');
    renderer.domElement.setAttribute(
      'aria-label',
      'The 3D world: obstacles, the robot with its depth camera, the learned path (orange), the classical path (green, dashed) and the goal (red). Drag to orbit, scroll to zoom, click to edit.',
    );
    const view = new THREE.PerspectiveCamera(45, 1, 0.1, 500);
    view.up.set(0, 0, 1);
    const controls = new OrbitControls(view, renderer.domElement);
    controls.enableDamping = false;
    const graph = new IPlannerScene(camera);
    let frame = 0;
    const render = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        renderer.render(graph.scene, view);
      });
    };
    controls.addEventListener('change', render);
    const resize = () => {
      const w = Math.max(100, el.clientWidth);
      const h = Math.round(Math.min(560, Math.max(260, w * 0.6)));
      renderer.setSize(w, h);
      view.aspect = w / h;
      view.updateProjectionMatrix();
      render();
    };
    const observer = new ResizeObserver(resize);
    observer.observe(el);
    resize();

    let down: { x: number; y: number } | null = null;
    const onDown = (e: PointerEvent) => {
      down = { x: e.clientX, y: e.clientY };
    };
    const onUp = (e: PointerEvent) => {
      if (!down || Math.hypot(e.clientX - down.x, e.clientY - down.y) > 5) return;
      down = null;
      const rect = renderer.domElement.getBoundingClientRect();
      const ndc = new THREE.Vector2(
        ((e.clientX - rect.left) / rect.width) * 2 - 1,
        -((e.clientY - rect.top) / rect.height) * 2 + 1,
      );
      const ray = new THREE.Raycaster();
      ray.setFromCamera(ndc, view);
      const obstacles = [...graph.obstacleMeshes.values()];
      const hit = ray.intersectObjects(obstacles, false)[0];
      if (hit) {
        pick.current(
          { x: hit.object.position.x, y: hit.object.position.y },
          hit.object.userData.obstacleId as number,
        );
        return;
      }
      const ground = graph.ground ? ray.intersectObject(graph.ground, false)[0] : undefined;
      if (ground) pick.current({ x: ground.point.x, y: ground.point.y }, null);
    };
    renderer.domElement.addEventListener('pointerdown', onDown);
    renderer.domElement.addEventListener('pointerup', onUp);
    three.current = { renderer, view, controls, graph, render };
    onDepthRenderer((pose) => renderDepthWebGL(renderer, graph.scene, camera, pose));

    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      renderer.domElement.removeEventListener('pointerdown', onDown);
      renderer.domElement.removeEventListener('pointerup', onUp);
      controls.dispose();
      graph.dispose();
      renderer.dispose();
      renderer.forceContextLoss();
      renderer.domElement.remove();
      three.current = null;
      onDepthRenderer(null);
    };
  }, [camera, onDepthRenderer, failure]);

  // Frame the robot and its goal when a new world is loaded (not on every edit): from high up and a little south,
  // so that paths between tall trunks stay visible.
  const worldKey = `${world.kind}|${world.seed}|${world.bounds.maxX}|${world.bounds.maxY}`;
  useEffect(() => {
    const t = three.current;
    if (!t) return;
    const mx = (world.start.x + world.goal.x) / 2;
    const my = (world.start.y + world.goal.y) / 2;
    const span = Math.max(10, 1.6 * Math.hypot(world.goal.x - world.start.x, world.goal.y - world.start.y));
    t.view.position.set(mx, my - 0.5 * span, 1.05 * span);
    t.controls.target.set(mx, my, 0);
    t.controls.update();
    t.render();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new world re-frames the camera
  }, [worldKey]);

  useEffect(() => {
    const t = three.current;
    if (!t) return;
    t.graph.setWorld(world, selectedId);
    t.graph.setGoal(world.goal);
    t.render();
  }, [world, selectedId]);

  useEffect(() => {
    const t = three.current;
    if (!t) return;
    t.graph.setRobot(robot);
    t.render();
  }, [robot]);

  useEffect(() => {
    const t = three.current;
    if (!t) return;
    t.graph.setPaths(paths);
    t.render();
  }, [paths]);

  return (
    <div className="iplanner-scene" ref={host} data-testid="scene-3d">
      {failure && (
        <p className="iplanner-no-webgl" role="status">
          {failure}
        </p>
      )}
    </div>
  );
}
