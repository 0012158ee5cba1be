import { mkdirSync } from 'node:fs';
import { PREVIEW_DIR, expect, plotEnds, saveScreenshot, seriousAxeViolations, test } from './support';

test.describe('iPlanner', () => {
  test('trains f(θ, x) through the spline, its depth inset matches a WebGL depth render, it drives and compares', async ({
    page,
    consoleErrors,
  }) => {
    await page.goto('/#/iplanner?v=1&preset=forest&seed=1&lr=0.003&batch=8&opt=adam');
    await expect(page.getByTestId('backend-badge')).toBeVisible();
    const canvas = page.getByTestId('scene-3d').locator('canvas');
    await expect(canvas).toBeVisible();
    // The first plan on the editor's world arrives from the worker (learned + classical).
    await expect(page.getByTestId('plan-readout')).toContainText('classical', { timeout: 90_000 });

    // The depth image the network sees agrees with a depth render of the same three.js scene.
    await page.getByTestId('depth-check').click();
    const agreement = page.getByTestId('depth-agreement');
    await expect(agreement).toBeVisible();
    const within = Number(await agreement.getAttribute('data-within'));
    const median = Number(await agreement.getAttribute('data-median'));
    console.log(
      `iplanner: ray cast vs WebGL depth: ${(100 * within).toFixed(1)} % within 5 cm, median ${median} m`,
    );
    expect(within).toBeGreaterThanOrEqual(0.95);
    expect(median).toBeLessThan(0.02);

    // Train a few steps in the worker: the U curve moves.
    await page.getByTestId('play').click();
    await expect
      .poll(async () => (await plotEnds(page, 'plot-upper')).points, { timeout: 120_000 })
      .toBeGreaterThan(6);
    await page.getByTestId('pause').click();
    const u = await plotEnds(page, 'plot-upper');
    expect(Number.isFinite(u.first) && Number.isFinite(u.last)).toBe(true);
    expect(u.last).not.toBe(u.first);

    // The live gradient check of key points → W → U.
    const errors = page.getByTestId('gradcheck-errors');
    await expect(errors).toBeVisible({ timeout: 60_000 });
    const tfjsError = Number((await errors.locator('strong').first().textContent()) ?? 'NaN');
    expect(tfjsError).toBeLessThan(1e-3);

    // The shipped weights load into the worker (the plot restarts from them).
    await page.getByTestId('load-pretrained').click();
    await expect(page.getByText('Loaded the pretrained weights')).toBeVisible({ timeout: 60_000 });

    // Drive mode: the robot follows its plan and replans; then the comparison on this world.
    await page.getByTestId('drive-start').click();
    // The robot moves (at least 0.2 m) under its own replanning, whatever becomes of it.
    await expect(page.getByTestId('drive-counters')).toContainText(/robot \w+, (0\.[2-9]|[1-9])/, {
      timeout: 60_000,
    });
    if (await page.getByTestId('drive-stop').isVisible()) await page.getByTestId('drive-stop').click();
    await page.getByTestId('evaluate-editor').click();
    await expect(page.getByTestId('comparison-table').locator('tbody tr')).toHaveCount(3, {
      timeout: 90_000,
    });

    await saveScreenshot(page, 'iplanner');
    // The landing card's preview: a 640 × 360 crop of the 3D view and the depth inset.
    const stage = page.locator('.iplanner-stage');
    await stage.scrollIntoViewIfNeeded();
    const box = await stage.boundingBox();
    if (box) {
      mkdirSync(PREVIEW_DIR, { recursive: true });
      await page.screenshot({
        path: `${PREVIEW_DIR}/iplanner.png`,
        clip: { x: box.x, y: box.y, width: 640, height: 360 },
      });
    }
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
