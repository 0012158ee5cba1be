import { expect, plotEnds, test } from './support';

test('without a WebGPU adapter the page falls back, says why, and still trains', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/?backend=webgpu#/explorer');
  const badge = page.getByTestId('backend-badge');
  await expect(badge).toBeVisible();
  const backend = await badge.getAttribute('data-backend');
  expect(backend).not.toBe('webgpu');
  await expect(badge).toContainText('fallback');
  expect(await badge.getAttribute('title')).toMatch(/webgpu: .*(adapter|navigator\.gpu)/);
  for (let i = 0; i < 3; i++) {
    await page.getByTestId('step').click();
    await expect(page.getByTestId('step-count')).toHaveText(new RegExp(`step ${i + 1}\\b`));
  }
  expect((await plotEnds(page, 'plot-upper')).points).toBe(3);
  expect(consoleErrors).toEqual([]);
});
