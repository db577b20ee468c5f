/// <reference lib="dom" />
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import chromium from '@sparticuz/chromium';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { layoutSeed } from '../fixtures/pdf/layoutTables.ts';
import { tempDir } from '../tmp.ts';

/**
 * The review site in a real browser: Chromium from npm (@sparticuz/chromium ships it inside the
 * package; nothing is downloaded), driven by puppeteer-core over file:// URLs, as a reviewer opens it.
 */

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const OUTPUT = join(ROOT, 'output');
/**
 * A real report with an error of its own (p. 30: 公路水路运输 基本支出小计 51,417.49, its 人员 + 公用
 * 51,468.09), so a failed check stays whatever the tool learns.
 */
const REAL_PDF = resolve(ROOT, '../shared/realdocs/renwu/008_杭州/2026年杭州市交通运输局部门预算.pdf');
const LAUNCH_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/**
 * @sparticuz/chromium unpacks its browser into the temp folder and reuses one it finds there, of
 * whatever version: a folder of its own version keeps another package's Chromium out.
 */
async function chromiumPath(): Promise<string> {
  const { version } = JSON.parse(
    readFileSync(join(ROOT, 'node_modules/@sparticuz/chromium/package.json'), 'utf8'),
  ) as { version: string };
  const own = join(tmpdir(), `yusuan-sparticuz-chromium-${version}`);
  mkdirSync(own, { recursive: true });
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = own;
  try {
    return await chromium.executablePath();
  } finally {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
  }
}

async function yusuan(...args: string[]): Promise<void> {
  await run(process.execPath, ['bin/yusuan.js', ...args], { cwd: ROOT, maxBuffer: 1 << 24 });
}

/** A seed with one amount changed (三公: 公务用车购置费 18.88 → 19.88), laid out as a PDF: one failed check. */
function brokenPdf(): Buffer {
  const seed = readFileSync(join(ROOT, 'seeds/004_15f2cd45d2b48077.txt'), 'utf8');
  const broken = seed.replace('\t18.880000\t20.780000', '\t19.880000\t20.780000');
  expect(broken).not.toBe(seed);
  return layoutSeed(broken);
}

async function buildSite(inputs: string, name: string): Promise<string> {
  const dump = join(tempDir(`${name}-dump`), 'dump');
  const site = join(tempDir(`${name}-site`), 'site');
  await yusuan('extract', inputs, '--out', dump, '--quiet');
  await yusuan('report', dump, '--out', site, '--quiet');
  return site;
}

/** Clicks the first failed check and returns what is highlighted on both sides. */
async function clickFirstFailedCheck(page: Page) {
  await page.click('.check-link');
  // Page images load lazily: the click scrolls the box's page into view, which loads it.
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('a.box.hl')].every(
        (b) => (b.parentElement!.querySelector('img') as HTMLImageElement).naturalWidth > 0,
      ),
    { timeout: 10_000 },
  );
  return page.evaluate(() => {
    const inside = (inner: DOMRect, outer: DOMRect) =>
      inner.left >= outer.left - 1 &&
      inner.right <= outer.right + 1 &&
      inner.top >= outer.top - 1 &&
      inner.bottom <= outer.bottom + 1;
    const keys = (document.querySelector('.check-link.selected') as HTMLElement).dataset.cells!.split(' ');
    const cells = keys.map((k) => document.getElementById(`g-${k}`));
    const boxes = [...document.querySelectorAll<HTMLElement>('a.box.hl')];
    return {
      keys,
      cellsHighlighted: cells.filter((c) => c?.classList.contains('hl')).map((c) => c!.textContent),
      boxKeys: boxes.map((b) => b.dataset.key),
      boxesOnImage: boxes.every((b) =>
        inside(b.getBoundingClientRect(), b.parentElement!.querySelector('img')!.getBoundingClientRect()),
      ),
      imageLoaded: boxes.every(
        (b) => (b.parentElement!.querySelector('img') as HTMLImageElement).naturalWidth > 0,
      ),
    };
  });
}

let browser: Browser;

