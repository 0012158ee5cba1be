import { expect, saveScreenshot, seriousAxeViolations, test } from './support';

test('the landing page lists every example as a card', async ({ page, consoleErrors }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Imperative Learning Playground' })).toBeVisible();
  const cards = page.locator('.card');
  await expect(cards.first()).toBeVisible();
  await expect(page.getByTestId('card-explorer')).toContainText('Bilevel gradient explorer');
  await expect(page.getByTestId('card-explorer')).toContainText('LL engine');
  await saveScreenshot(page, 'landing');
  expect(await seriousAxeViolations(page)).toEqual([]);
  expect(consoleErrors).toEqual([]);
});
