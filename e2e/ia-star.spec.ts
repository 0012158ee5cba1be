import type { Page } from '@playwright/test';
import { existsSync, mkdirSync } from 'node:fs';
import { generateMap } from '../src/examples/ia-star/maps/generate-map';
import { mapFileText, scenFileText } from '../src/examples/ia-star/view/map-files';
import {
  PREVIEW_DIR,
  expect,
  measureFrameTimes,
  plotEnds,
  saveScreenshot,
  seriousAxeViolations,
  test,
} from './support';

/** Page coordinates of a map cell's centre, from the canvas's own layout (offset and cell size, css px). */
async function cellCentre(page: Page, x: number, y: number): Promise<{ x: number; y: number }> {
  const canvas = page.getByTestId('map-canvas');
  const box = (await canvas.boundingBox())!;
  const [ox, oy, s] = (await canvas.getAttribute('data-layout'))!.split(',').map(Number);
  return { x: box.x + ox + (x + 0.5) * s, y: box.y + oy + (y + 0.5) * s };
}

async function dragCells(page: Page, from: [number, number], to: [number, number]): Promise<void> {
  await page.getByTestId('map-canvas').scrollIntoViewIfNeeded();
  const a = await cellCentre(page, ...from);
  const b = await cellCentre(page, ...to);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move(b.x, b.y, { steps: 12 });
  await page.mouse.up();
}

const walls = async (page: Page) =>
  Number(
    /· ([\d,]+) walls/.exec((await page.getByTestId('map-info').textContent()) ?? '')![1].replace(/,/g, ''),
  );
const astarLength = async (page: Page) => {
  const text = (await page.getByTestId('result-astar').textContent()) ?? '';
  return Number(/path([\d.]+)/.exec(text)?.[1] ?? NaN);
};
const playbackStep = async (page: Page) =>
  Number(
    /step ([\d,]+)/.exec((await page.getByTestId('search-step').textContent()) ?? '')![1].replace(/,/g, ''),
  );

const expandedOf = async (page: Page, kind: string) =>
  Number(
    (
      /expanded([\d,]+)/.exec((await page.getByTestId(`result-${kind}`).textContent()) ?? '')?.[1] ?? 'NaN'
    ).replace(/,/g, ''),
  );

