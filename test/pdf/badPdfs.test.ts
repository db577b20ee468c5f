import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/pipeline/extractDocument.ts';
import { shutdownOcr } from '../../src/readers/ocr/engine.ts';
import { PdfDocumentWriter } from '../fixtures/pdf/pdfWriter.ts';

afterAll(shutdownOcr);

const extract = (path: string, options = {}) =>
  extractDocument(readFileSync(path), { documentId: 'x', sourceFile: path }, options);

describe('broken and hostile PDFs', () => {
  it('says an encrypted PDF needs a password, and reads it with one', async () => {
    const locked = await extract('test/fixtures/bad/encrypted-password-yusuan.pdf');
    expect(locked).toMatchObject({ status: 'failed', input_type: 'pdf' });
    expect(locked.message).toMatch(
      /encrypted-password-yusuan\.pdf: the PDF is encrypted; give its password with --password/,
    );
    const wrong = await extract('test/fixtures/bad/encrypted-password-yusuan.pdf', { password: 'nope' });
    expect(wrong.message).toMatch(/password is wrong/);
    const open = await extract('test/fixtures/bad/encrypted-password-yusuan.pdf', { password: 'yusuan' });
    expect(open.status).toBe('ok');
    expect(open.line_items).toHaveLength(307);
  });

  it('fails a truncated PDF with a message naming the file', async () => {
    const doc = await extract('test/fixtures/bad/truncated.pdf');
    expect(doc.status).toBe('failed');
    expect(doc.message).toMatch(/truncated\.pdf: the PDF cannot be opened/);
  });

  it('recovers a PDF whose cross-reference table is wrong', async () => {
    const doc = await extract('test/fixtures/bad/broken-xref.pdf');
    expect(doc.status).toBe('ok');
    expect(doc.line_items).toHaveLength(307);
  });

  it('reports a PDF with no pages and a page without a text layer', async () => {
    expect((await extract('test/fixtures/bad/zero-pages.pdf')).message).toMatch(/the PDF has no pages/);
    const scan = await extract('test/fixtures/bad/no-text-layer.pdf', { ocr: 'never' });
    expect(scan.status).toBe('failed');
    expect(scan.message).toMatch(/no text layer .*needs OCR/);
    expect(scan.problems.some((p) => p.code === 'pages-without-text' && p.at?.page === 1)).toBe(true);
    // With OCR (the default) the page is recognised; it holds no text, and says so.
    const ocred = await extract('test/fixtures/bad/no-text-layer.pdf', { ocrWorkers: 1 });
    expect(ocred.problems.some((p) => p.at?.page === 1 && /OCR/.test(p.message))).toBe(true);
  }, 60_000);

  it('reads a 1,000-page PDF page by page up to the page limit, and says where it stopped', async () => {
    const writer = new PdfDocumentWriter();
    for (let n = 1; n <= 1000; n++) {
      const page = writer.addPage(595, 842);
      PdfDocumentWriter.text(page, `第${n}页`, 50, 60, 10);
    }
    const bytes = writer.toBytes();
    const doc = await extractDocument(
      bytes,
      { documentId: 'long', sourceFile: 'long.pdf' },
      { maxPages: 25 },
    );
    expect(doc.problems.find((p) => p.code === 'too-many-pages')?.message).toMatch(
      /has 1000 pages; only the first 25 were read/,
    );
  });
});
