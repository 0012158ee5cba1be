import { useEffect, useRef } from 'react';

/** Viridis-like stops, near (yellow) → far (purple). */
const STOPS: [number, number, number][] = [
  [253, 231, 37],
  [94, 201, 98],
  [33, 145, 140],
  [59, 82, 139],
  [68, 1, 84],
];

function colour(t: number): [number, number, number] {
  const x = Math.min(1, Math.max(0, t)) * (STOPS.length - 1);
  const i = Math.min(STOPS.length - 2, Math.floor(x));
  const f = x - i;
  const a = STOPS[i];
  const b = STOPS[i + 1];
  return [a[0] + f * (b[0] - a[0]), a[1] + f * (b[1] - a[1]), a[2] + f * (b[2] - a[2])];
}

interface DepthInsetProps {
  depth: Float32Array | null;
  width: number;
  height: number;
  maxRange: number;
  label: string;
  testId?: string;
}

/** The depth image as the network sees it: one canvas pixel per image pixel, scaled up without smoothing. */
export function DepthInset({ depth, width, height, maxRange, label, testId }: DepthInsetProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const img = ctx.createImageData(width, height);
    for (let i = 0; i < width * height; i++) {
      const d = depth ? depth[i] : 0;
      const [r, g, b] = d > 0 ? colour(d / maxRange) : [255, 255, 255];
      img.data[4 * i] = r;
      img.data[4 * i + 1] = g;
      img.data[4 * i + 2] = b;
      img.data[4 * i + 3] = 255;
    }
    ctx.putImageData(img, 0, 0);
  }, [depth, width, height, maxRange]);
  return (
    <figure className="iplanner-depth">
      <canvas ref={ref} width={width} height={height} role="img" aria-label={label} data-testid={testId} />
      <figcaption>
        {label} <span className="iplanner-depth-scale">near</span>
        <span className="iplanner-depth-bar" aria-hidden="true" />
        <span className="iplanner-depth-scale">{maxRange} m · white: no return</span>
      </figcaption>
    </figure>
  );
}
