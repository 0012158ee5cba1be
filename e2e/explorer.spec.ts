import {
  expect,
  measureFrameTimes,
  plotEnds,
  savePreview,
  saveScreenshot,
  seriousAxeViolations,
  test,
} from './support';

test.describe('bilevel gradient explorer', () => {
  test('trains θ in the worker: U falls, the UI stays smooth, and the page passes axe', async ({
    page,
    consoleErrors,
  }) => {
    await page.goto('/#/explorer');
    await expect(page.getByTestId('backend-badge')).toBeVisible();
    await expect(page.getByTestId('hypergradient-table').locator('tbody tr')).toHaveCount(4);
    await page.getByTestId('play').click();
    const frames = await measureFrameTimes(page, 3000);
    console.log(
      `explorer: main-thread frame times while training: median ${frames.median.toFixed(1)} ms, p95 ${frames.p95.toFixed(1)} ms, max ${frames.max.toFixed(1)} ms over ${frames.frames} frames`,
    );
    await expect
      .poll(async () => (await plotEnds(page, 'plot-upper')).points, { timeout: 60_000 })
      .toBeGreaterThan(50);
    await page.getByTestId('pause').click();
    const u = await plotEnds(page, 'plot-upper');
    expect(u.last).toBeLessThan(u.first);
    expect(frames.p95).toBeLessThan(250);
    // The implicit error collapses with CG iterations (n defaults to the training n = 5, rises to 50).
    await expect(page.getByTestId('error-exact')).toHaveText('0 (reference)');
    await saveScreenshot(page, 'explorer');
    // The landing card's preview: the hypergradient table and the contour with the descent path.
    await savePreview(page.locator('.two-col'), 'explorer');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  test('a copied URL reproduces the run', async ({ page, browser, consoleErrors }) => {
    await page.goto('/#/explorer?v=1&preset=unrolled-short&seed=42&lr=0.05&batch=1&opt=adam');
    await expect(page.getByTestId('step-count')).toHaveText(/step 0/);
    await expect(page.getByTestId('step')).toBeEnabled();
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('s');
      await expect(page.getByTestId('step-count')).toHaveText(new RegExp(`step ${i + 1}\\b`));
    }
    const readout = await page.getByTestId('plot-readout').textContent();
    const url = page.url();
    expect(url).toContain('seed=42');
    expect(url).toContain('p.method=unrolled');
    const second = await browser.newPage();
    await second.goto(url);
    await expect(second.getByTestId('step')).toBeEnabled();
    for (let i = 0; i < 5; i++) {
      await second.getByTestId('step').click();
      await expect(second.getByTestId('step-count')).toHaveText(new RegExp(`step ${i + 1}\\b`));
    }
    // Same seed and settings: the same U and L to the last digit (ms per step may differ).
    const strip = (s: string | null) => (s ?? '').replace(/, [\d.]+ ms\/step/, '');
    expect(strip(await second.getByTestId('plot-readout').textContent())).toBe(strip(readout));
    await second.close();
    expect(consoleErrors).toEqual([]);
  });
});
