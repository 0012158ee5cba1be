import { mkdirSync } from 'node:fs';
import { expect, plotEnds, saveScreenshot, seriousAxeViolations, test } from './support';

test.describe('iMPC', () => {
  test('trains m, J and the denoiser in the worker, flies a gust, compares and checks gradients', async ({
    page,
    consoleErrors,
  }) => {
    await page.goto('/#/impc');
    await expect(page.getByTestId('backend-badge')).toBeVisible();
    // The flight is simulated for all three controllers and animated (3D view, or its no-WebGL message).
    await expect(page.getByTestId('impc-plot-roll')).toBeVisible();
    await expect(page.getByTestId('impc-scene').or(page.getByTestId('impc-no-webgl'))).toBeVisible();
    // The held-out comparison runs once on load (before training: the learned p is still the start).
    await expect(page.getByTestId('impc-metrics').locator('tbody tr')).toHaveCount(3);

    await page.getByTestId('play').click();
    await expect
      .poll(async () => (await plotEnds(page, 'plot-upper')).points, { timeout: 90_000 })
      .toBeGreaterThan(12);
    await page.getByTestId('pause').click();
    const u = await plotEnds(page, 'plot-upper');
    expect(Number.isFinite(u.first) && Number.isFinite(u.last)).toBe(true);
    // U is measured on each step's own flight segment (hover or manoeuvre), so it is noisy step to step: it
    // must move; what must fall is the mass, from its 50 %-off start (1.875 kg) towards 1.25 kg.
    expect(u.last).not.toBe(u.first);
    const mass = await plotEnds(page, 'impc-plot-m');
    expect(mass.points).toBeGreaterThan(12);
    expect(mass.first).toBeCloseTo(1.875, 2);
    expect(mass.last).toBeLessThan(mass.first - 0.01);

    // A gust injected into the running simulation shows up in the replayed flight.
    const readout = page.getByTestId('impc-flight-readout');
    await expect(readout).toContainText('gusts injected: 0');
    await page.getByTestId('gust').click();
    await expect(readout).toContainText('gusts injected: 1');

    // The live gradient check: the implicit VJP agrees with finite differences.
    await expect(page.getByTestId('impc-gradcheck')).toBeVisible();
    const implicitError = Number(await page.getByTestId('impc-implicit-error').textContent());
    expect(implicitError).toBeLessThan(1e-3);

    await page.getByTestId('impc-compare').click();
    await expect(page.getByTestId('impc-compare')).toHaveText('Compare now', { timeout: 90_000 });

    // The shipped pretrained weights load (m and J near the truth) and training continues from them.
    await page.getByTestId('load-pretrained').click();
    await page.getByTestId('step').click();
    await expect
      .poll(async () => Math.abs((await plotEnds(page, 'impc-plot-m')).last - 1.25), { timeout: 30_000 })
      .toBeLessThan(0.05);

    await saveScreenshot(page, 'impc');
    // The landing card's preview: a 640 × 360 crop of the flight panel.
    const flight = page.locator('.impc-flight');
    await flight.scrollIntoViewIfNeeded();
    const box = await flight.boundingBox();
    if (box) {
      mkdirSync('public/previews', { recursive: true });
      await page.screenshot({
        path: 'public/previews/impc.png',
        clip: { x: box.x, y: box.y, width: 640, height: 360 },
      });
    }
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
