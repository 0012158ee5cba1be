import { savePreview, expect, plotEnds, saveScreenshot, seriousAxeViolations, test } from './support';

const MALFORMED_TSP = [
  'NAME : broken',
  'TYPE : TSP',
  'DIMENSION : 3',
  'EDGE_WEIGHT_TYPE : EUC_2D',
  'NODE_COORD_SECTION',
  '1 0 0',
  '2 zero 1',
  '3 1 1',
  'EOF',
  '',
].join('\n');

test.describe('iMTSP', () => {
  test('trains the allocation in the worker, edits cities, refuses a malformed .tsp and keeps the instance', async ({
    page,
    consoleErrors,
  }) => {
    await page.goto('/#/imtsp?v=1&preset=surrogate&seed=1&lr=0.01&batch=4&opt=adam');
    await expect(page.getByTestId('backend-badge')).toBeVisible();
    const editor = page.getByTestId('city-editor');
    await expect(editor).toHaveAttribute('data-cities', '50');
    // The network's allocation and tours arrive from the worker; the comparison table fills in.
    await expect(page.getByTestId('agent-bars')).toBeVisible({ timeout: 90_000 });
    await expect(page.getByTestId('compare-table').locator('tbody tr')).toHaveCount(4, { timeout: 90_000 });

    // Train a few steps: the U curve moves and both estimators' variances are plotted.
    await page.getByTestId('play').click();
    await expect
      .poll(async () => (await plotEnds(page, 'plot-upper')).points, { timeout: 120_000 })
      .toBeGreaterThan(5);
    await page.getByTestId('pause').click();
    const u = await plotEnds(page, 'plot-upper');
    expect(Number.isFinite(u.first) && Number.isFinite(u.last)).toBe(true);
    expect(u.last).not.toBe(u.first);
    const variance = await page.getByTestId('plot-variance').getAttribute('data-points');
    expect(
      (variance ?? '')
        .split(',')
        .map(Number)
        .every((p) => p > 0),
    ).toBe(true);
    console.log(
      `imtsp: ${u.points} steps, U ${u.first.toFixed(4)} → ${u.last.toFixed(4)}; ${await page.getByTestId('variance-readout').textContent()}`,
    );

    // Both estimators against the exact gradient (all allocations of a 4-city instance): unbiased.
    await page.getByTestId('estimator-check-run').click();
    const checkRows = page.getByTestId('estimator-check-table').locator('tbody tr');
    await expect(checkRows).toHaveCount(2, { timeout: 60_000 });
    for (const row of await checkRows.all()) {
      const standardErrors = Number(await row.locator('td').nth(1).textContent());
      expect(standardErrors).toBeLessThan(5);
    }

    // Add a city by clicking empty space near a corner of the editor.
    await editor.scrollIntoViewIfNeeded();
    const box = (await editor.boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.22, box.y + box.height * 0.06);
    await expect(editor).toHaveAttribute('data-cities', '51');
    // Select it and delete it with the keyboard, then add it again.
    await page.getByTestId('city-50').dispatchEvent('pointerdown', { button: 0, pointerId: 1 });
    await page.keyboard.press('Delete');
    await expect(editor).toHaveAttribute('data-cities', '50');
    await page.mouse.click(box.x + box.width * 0.22, box.y + box.height * 0.06);
    await expect(editor).toHaveAttribute('data-cities', '51');

    // Drag a city: it moves, and the count stays.
    const city = page.getByTestId('city-10');
    const before = Number(await city.getAttribute('cx'));
    const cityBox = (await city.boundingBox())!;
    await page.mouse.move(cityBox.x + cityBox.width / 2, cityBox.y + cityBox.height / 2);
    await page.mouse.down();
    await page.mouse.move(cityBox.x + cityBox.width / 2 + 40, cityBox.y + cityBox.height / 2 + 10, {
      steps: 4,
    });
    await page.mouse.up();
    await expect.poll(async () => Number(await city.getAttribute('cx'))).toBeGreaterThan(before + 20);
    await expect(editor).toHaveAttribute('data-cities', '51');

    // A malformed .tsp: a message naming the line, and the instance in the editor unchanged.
    await page.getByLabel('Import .tsp…').setInputFiles({
      name: 'broken.tsp',
      mimeType: 'text/plain',
      buffer: Buffer.from(MALFORMED_TSP),
    });
    await expect(page.locator('.notice-error')).toContainText('line 7');
    await expect(page.locator('.notice-error')).toContainText('unchanged');
    await expect(editor).toHaveAttribute('data-cities', '51');

    // Continue from the shipped weights; the comparison reruns with them.
    await page.getByRole('button', { name: 'Continue from pretrained' }).click();
    await expect(page.locator('.notice-info')).toContainText('Loaded the pretrained weights');
    await page.getByTestId('compare-run').click();
    await expect(page.getByTestId('compare-run')).toHaveText('Compare again', { timeout: 90_000 });
    // The allocation for the edited instance is drawn (51 cities, tours, the longest highlighted).
    await expect(page.getByTestId('longest-tour')).toBeVisible({ timeout: 60_000 });
    // Held-out instances: five methods, and a verdict computed from them (learned against the best clustering).
    await page.getByTestId('heldout-run').click();
    await expect(page.getByTestId('heldout-table').locator('tbody tr')).toHaveCount(5, { timeout: 120_000 });
    await expect(page.getByTestId('heldout-verdict')).toContainText(
      /Learned (beats|loses to) the best clustering/,
    );
    await saveScreenshot(page, 'imtsp');
    // The landing card's preview: the editor (tours, longest highlighted), whole.
    await savePreview(editor, 'imtsp');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
