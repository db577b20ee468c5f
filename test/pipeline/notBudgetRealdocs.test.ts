import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/pipeline/extractDocument.ts';

/**
 * The web pages of the real crawl (../shared/realdocs/renwu, never committed): every `.html` page
 * and every `.pdf` that holds an HTML page is a listing, a notice or a portal page — none holds a
 * budget table. Each must end `failed`, "not a budget disclosure", with no amounts. Skipped when
 * the folder is absent.
 */

const CRAWL = '../shared/realdocs/renwu';

function webPages(): string[] {
  if (!existsSync(CRAWL)) return [];
  const files = readdirSync(CRAWL, { recursive: true, encoding: 'utf8' }).map((f) => join(CRAWL, f));
  return files.filter((f) => {
    if (f.endsWith('.html')) return true;
    if (!f.endsWith('.pdf')) return false;
    const head = readFileSync(f).subarray(0, 2048).toString('latin1');
    return !head.includes('%PDF-') && /<(?:!doctype|html)\b/i.test(head);
  });
}

const pages = webPages();

describe.skipIf(pages.length === 0)('web pages of the real crawl', () => {
  it('finds the crawl’s web pages', () => {
    expect(pages.length).toBeGreaterThanOrEqual(24);
  });

  it.each(pages)('%s is not a budget disclosure', async (path) => {
    const doc = await extractDocument(readFileSync(path), { documentId: 'page', sourceFile: path });
    expect(doc.status).toBe('failed');
    expect(doc.message).toMatch(/^not a budget disclosure/);
    expect(doc.line_items).toEqual([]);
  });
});

/**
 * PDFs of the crawl saved under 部门预算 names that are something else: a municipal notice issuing
 * a building-waste plan (53 pages of tonnage tables) and a monthly statistics bulletin.
 */
const NOTICES = ['073_包头/2026年包头市政府办公厅部门预算.pdf', '021_泉州/统计局_2026年部门预算.pdf']
  .map((f) => join(CRAWL, f))
  .filter((f) => existsSync(f));

describe.skipIf(NOTICES.length === 0)('notices and bulletins saved as budget PDFs', () => {
  it.each(NOTICES)('%s is not a budget disclosure', async (path) => {
    const doc = await extractDocument(readFileSync(path), { documentId: 'notice', sourceFile: path });
    expect(doc.status).toBe('failed');
    expect(doc.message).toMatch(/^not a budget disclosure: .*none a budget table/);
    expect(doc.line_items).toEqual([]);
  }, 60_000);
});
