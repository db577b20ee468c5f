import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isBlankImage } from '../../src/readers/pdf/blankPage.ts';
import { readPdf } from '../../src/readers/pdf/pdfReader.ts';
import { imageOnlyPdf } from '../fixtures/scan/imagePdf.ts';

/** A page with no text layer and nothing drawn on it is not given to OCR (starting it cost seconds). */

const white = (width: number, height: number) => ({
  width,
  height,
  pixels: new Uint8Array(width * height).fill(255),
  dpi: 300,
});

describe('blank pages', () => {
  it('an image is blank unless a pixel is darker than paper', () => {
    const image = white(40, 30);
    expect(isBlankImage(image)).toBe(true);
    image.pixels[567] = 120;
    expect(isBlankImage(image)).toBe(false);
    image.pixels[567] = 230; // the faint grey of paper, not ink
    expect(isBlankImage(image)).toBe(true);
  });

  it('the blank last page of a PDF is reported without OCR', async () => {
    // Seed 001 drawn as a PDF: five pages of forms, then a page left blank.
    const reading = await readPdf(readFileSync('test/fixtures/pdf/001_1c3d2c2c6bd79ef7.pdf'));
    expect(reading.pageCount).toBe(6);
    expect(reading.ocrPages).toEqual([]);
    expect(reading.problems).toEqual([
      expect.objectContaining({
        code: 'blank-page',
        message: 'page 6 is blank: no text layer and nothing drawn on it',
        at: { page: 6 },
      }),
    ]);
  });

  it('a scanned sheet with no ink is blank, not an image that could not be decoded', async () => {
    // The blank back of a leaf, as a scanner writes it: an image of white paper over the page. It
    // decodes; only an image pdf.js cannot decode is the error that leaves the page unread.
    const width = 620;
    const height = 877;
    const paper = new Uint8Array(width * height).fill(250);
    const pdf = imageOnlyPdf([
      { image: { kind: 'grey', width, height, bits: 8, data: paper }, width: 595, height: 842 },
    ]);
    const reading = await readPdf(pdf, { ocrWorkers: 1 });
    expect(reading.ocrPages).toEqual([]);
    expect(reading.problems.map((p) => [p.severity, p.code, p.message])).toEqual([
      ['warning', 'blank-page', 'page 1 is blank: no text layer, and its image shows no ink'],
    ]);
  });
});
