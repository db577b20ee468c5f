import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/pipeline/extractDocument.ts';
import { shutdownOcr } from '../../src/readers/ocr/engine.ts';
import { readPdf } from '../../src/readers/pdf/pdfReader.ts';

/**
 * JPEG 2000 pages (issue 18): pdf.js decodes JPX with its openjpeg WebAssembly decoder, given to it
 * from the package (loadPdf.ts, like the cMaps). Before, such a page rendered blank and OCR "found
 * no text". A page whose image cannot be decoded at all says so. Fixtures: test/fixtures/scan/jpx/
 * (make-jpx-fixtures.ts), one small page each, so OCR stays quick.
 */

const DIR = 'test/fixtures/scan/jpx';

afterAll(async () => {
  await shutdownOcr();
});

describe('a scanned page stored as JPEG 2000', () => {
  it('is decoded and read by OCR', async () => {
    const reading = await readPdf(readFileSync(`${DIR}/notice-jpx.pdf`), { ocrWorkers: 1 });
    expect(reading.problems).toEqual([]);
    expect(reading.ocrPages).toEqual([1]);
    const text = reading.blocks
      .flatMap((b) => (b.kind === 'text' ? [b.raw] : b.kind === 'row' ? b.cells.map((c) => c.raw) : []))
      .join('')
      .replace(/\s+/g, '');
    expect(text).toContain('通知');
    expect(text).toContain('1,234.56');
  }, 60_000);

  it('that cannot be decoded says so, not "OCR found no text", and is not called a non-budget', async () => {
    const path = `${DIR}/notice-jpx-truncated.pdf`;
    const doc = await extractDocument(
      readFileSync(path),
      { documentId: 'truncated', sourceFile: path },
      { ocrWorkers: 1 },
    );
    expect(doc.status).toBe('failed');
    expect(doc.problems.map((p) => p.code)).toContain('page-image-undecodable');
    expect(doc.message).toMatch(/page 1 has no text layer and its image could not be decoded/);
    expect(doc.message).not.toMatch(/OCR found no text|not a budget disclosure/);
  }, 60_000);
});

describe('a page with nothing on it', () => {
  it('is called blank, not unread', async () => {
    // The truncated fixture's page without its image: an empty page of the same size.
    const empty = readFileSync(`${DIR}/notice-jpx-truncated.pdf`, 'latin1').replace('/Im0 Do', '       ');
    const sentToOcr: number[][] = [];
    const reading = await readPdf(Buffer.from(empty, 'latin1'), {
      ocrWorkers: 1,
      onOcrPage: (page, pages) => sentToOcr.push([page, pages]),
    });
    expect(reading.problems.map((p) => [p.code, p.message])).toEqual([
      ['blank-page', 'page 1 is blank: no text layer and nothing drawn on it'],
    ]);
    // A page without text goes to OCR as far as the time limit and the progress line know.
    expect(sentToOcr).toEqual([[1, 1]]);
  }, 60_000);
});

/** The real JPX file of the crawl (a Changsha notice); skipped without ../shared/realdocs. */
const CHANGSHA = '../shared/realdocs/renwu/015_长沙';
const realJpx = existsSync(CHANGSHA)
  ? readdirSync(CHANGSHA)
      .filter((f) => f.endsWith('.pdf'))
      .map((f) => `${CHANGSHA}/${f}`)
      .find((f) => readFileSync(f).includes('/JPXDecode'))
  : undefined;

describe.skipIf(realJpx === undefined)('the real JPX notice of the crawl', () => {
  it('reads its first page (one page only: OCR is slow)', async () => {
    const reading = await readPdf(readFileSync(realJpx!), { maxPages: 1, ocrWorkers: 1 });
    expect(reading.problems.map((p) => p.code)).toEqual(['too-many-pages']);
    const text = reading.blocks
      .flatMap((b) => (b.kind === 'text' ? [b.raw] : []))
      .join('')
      .replace(/\s+/g, '');
    expect(text).toMatch(/通知/);
  }, 120_000);
});