test.describe('iA* learning', () => {
  test('train the guidance, see it on a held-out map and on the editor map, evaluate on the test split', async ({
    page,
    consoleErrors,
  }) => {
    // Batch 1: a training step on the software GPU here takes a fraction of a second instead of seconds.
    await page.goto('/#/ia-star?v=1&preset=rectangles-32&batch=1');
    await expect(page.getByTestId('map-info')).toContainText('32 × 32');
    await expect(page.getByTestId('guidance-canvas')).toBeVisible();
    await expect(page.getByTestId('learned-counts')).toContainText('A* expanded');
    // The learned planners sit beside the classic ones, on the editor's own map; the untrained network's guidance
    // is uniform, so iA* starts out as A* itself.
    await expect(page.getByTestId('result-ia-star')).toContainText('expanded');
    await expect(page.getByTestId('note-ia-star')).toContainText('training now');
    await expect.poll(() => expandedOf(page, 'ia-star')).toBe(await expandedOf(page, 'astar'));
    await expect(page.getByTestId('note-neural-astar')).not.toContainText('loading');

    // A few training steps in the worker: the U curve moves and the learned maps follow.
    await expect(page.getByTestId('step')).toBeEnabled();
    await page.getByTestId('play').click();
    await expect
      .poll(async () => (await plotEnds(page, 'plot-upper')).points, { timeout: 90_000 })
      .toBeGreaterThanOrEqual(6);
    await page.getByTestId('pause').click();
    const u = await plotEnds(page, 'plot-upper');
    expect(Number.isFinite(u.first) && Number.isFinite(u.last)).toBe(true);
    expect(u.last).not.toBe(u.first);

    // The push map: where this step of U moves c.
    await page.getByTestId('toggle-push').check();
    await expect(page.getByTestId('guidance-canvas')).toHaveAttribute('aria-label', /pushes the guidance up/);
    expect(page.url()).toContain('v.push=true');
    // …on the map in the editor too: the gradient of U for "this map".
    await page.getByTestId('showcase-select').selectOption('editor');
    await expect(page.getByTestId('guidance-canvas')).toHaveAttribute(
      'aria-label',
      /on the map in the editor/,
    );
    expect(page.url()).toContain('v.on=editor');

    // The learned search on the big map, replayed like the others.
    await page.getByTestId('show-ia-star').click();
    await expect(page.getByTestId('show-ia-star')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('result-ia-star')).toContainText('path');

    // The test-split comparison, small for time: the table, the trade-off plot, and a verdict per learned planner.
    await page.getByTestId('eval-count').selectOption('10');
    await page.getByTestId('evaluate').click();
    await expect(page.getByTestId('eval-table')).toBeVisible({ timeout: 90_000 });
    for (const row of ['astar', 'w1.5', 'w2', 'ia-star'])
      await expect(page.getByTestId(`eval-row-${row}`)).toBeVisible();
    await expect(page.getByTestId('eval-table')).toContainText('10 test maps of 64 × 64');
    await expect(page.getByTestId('eval-row-astar')).toContainText('1.000×');
    await expect(page.getByTestId('tradeoff-plot')).toBeVisible();
    await expect(page.getByTestId('tradeoff-ia-star')).toHaveCount(1);
    await expect(page.getByTestId('eval-verdict')).toContainText(
      /iA\* (does not beat|beats|lies off|found no path)/,
    );

    await page.getByTestId('guidance-canvas').scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'ia-star-learning');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  test('Neural A* mode: switched from the page, compared with the shipped iA* weights where they exist', async ({
    page,
    consoleErrors,
  }) => {
    const shipped = existsSync('public/weights/ia-star/ia-star/model.json');
    await page.goto('/#/ia-star?v=1&preset=rectangles-32&batch=1');
    await expect(page.getByTestId('note-ia-star')).toContainText('training now');
    await page.getByTestId('mode-select').selectOption('neural-astar');
    await expect.poll(() => page.url()).toContain('p.mode=neural-astar');
    await expect(page.getByTestId('note-neural-astar')).toContainText('training now');
    await expect(page.getByTestId('learned-counts')).toContainText('Neural A* expanded');
    await expect(page.getByTestId('note-ia-star')).toContainText(
      shipped ? 'shipped weights' : 'no usable shipped weights',
    );
    if (shipped) await expect(page.getByTestId('result-ia-star')).toContainText('expanded');

    await page.getByTestId('eval-count').selectOption('10');
    await page.getByTestId('eval-size').selectOption('32');
    await page.getByTestId('evaluate').click();
    await expect(page.getByTestId('eval-table')).toContainText('10 test maps of 32 × 32', {
      timeout: 90_000,
    });
    await expect(page.getByTestId('eval-row-neural-astar')).toContainText('training now');
    await expect(page.getByTestId('tradeoff-neural-astar')).toHaveCount(1);
    await expect(page.getByTestId('eval-row-ia-star')).toHaveCount(shipped ? 1 : 0);
    await expect(page.getByTestId('tradeoff-ia-star')).toHaveCount(shipped ? 1 : 0);
    await expect(page.getByTestId('eval-verdict').locator('li')).toHaveCount(shipped ? 2 : 1);
    await page.getByTestId('eval-table').scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'ia-star-neural-astar');
    expect(consoleErrors).toEqual([]);
  });
});

