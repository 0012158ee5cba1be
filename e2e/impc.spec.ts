import { savePreview, expect, plotEnds, saveScreenshot, seriousAxeViolations, test } from './support';

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

    // A steady wind (arrows in the 3D view) for the screenshot: 10 slider steps of 0.5 m/s.
    const windSlider = page.getByLabel('steady wind (m/s)');
    await windSlider.focus();
    for (let i = 0; i < 10; i++) await windSlider.press('ArrowRight');
    await expect(page.getByTestId('impc-flight-readout')).toContainText('wind 5.0 m/s');

    await saveScreenshot(page, 'impc');
    // The landing card's preview: the flight panel, whole.
    await savePreview(page.locator('.impc-flight'), 'impc');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  test('without WebGL the page says so instead of the 3D view, and still simulates', async ({
    page,
    consoleErrors,
  }) => {
    // Only the page's canvases lose WebGL (the training worker keeps its own backend).
    await page.addInitScript(() => {
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (
        this: HTMLCanvasElement,
        type: string,
        ...rest: unknown[]
      ) {
        if (type === 'webgl' || type === 'webgl2' || type === 'experimental-webgl') return null;
        return (original as (this: HTMLCanvasElement, ...a: unknown[]) => unknown).call(this, type, ...rest);
      } as typeof HTMLCanvasElement.prototype.getContext;
    });
    await page.goto('/#/impc');
    await expect(page.getByTestId('impc-no-webgl')).toBeVisible();
    await expect(page.getByTestId('impc-scene')).toHaveCount(0);
    await expect(page.getByTestId('impc-plot-roll')).toBeVisible();
    await page.getByTestId('gust').click();
    await expect(page.getByTestId('impc-flight-readout')).toContainText('gusts injected: 1');
    expect(consoleErrors).toEqual([]);
  });
});
