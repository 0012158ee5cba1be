import { expect, plotEnds, seriousAxeViolations, test } from './support';

/**
 * What a lecturer meets in the first minutes: curves that show the trend (raw value faint, an EMA over it, events on
 * the x-axis, a read-out of both on hover), a Pause that answers at once, and presenter mode.
 */
test('the curves show the raw value, its EMA and a learning-rate change; Pause answers at once', async ({
  page,
  consoleErrors,
}) => {
  test.setTimeout(180_000);
  await page.goto('/#/explorer');
  await expect(page.getByTestId('play')).toBeEnabled({ timeout: 120_000 });
  await page.getByTestId('play').click();
  await expect
    .poll(async () => (await plotEnds(page, 'plot-upper')).points, { timeout: 60_000 })
    .toBeGreaterThan(40);

  const upper = page.getByTestId('plot-upper');
  await expect(upper.locator('path[data-series="U"]')).toHaveAttribute('stroke-opacity', '0.35');
  await expect(upper.locator('path[data-series="U EMA"]')).toHaveAttribute('d', /^M.+L/);
  await expect(upper).toContainText(/U EMA \d+/);

  // A learning-rate change while it trains is marked on both x-axes and listed under the plot.
  const lr = page.getByLabel(/Learning rate/);
  await lr.focus();
  await lr.press('ArrowLeft');
  await expect(upper.locator('[data-event="learningRate"]')).toHaveCount(1);
  await expect(page.getByTestId('plot-lower').locator('[data-event="learningRate"]')).toHaveCount(1);
  await expect(page.getByTestId('plot-events')).toContainText(/step \d+: learning rate/);

  // Hover reads out both the raw value and its EMA.
  const box = (await upper.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2);
  await expect(upper).toContainText(/U = \S+ at step \d+/);
  await expect(upper).toContainText(/U EMA = \S+ at step \d+/);

  // Pause: feedback on the next frame (measured in the page, from the click to "Pausing…" or to Train).
  const feedbackMs = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const t0 = performance.now();
        const done = () => document.querySelector('[data-testid=pausing], [data-testid=play]') !== null;
        const obs = new MutationObserver(() => {
          if (done()) {
            obs.disconnect();
            resolve(performance.now() - t0);
          }
        });
        obs.observe(document.body, { subtree: true, childList: true });
        (document.querySelector('[data-testid=pause]') as HTMLButtonElement).click();
      }),
  );
  expect(feedbackMs).toBeLessThan(200);
  await expect(page.getByTestId('play')).toBeVisible({ timeout: 60_000 });
  expect(await seriousAxeViolations(page)).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test('presenter mode: a URL flag and F, settings folded away, arrow keys through presets', async ({
  page,
  consoleErrors,
}) => {
  test.setTimeout(180_000);
  await page.goto('/?present=1#/explorer');
  const root = page.locator('.example-page');
  await expect(root).toHaveClass(/presenting/);
  await expect(page.locator('.side > .settings')).toBeHidden();
  await expect(page.locator('.side > .lesson')).toBeHidden({ timeout: 30_000 });
  await expect(page.getByTestId('plot-upper')).toBeVisible();
  await expect(page.getByTestId('presenter-preset')).toHaveText(/^1\/\d+ · /);

  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('presenter-preset')).toHaveText(/^2\/\d+ · /);
  await expect(page).toHaveURL(/present=1.*#\/explorer\?.*preset=unrolled-short/);
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('presenter-preset')).toHaveText(/^1\/\d+ · /);

  await page.keyboard.press('f');
  await expect(root).not.toHaveClass(/presenting/);
  await expect(page.locator('.side > .settings')).toBeVisible();
  expect(page.url()).not.toContain('present=1');
  // Outside presenter mode the arrow keys are the page's: the preset stays.
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/preset=prune/);
  await page.keyboard.press('f');
  await expect(root).toHaveClass(/presenting/);
  await expect(page).toHaveURL(/present=1/);
  expect(consoleErrors).toEqual([]);
});
