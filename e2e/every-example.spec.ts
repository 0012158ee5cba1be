import { examples } from '../src/examples/registry';
import { expect, plotEnds, seriousAxeViolations, test } from './support';

/**
 * The checklist every example page meets, over the registry (a new example is tested here by itself): it opens,
 * steps in the worker, its curve gains the points, the step counter agrees with the plot while it plays and after,
 * Reset starts a fresh curve, and there is no console error and no serious axe violation.
 */
for (const { id, meta } of examples) {
  test(`${id}: opens, trains in the worker, the step counter follows the curve, reset starts afresh`, async ({
    page,
    consoleErrors,
  }) => {
    test.setTimeout(300_000);
    await page.goto(`/#/${id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(meta.title);
    await expect(page.getByTestId('backend-badge')).toHaveAttribute('data-backend', /.+/);
    const stepButton = page.getByTestId('step');
    const counter = page.getByTestId('step-count');
    for (let i = 1; i <= 2; i++) {
      await expect(stepButton).toBeEnabled({ timeout: 120_000 });
      await stepButton.click();
      await expect(counter).toHaveText(new RegExp(`step ${i}\\b`), { timeout: 120_000 });
    }
    expect((await plotEnds(page, 'plot-upper')).points).toBe(2);
    expect((await plotEnds(page, 'plot-lower')).points).toBe(2);

    // While it plays the counter moves with the plot (it used to stay at the step where Play was pressed).
    await page.getByTestId('play').click();
    await expect
      .poll(async () => (await plotEnds(page, 'plot-upper')).points, { timeout: 120_000 })
      .toBeGreaterThan(2);
    const playing = await plotEnds(page, 'plot-upper');
    const shown = Number((await counter.textContent())?.match(/step (\d+)/)?.[1]);
    expect(shown).toBeGreaterThanOrEqual(playing.points);
    await page.getByTestId('pause').click();
    await expect(page.getByTestId('play')).toBeVisible({ timeout: 60_000 });
    const paused = await plotEnds(page, 'plot-upper');
    await expect(counter).toHaveText(new RegExp(`step ${paused.points}\\b`));

    await page.getByTestId('reset').click();
    await expect(counter).toHaveText(/step 0\b/, { timeout: 120_000 });
    await expect.poll(async () => (await plotEnds(page, 'plot-upper')).points).toBe(0);

    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
}
