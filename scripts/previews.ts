import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { catalog } from '../src/examples/catalog';
import { CHROMIUM_ARGS } from '../playwright.config';

/**
 * npm run previews — regenerates public/previews/<id>.png (the landing-page cards) from the built app: each example
 * page is opened at its first preset, trained for a few steps, and its view area captured at 640×360.
 * Run `npm run build` first.
 */
const PORT = 4199;

async function main(): Promise<void> {
  const server = spawn(
    'npx',
    ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'],
    {
      stdio: 'ignore',
    },
  );
  await new Promise((r) => setTimeout(r, 2500));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    mkdirSync('public/previews', { recursive: true });
    const only = process.argv[2];
    for (const meta of catalog.filter((m) => !only || m.id === only)) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 0.5 });
      await page.goto(`http://127.0.0.1:${PORT}/#/${meta.id}`);
      await page.getByTestId('step').waitFor({ state: 'visible' });
      await page.waitForFunction(
        () => !document.querySelector('[data-testid="step"]')?.hasAttribute('disabled'),
        null,
        {
          timeout: 120_000,
        },
      );
      for (let i = 0; i < 20; i++) await page.keyboard.press('s');
      await page.waitForTimeout(3000);
      await page.screenshot({
        path: `public/previews/${meta.id}.png`,
        clip: { x: 0, y: 40, width: 1280, height: 720 },
      });
      console.log(`public/previews/${meta.id}.png`);
      await page.close();
    }
  } finally {
    await browser.close();
    server.kill();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
