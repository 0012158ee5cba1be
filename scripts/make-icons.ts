/**
 * Renders public/icons/icon.svg to the PNG app icons the web manifest names (192 and 512 px, and a maskable 512 px
 * with the safe-zone padding), in Debian's Chromium. Run after editing the SVG: `npx tsx scripts/make-icons.ts`.
 */
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const svg = readFileSync('public/icons/icon.svg', 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
for (const { size, file, pad, bg } of [
  { size: 192, file: 'icon-192.png', pad: 0, bg: 'transparent' },
  { size: 512, file: 'icon-512.png', pad: 0, bg: 'transparent' },
  // Maskable: the platform crops to a circle or squircle; keep the drawing inside the central 80 %.
  { size: 512, file: 'icon-maskable-512.png', pad: 0.1, bg: '#1d4ed8' },
]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  const inner = Math.round(size * (1 - 2 * pad));
  await page.setContent(
    `<html><body style="margin:0;background:${bg};display:grid;place-items:center;height:${size}px">` +
      `<div style="width:${inner}px;height:${inner}px">${svg.replace('<svg ', `<svg width="${inner}" height="${inner}" `)}</div></body></html>`,
  );
  await page.screenshot({ path: `public/icons/${file}`, omitBackground: bg === 'transparent' });
  await page.close();
}
await browser.close();
