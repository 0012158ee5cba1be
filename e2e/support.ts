import { expect, test as base, type Locator, type Page } from '@playwright/test';
import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';

const require = createRequire(import.meta.url);
const axeSource: string = (require('axe-core') as { source: string }).source;

export const SCREENSHOT_DIR = 'test-results/screenshots';
/** Landing-card crops (640 × 360) each page test writes; `npm run previews` copies them into public/previews. */
export const PREVIEW_DIR = 'test-results/previews';

/** Every page collects console errors and uncaught exceptions; a test fails if any appeared. */
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    page.on('pageerror', (err) => errors.push(`uncaught: ${err.message}`));
    await use(errors);
  },
});
export { expect };

/** Runs axe-core in the page and returns the serious and critical violations. */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (ctx: Document) => Promise<{
            violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)),
    }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact}: ${v.id} (${v.help}) at ${v.targets.join(', ')}`);
}

/**
 * A landing card's preview (640 × 360): the whole element, scaled to fit and centred on white — never a crop
 * through its text (a fixed 640 × 360 clip cut the cards' labels mid-word).
 */
export async function savePreview(target: Locator, name: string): Promise<void> {
  await target.scrollIntoViewIfNeeded();
  const shot = await target.screenshot();
  const frame = await target.page().context().newPage();
  await frame.setViewportSize({ width: 640, height: 360 });
  await frame.setContent(
    '<body style="margin:0;background:#ffffff">' +
      '<img alt="" style="display:block;width:640px;height:360px;object-fit:contain" ' +
      `src="data:image/png;base64,${shot.toString('base64')}"></body>`,
  );
  await frame.locator('img').evaluate((img: HTMLImageElement) => img.decode());
  mkdirSync(PREVIEW_DIR, { recursive: true });
  await frame.screenshot({ path: `${PREVIEW_DIR}/${name}.png` });
  await frame.close();
}

export async function saveScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png`, fullPage: true });
}

/** Frame intervals (ms) on the main thread over `ms`, measured with requestAnimationFrame. */
export async function measureFrameTimes(
  page: Page,
  ms: number,
): Promise<{ median: number; p95: number; max: number; frames: number }> {
  return page.evaluate(
    (duration) =>
      new Promise<{ median: number; p95: number; max: number; frames: number }>((resolve) => {
        const deltas: number[] = [];
        let last = performance.now();
        const start = last;
        const tick = (t: number) => {
          deltas.push(t - last);
          last = t;
          if (t - start < duration) requestAnimationFrame(tick);
          else {
            deltas.sort((a, b) => a - b);
            const q = (p: number) => deltas[Math.min(deltas.length - 1, Math.floor(p * deltas.length))];
            resolve({ median: q(0.5), p95: q(0.95), max: deltas[deltas.length - 1], frames: deltas.length });
          }
        };
        requestAnimationFrame(tick);
      }),
    ms,
  );
}

/** Reads the first and last value of a live plot's first series. */
export async function plotEnds(
  page: Page,
  testId: string,
): Promise<{ first: number; last: number; points: number }> {
  const svg = page.getByTestId(testId);
  const [first, last, points] = await Promise.all([
    svg.getAttribute('data-first-y'),
    svg.getAttribute('data-last-y'),
    svg.getAttribute('data-points'),
  ]);
  return { first: Number(first), last: Number(last), points: Number((points ?? '0').split(',')[0]) };
}
