import { examples } from '../src/examples/registry';
import { expect, saveScreenshot, test } from './support';

/**
 * A phone (390 × 844, the width of a common phone and of a split-screen lecture window): no page is wider than the
 * screen. Wide content (formulas, tables, plots) fits or scrolls inside its own panel, and no table number is broken
 * across lines ("2.02e-" / "2").
 */
const PHONE = { width: 390, height: 844 };

test.use({ viewport: PHONE });

async function pageWidth(page: import('@playwright/test').Page): Promise<number> {
  return page.evaluate(() => document.scrollingElement?.scrollWidth ?? Number.POSITIVE_INFINITY);
}

/** Table cells whose number wraps onto a second line. */
async function splitNumbers(page: import('@playwright/test').Page): Promise<string[]> {
  return page.evaluate(() => {
    const split: string[] = [];
    for (const td of document.querySelectorAll('.data-table td')) {
      const text = td.textContent?.trim() ?? '';
      if (!/^[-+−]?\d[\d.,]*(e[-+]?\d+)?(\s*\S{0,3})?$/i.test(text)) continue;
      const range = document.createRange();
      range.selectNodeContents(td);
      const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
      if (lines.size > 1) split.push(text);
    }
    return split;
  });
}

for (const path of ['/', '/#/backends']) {
  test(`${path} fits a 390 px screen`, async ({ page, consoleErrors }) => {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width + 1);
    await saveScreenshot(page, `phone-${path === '/' ? 'landing' : 'backends'}`);
    expect(consoleErrors).toEqual([]);
  });
}

for (const { id, meta } of examples) {
  test(`${id} fits a 390 px screen, before and after a step`, async ({ page, consoleErrors }) => {
    test.setTimeout(240_000);
    await page.goto(`/#/${id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(meta.title);
    await expect(page.locator('.lesson')).toBeVisible({ timeout: 60_000 });
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width + 1);
    // After a step the view shows its trained state (tables, comparisons), which may be wider than the first frame.
    await expect(page.getByTestId('step')).toBeEnabled({ timeout: 120_000 });
    await page.getByTestId('step').click();
    await expect(page.getByTestId('step-count')).toHaveText(/step 1\b/, { timeout: 120_000 });
    await page.waitForTimeout(1000);
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width + 1);
    expect(await splitNumbers(page)).toEqual([]);
    await saveScreenshot(page, `phone-${id}`);
    expect(consoleErrors).toEqual([]);
  });
}
