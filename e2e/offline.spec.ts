import { expect, test } from './support';

/**
 * Conference Wi-Fi: after one visit the service worker (vite-plugin-pwa, Workbox) has precached the build, so with
 * the network off the app reloads, opens other example pages (their lazily loaded chunks), trains a step in the
 * worker (the wasm binaries) and loads shipped weights.
 */
test.use({ serviceWorkers: 'allow' });

test('after one visit the app reloads and trains with the network off', async ({
  page,
  context,
  consoleErrors,
}) => {
  test.setTimeout(300_000);
  await page.goto('/#/explorer');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bilevel gradient explorer');
  // `ready` resolves once a worker is active, and a Workbox worker activates only after its precache is complete.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

  await context.setOffline(true);
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bilevel gradient explorer');
  await expect(page.getByTestId('step')).toBeEnabled({ timeout: 120_000 });
  await page.getByTestId('step').click();
  await expect(page.getByTestId('step-count')).toHaveText(/step 1\b/, { timeout: 60_000 });

  // Another example, never opened online: its view chunk, the conv network on wasm, its shipped weights.
  await page.goto('/?backend=wasm#/ia-star');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/iA\*/);
  await expect(page.getByTestId('step')).toBeEnabled({ timeout: 120_000 });
  await page.getByTestId('step').click();
  await expect(page.getByTestId('step-count')).toHaveText(/step 1\b/, { timeout: 120_000 });
  await page.getByRole('button', { name: 'Continue from pretrained' }).click();
  await expect(page.getByText(/Loaded the pretrained weights/)).toBeVisible({ timeout: 60_000 });

  await page.goto('/');
  await expect(page.getByTestId('card-explorer')).toBeVisible();
  await expect
    .poll(() =>
      page
        .locator('.card img')
        .evaluateAll((imgs) => imgs.every((i) => (i as HTMLImageElement).naturalWidth > 0)),
    )
    .toBe(true);
  expect(consoleErrors).toEqual([]);
});