test.describe('iA* grid worlds', () => {
  test('draw walls, drag start and goal, replay the search, open map files', async ({
    page,
    consoleErrors,
  }) => {
    await page.goto('/#/ia-star');
    await expect(page.getByTestId('map-info')).toContainText('32 × 32');
    for (const kind of ['astar', 'dijkstra', 'wastar', 'greedy'])
      await expect(page.getByTestId(`result-${kind}`)).toContainText('expanded');

    // A clear map, start and goal dragged to the two ends of row 16: A*'s path is 27 straight steps.
    await page.getByTestId('clear').click();
    expect(await walls(page)).toBe(0);
    const canvas = page.getByTestId('map-canvas');
    const start = (await canvas.getAttribute('data-start'))!.split(',').map(Number) as [number, number];
    await dragCells(page, start, [2, 16]);
    await expect(canvas).toHaveAttribute('data-start', '2,16');
    const goal = (await canvas.getAttribute('data-goal'))!.split(',').map(Number) as [number, number];
    await dragCells(page, goal, [29, 16]);
    await expect(canvas).toHaveAttribute('data-goal', '29,16');
    await expect(page.getByTestId('result-astar')).toContainText('27.00');
    const before = await page.getByTestId('result-astar').textContent();

    // A wall drawn with the mouse across the way: the map changes and A* goes around it.
    await dragCells(page, [15, 3], [15, 28]);
    expect(await walls(page)).toBe(26);
    await expect(page.getByTestId('result-astar')).not.toHaveText(before!);
    expect(await astarLength(page)).toBeGreaterThan(27.5);
    expect(page.url()).toMatch(/v\.walls=[br]/);

    // Undo and redo, by keyboard.
    await page.keyboard.press('Control+z');
    await expect.poll(() => walls(page)).toBe(0);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => walls(page)).toBe(26);

    // Keyboard editing on the focused map (its cursor is where the pointer last drew: (15, 3)); its keys
    // never reach the training shortcuts.
    // (Read once the worker has finished loading, so only a stray shortcut could change it.)
    await expect(page.getByTestId('step-count')).toHaveText('step 0');
    const trainingStep = await page.getByTestId('step-count').textContent();
    await canvas.focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Space');
    expect(await walls(page)).toBe(27);
    await page.keyboard.press('s');
    await expect(canvas).toHaveAttribute('data-start', '18,3');
    await expect(page.getByTestId('map-message')).toContainText('the start is on a wall');
    await page.keyboard.press('Space');
    await expect(page.getByTestId('map-message')).toHaveCount(0);
    await expect(page.getByTestId('step-count')).toHaveText(trainingStep!);

    // The playback replays the recorded expansions (slowest speed here); P pauses, "." steps one expansion.
    await page.getByRole('slider', { name: /^speed/ }).focus();
    await page.keyboard.press('Home');
    await page.getByTestId('search-play').click();
    await expect.poll(() => playbackStep(page)).toBeGreaterThan(0);
    const playing = await playbackStep(page);
    await expect.poll(() => playbackStep(page)).toBeGreaterThan(playing);
    await page.keyboard.press('p');
    const paused = await playbackStep(page);
    await page.keyboard.press('.');
    expect(await playbackStep(page)).toBe(paused + 1);
    await expect(page.getByTestId('result-dijkstra')).toContainText(`${(paused + 1).toLocaleString('en')} /`);
    await expect(page.getByTestId('map-readout')).toContainText('on the open list');
    await saveScreenshot(page, 'ia-star-playback');

    // Open a .map with the file chooser, then its .scen, and load a scenario.
    const tiny = generateMap('rooms', { width: 40, height: 24, seed: 3 });
    const tinyScene = { ...tiny, origin: null, name: 'tiny' };
    const chooser = page.getByLabel('Open a map file…', { exact: true });
    await chooser.setInputFiles({
      name: 'tiny.map',
      mimeType: 'text/plain',
      buffer: Buffer.from(mapFileText(tinyScene)),
    });
    await expect(page.getByTestId('map-info')).toContainText('40 × 24');
    await chooser.setInputFiles({
      name: 'tiny.map.scen',
      mimeType: 'text/plain',
      buffer: Buffer.from(scenFileText(tinyScene, 'tiny.map')),
    });
    await page.getByTestId('scenario-use').click();
    await expect(canvas).toHaveAttribute('data-start', `${tiny.start.x},${tiny.start.y}`);
    await expect(canvas).toHaveAttribute('data-goal', `${tiny.goal.x},${tiny.goal.y}`);
    await expect(page.getByTestId('scenario-check')).toContainText('✓ agree');

    // A malformed file: the message names the line, and the map stays.
    await chooser.setInputFiles({
      name: 'broken.map',
      mimeType: 'text/plain',
      buffer: Buffer.from('type octile\nheight 4\nwidht 4\nmap\n....\n....\n....\n....\n'),
    });
    await expect(page.locator('.notice-error')).toContainText('Could not open broken.map: line 3:');
    await expect(page.locator('.notice-error')).toContainText('The current map is kept');
    await expect(page.getByTestId('map-info')).toContainText('40 × 24');

    await page.getByTestId('clear').scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'ia-star');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  test('a copied link reproduces a generated and an edited map', async ({ page, browser, consoleErrors }) => {
    await page.goto('/#/ia-star?v=1&preset=maze-64');
    await expect(page.getByTestId('map-info')).toContainText('64 × 64');
    await page.getByTestId('gen-kind').selectOption('bugtrap');
    await page.getByTestId('gen-width').fill('48');
    await page.getByTestId('gen-height').fill('30');
    await page.getByTestId('gen-seed').fill('5');
    await page.getByTestId('generate').click();
    await expect(page.getByTestId('map-info')).toContainText('48 × 30');
    expect(page.url()).toContain('v.kind=bugtrap');
    const generatedWalls = await walls(page);
    await dragCells(page, [10, 3], [30, 3]);
    expect(await walls(page)).toBeGreaterThan(generatedWalls);
    expect(page.url()).toMatch(/v\.walls=[br]/);
    const info = await page.getByTestId('map-info').textContent();
    const result = await page.getByTestId('result-astar').textContent();
    const second = await browser.newPage();
    await second.goto(page.url());
    await expect(second.getByTestId('map-info')).toHaveText(info!);
    const strip = (s: string | null) => (s ?? '').replace(/time.*$/, '');
    await expect
      .poll(async () => strip(await second.getByTestId('result-astar').textContent()))
      .toBe(strip(result));
    await second.close();

    // The landing card's preview: a 16:9 crop of the stage, scaled to 640 × 360.
    const width = (await page.locator('.ia-stage').boundingBox())!.width;
    const preview = await browser.newPage({
      viewport: { width: 1440, height: 900 },
      deviceScaleFactor: 640 / width,
    });
    await preview.goto('/#/ia-star?v=1&preset=bugtrap-64');
    await expect(preview.getByTestId('result-astar')).toContainText('expanded');
    const box = (await preview.locator('.ia-stage').boundingBox())!;
    mkdirSync(PREVIEW_DIR, { recursive: true });
    await preview.screenshot({
      path: `${PREVIEW_DIR}/ia-star.png`,
      clip: { x: box.x, y: box.y, width: box.width, height: (box.width * 9) / 16 },
    });
    await preview.close();
    expect(consoleErrors).toEqual([]);
  });

  test('a 512 × 512 map is planned in idle time and its long replay stays smooth', async ({
    page,
    consoleErrors,
  }) => {
    await page.goto('/#/ia-star');
    await expect(page.getByTestId('map-info')).toContainText('32 × 32');
    // Measure the playback, not the worker's start-up (its WebGPU warm-up shares the software GPU here).
    await expect(page.getByTestId('step')).toBeEnabled();
    await page.getByTestId('gen-kind').selectOption('rooms');
    await page.getByTestId('gen-width').fill('512');
    await page.getByTestId('gen-height').fill('512');
    const t0 = Date.now();
    await page.getByTestId('generate').click();
    await expect(page.getByTestId('map-info')).toContainText('512 × 512');
    await expect(page.locator('.ia-card-pending')).toHaveCount(0);
    const generatedAndPlannedMs = Date.now() - t0;
    const dijkstra = (await page.getByTestId('result-dijkstra').textContent()) ?? '';
    const total = Number(/expanded([\d,]+)/.exec(dijkstra)![1].replace(/,/g, ''));
    expect(total).toBeGreaterThan(50_000);

    await page.getByRole('slider', { name: /^speed/ }).focus();
    await page.keyboard.press('End');
    await page.getByTestId('search-play').click();
    const frames = await measureFrameTimes(page, 1500);
    const reached = await playbackStep(page);
    console.log(
      `ia-star 512×512 rooms: generated + planned in ${generatedAndPlannedMs} ms; replaying ${total} Dijkstra expansions at max speed: frame median ${frames.median.toFixed(1)} ms, p95 ${frames.p95.toFixed(1)} ms, max ${frames.max.toFixed(1)} ms over ${frames.frames} frames; step ${reached} after 1.5 s`,
    );
    expect(reached).toBeGreaterThan(10_000);
    expect(frames.p95).toBeLessThan(250);
    expect(consoleErrors).toEqual([]);
  });
});
