import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import chromium from '@sparticuz/chromium';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeReport } from '../../src/report/writeReport.ts';
import { tempDir } from '../tmp.ts';

/** The DOM as the tests touch it (the project's TypeScript has no DOM library). */
interface Row {
  readonly dataset: Record<string, string | undefined>;
  readonly hidden: boolean;
}
interface Img {
  loading: string;
  readonly naturalWidth: number;
  decode(): Promise<void>;
}

/**
 * The review site in a real headless browser (Chromium shipped inside the @sparticuz/chromium npm
 * package: nothing is downloaded at run time). Screenshots go to output/ for CI to keep.
 */

const exec = promisify(execFile);
const REAL = '../shared/realdocs/renwu/001_上海/2026年上海市生态环境局_部门预算.pdf';
const SHOTS = 'output';

let browser: Browser;
let site: string;

beforeAll(async () => {
  const input = tempDir('report-in');
  // Seed 004 with its 本年支出合计 misprinted by 1: the 收支总表's sum check fails there.
  const seed = readFileSync('seeds/004_15f2cd45d2b48077.txt', 'utf8');
  writeFileSync(
    join(input, 'misread.txt'),
    seed.replace('<b>本年支出合计</b>\t<b>10,018.162211</b>', '<b>本年支出合计</b>\t<b>10,019.162211</b>'),
  );
  copyFileSync('test/fixtures/pdf/004_15f2cd45d2b48077.pdf', join(input, 'beijing.pdf'));
  if (existsSync(REAL)) copyFileSync(REAL, join(input, 'real.pdf'));
  const dump = tempDir('report-dump');
  await exec(process.execPath, [
    'bin/yusuan.js',
    'extract',
    input,
    '--out',
    dump,
    '--in-process',
    '--quiet',
  ]).catch(() => undefined);
  site = tempDir('report-site');
  expect(await writeReport(dump, site)).toMatchObject({ documents: existsSync(REAL) ? 3 : 2 });
  mkdirSync(SHOTS, { recursive: true });
  browser = await puppeteer.launch({
    args: chromium.args,
    executablePath: await chromium.executablePath(),
    headless: true,
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
});

const url = (path: string) => pathToFileURL(resolve(site, path)).href;

describe('yusuan report in a headless browser', () => {
  it('lists every document with its verdict, and filters by verdict', async () => {
    const page = await browser.newPage();
    await page.goto(url('index.html'));
    const verdicts = await page.$$eval('#documents tbody tr', (rows) =>
      rows.map((r) => (r as unknown as Row).dataset.verdict),
    );
    expect(verdicts).toContain('needs_review');
    expect(verdicts).toContain('verified');
    await page.select('#verdict', 'needs_review');
    const shown = await page.$$eval(
      '#documents tbody tr',
      (rows) => rows.filter((r) => !(r as unknown as Row).hidden).length,
    );
    expect(shown).toBe(verdicts.filter((v) => v === 'needs_review').length);
    await page.close();
  }, 60_000);

  it('outlines the cells a failed check added up, one click from the check', async () => {
    const page = await browser.newPage();
    await page.setViewport({ width: 1366, height: 800 });
    await page.goto(url('docs/misread.html'));
    expect(await page.$$eval('td.hl', (cells) => cells.length)).toBe(0);
    const check = await page.$('.check.fail');
    expect(check).not.toBeNull();
    await check!.click();
    const outlined = await page.$$eval('td.hl', (cells) => cells.map((c) => c.textContent));
    expect(outlined).toContain('10019.162211');
    expect(outlined.length).toBeGreaterThan(2);
    await page.screenshot({ path: join(SHOTS, 'report-failed-check.png') });
    await page.close();
  }, 60_000);

  it('shows a PDF table beside its rendered page', async () => {
    const page = await browser.newPage();
    await page.setViewport({ width: 1366, height: 800 });
    for (const name of existsSync(REAL) ? ['beijing', 'real'] : ['beijing']) {
      await page.goto(url(`docs/${name}.html`), { waitUntil: 'load' });
      const widths = await page.$$eval('.pages img', (imgs) =>
        Promise.all(
          (imgs as unknown as Img[]).map((img) => {
            img.loading = 'eager';
            return img.decode().then(
              () => img.naturalWidth,
              () => 0,
            );
          }),
        ),
      );
      expect(widths.length, name).toBeGreaterThan(0);
      expect(Math.min(...widths), name).toBeGreaterThan(500);
      await page.screenshot({ path: join(SHOTS, `report-${name}.png`) });
    }
    await page.close();
  }, 120_000);
});