beforeAll(async () => {
  mkdirSync(OUTPUT, { recursive: true });
  browser = await puppeteer.launch({
    executablePath: await chromiumPath(),
    headless: true,
    args: LAUNCH_FLAGS,
    defaultViewport: { width: 1366, height: 800 },
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe('the review site of the seeds, a PDF fixture and a PDF with one failed check', () => {
  let site: string;
  beforeAll(async () => {
    const inputs = tempDir('report-inputs');
    for (const f of readdirSync(join(ROOT, 'seeds'))) copyFileSync(join(ROOT, 'seeds', f), join(inputs, f));
    copyFileSync(join(ROOT, 'test/fixtures/pdf/001_1c3d2c2c6bd79ef7.pdf'), join(inputs, 'fixture.pdf'));
    writeFileSync(join(inputs, 'broken.pdf'), brokenPdf());
    site = await buildSite(inputs, 'seeds');
  }, 120_000);

  it('lists every document, filters and sorts the index', async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(join(site, 'index.html')).href);
    expect(await page.$$eval('#documents tbody tr', (rows) => rows.length)).toBe(7);
    await page.type('#filter', 'broken');
    expect(
      await page.$$eval('#documents tbody tr:not([hidden])', (rows) =>
        rows.map((r) => r.cells[0]!.textContent),
      ),
    ).toEqual(['broken']);
    await page.click('#filter', { count: 3 });
    await page.keyboard.press('Backspace');
    await page.click('th[data-column="9"]'); // checks_failed, ascending
    await page.click('th[data-column="9"]'); // descending: the failing document first
    expect(await page.$eval('#documents tbody tr', (r) => r.cells[0]!.textContent)).toBe('broken');
    // The verdict column of documents.csv, not the extraction status: a failed check needs review.
    await page.select('#verdict-filter', 'needs_review');
    const shown = await page.$$eval('#documents tbody tr:not([hidden])', (rows) =>
      rows.map((r) => [r.cells[0]!.textContent, (r as HTMLElement).dataset.verdict]),
    );
    expect(shown).toContainEqual(['broken', 'needs_review']);
    expect(shown.every(([, v]) => v === 'needs_review')).toBe(true);
    await page.close();
  });

  it('a failed check highlights its cells in the grid and their boxes on the page image', async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(join(site, 'doc-broken.html')).href, { waitUntil: 'load' });
    const shown = await clickFirstFailedCheck(page);
    expect(shown.cellsHighlighted).toContain('19.880000');
    expect(shown.cellsHighlighted).toHaveLength(shown.keys.length);
    expect(new Set(shown.boxKeys)).toEqual(new Set(shown.keys));
    expect(shown.boxesOnImage).toBe(true);
    expect(shown.imageLoaded).toBe(true);
    await page.screenshot({ path: join(OUTPUT, 'report-screenshot.png') });
    // And the other way: a value clicked in the grid is found on the page.
    const key = await page.$eval(
      'table.grid td[data-key]:not(.hl)',
      (td) => (td as HTMLElement).dataset.key!,
    );
    await page.click(`#g-${key}`);
    expect(await page.$$eval('.hl', (els) => els.map((e) => (e as HTMLElement).dataset.key))).toEqual([
      key,
      key,
    ]);
    await page.close();
  });

  it('a text input is shown as grids only', async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(join(site, 'doc-000_b0eb34479b848794.html')).href);
    expect(await page.$$eval('table.grid', (t) => t.length)).toBeGreaterThan(0);
    expect(await page.$$eval('figure.page', (f) => f.length)).toBe(0);
    await page.close();
  });
});

describe.skipIf(!existsSync(REAL_PDF))('the review site of a real PDF', () => {
  it('a failed check leads to its cell on the rendered page', async () => {
    const inputs = tempDir('report-real');
    copyFileSync(REAL_PDF, join(inputs, 'real.pdf'));
    const site = await buildSite(inputs, 'real');
    const page = await browser.newPage();
    await page.goto(pathToFileURL(join(site, 'doc-real.html')).href, { waitUntil: 'load' });
    const shown = await clickFirstFailedCheck(page);
    expect(shown.cellsHighlighted.length).toBeGreaterThan(0);
    expect(shown.boxKeys.length).toBeGreaterThan(0);
    expect(shown.boxesOnImage).toBe(true);
    expect(shown.imageLoaded).toBe(true);
    await page.screenshot({ path: join(OUTPUT, 'report-screenshot-real.png') });
    await page.close();
  }, 120_000);
});
