import { defineConfig } from '@playwright/test';
import { execFileSync } from 'node:child_process';

/**
 * End-to-end tests drive Debian's Chromium (never a downloaded browser) against the built app served on
 * 127.0.0.1. Flags from ../shared/BROWSER.md give WebGL2 and WebGPU through SwiftShader; tests run one at a time.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu-sandbox',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--enable-unsafe-webgpu',
];

/**
 * The port the built app is served on: E2E_PORT when set, otherwise a free one the system gives (so `npm test` runs
 * beside `npm run preview` on 4173 or another test run). The config is read again in each test worker, so the
 * first read stores its choice in process.env, which the workers inherit. Node cannot listen synchronously, so a
 * child Node process asks for port 0 and prints the port it got.
 */
function freePort(): number {
  const script =
    "const s = require('node:net').createServer(); s.listen(0, '127.0.0.1', () => { process.stdout.write(String(s.address().port)); s.close(); });";
  return Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).trim());
}
process.env.E2E_PORT ??= String(freePort());
const PORT = Number(process.env.E2E_PORT);

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  timeout: 240_000,
  expect: { timeout: 60_000 },
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  outputDir: 'test-results/e2e-artifacts',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    viewport: { width: 1440, height: 900 },
    // The app's service worker precaches the whole build (about 12 MB) on a first visit; only e2e/offline.spec.ts,
    // which tests it, lets it run, so the other tests keep their timings.
    serviceWorkers: 'block',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS },
  },
  projects: [
    { name: 'chromium', testIgnore: '**/no-webgpu.spec.ts' },
    {
      // The same Chromium without --enable-unsafe-webgpu: navigator.gpu gives no adapter, as on many user machines.
      name: 'chromium-without-webgpu',
      testMatch: '**/no-webgpu.spec.ts',
      use: {
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: CHROMIUM_ARGS.filter((a) => a !== '--enable-unsafe-webgpu'),
        },
      },
    },
  ],
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
