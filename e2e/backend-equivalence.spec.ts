import { expect, saveScreenshot, test } from './support';

/**
 * The same gradients on every backend: each example's first preset, 3 steps from the same seed on wasm, WebGL and
 * WebGPU (SwiftShader here), compared with the cpu backend in the Backend check page (U, L, ‖∇U‖ and dU/dψ to a
 * relative 1e-3). Also records the tfjs-webgpu AddN defect this project works around.
 */
test('every example computes the same U, L and hypergradients on cpu, wasm, WebGL and WebGPU', async ({
  page,
  consoleErrors,
}) => {
  test.setTimeout(900_000);
  await page.goto('/#/backends?steps=3');
  const check = page.getByTestId('backend-check');
  await expect(check).toHaveAttribute('data-state', /done|failed/, { timeout: 840_000 });
  const cells = await page.locator('[data-status]').evaluateAll((tds) =>
    tds.map((td) => ({
      id: td.getAttribute('data-testid'),
      status: td.getAttribute('data-status'),
      text: td.textContent,
    })),
  );
  await saveScreenshot(page, 'backend-check');
  console.log(cells.map((c) => `${c.id}: ${c.text}`).join('\n'));
  expect(await check.getAttribute('data-state')).toBe('done');
  // Every example (a row each) on webgpu, webgl and wasm: nothing skipped.
  const rows = await page.locator('.check-table tbody tr').count();
  expect(rows).toBeGreaterThanOrEqual(5);
  expect(cells.length).toBe(rows * 3);
  expect(cells.filter((c) => c.status !== 'agree')).toEqual([]);

  // The defect: the stock kernel drops the sum (returns a stale buffer); the chunked one gets it right.
  const probe = page.getByTestId('addn-probe');
  const expected = await probe.evaluate((el) => el.textContent?.match(/= (\d+);/)?.[1]);
  expect(Number(await probe.getAttribute('data-current'))).toBe(Number(expected));
  expect(Number(await probe.getAttribute('data-stock'))).not.toBe(Number(expected));
  // WebGPU's own validation errors from the probe's stock-kernel call are expected; nothing else is.
  expect(
    consoleErrors.filter((e) => !/storage buffers|Invalid (ComputePipeline|BindGroup|CommandBuffer)/.test(e)),
  ).toEqual([]);
});
