import { useEffect, useMemo, useRef } from 'react';
import { createGridMap } from '../maps/grid-map.ts';
import type { Rgb } from './palette.ts';
import { cellPixels } from './guidance-colours.ts';
import { drawGrid } from './grid-draw.ts';
import { useElementWidth } from './use-element-width.ts';
import { fitCamera, layout } from './viewport.ts';

interface GuidanceMapProps {
  width: number;
  height: number;
  blocked: Uint8Array;
  /** One value per cell, coloured by `colour`. */
  values: Float32Array;
  colour: (v: number) => Rgb;
  /** Cells drawn as dots (the expanded cells). */
  marks: Int32Array;
  path: Int32Array;
  start: number;
  goal: number;
  label: string;
  testId: string;
}

/** A per-cell map (the learned guidance, or the push of the UL cost) with a search's expansions and path on top. */
export function GuidanceMap(props: GuidanceMapProps) {
  const { width, height, blocked, values, colour, marks, path, start, goal, label, testId } = props;
  const [wrapRef, cw] = useElementWidth<HTMLDivElement>(320);
  const side = Math.min(cw, 420);
  const ch = Math.round((side * height) / width);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const map = useMemo(() => createGridMap(width, height, blocked), [width, height, blocked]);
  const image = useMemo(() => {
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const pixels = cellPixels(values, blocked, colour);
    canvas.getContext('2d')?.putImageData(new ImageData(pixels, width, height), 0, 0);
    return canvas;
  }, [values, blocked, colour, width, height]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const l = layout(fitCamera(width, height), width, height, side, ch);
    drawGrid(canvas, window.devicePixelRatio || 1, side, ch, l, image, map, {
      path: path.length > 1 ? path : null,
      current: -1,
      start: { x: start % width, y: Math.floor(start / width) },
      goal: { x: goal % width, y: Math.floor(goal / width) },
      markerMin: 5,
      marks,
    });
  }, [image, map, marks, path, start, goal, width, height, side, ch]);

  return (
    <div className="ia-guidance-map" ref={wrapRef}>
      <canvas
        ref={canvasRef}
        style={{ width: side, height: ch }}
        role="img"
        aria-label={label}
        data-testid={testId}
      />
    </div>
  );
}
