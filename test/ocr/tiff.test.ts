import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/pipeline/extractDocument.ts';
import { shutdownOcr } from '../../src/readers/ocr/engine.ts';
import { ImageReadError } from '../../src/readers/ocr/imageReader.ts';
import { decodeTiffPages, readTiffDirectory } from '../../src/readers/ocr/tiff.ts';
import { type TiffPageSpec, writeTiff } from '../fixtures/bad/tiffWriter.ts';

afterAll(shutdownOcr);

const G4 = 'test/fixtures/scan/images/004_15f2cd45d2b48077-p03-p04-300dpi-g4.tif';
const VARIANTS = 'test/fixtures/scan/images/004_15f2cd45d2b48077-p04-crop-variants.tif';
const BOMB = 'test/fixtures/bad/bomb-image.tif';

describe('a two-page CCITT G4 TIFF scan (seed 004 pages 3 and 4, 300 dpi) through OCR', () => {
  it('reads both pages in order, each amount with its TIFF page and a confidence', async () => {
    const doc = await extractDocument(
      readFileSync(G4),
      { documentId: 'g4', sourceFile: G4 },
      { ocrWorkers: 1 },
    );
    expect(doc.input_type).toBe('image');
    expect(doc.metadata.pages).toBe(2);
    const onPage = (page: number) => doc.line_items.filter((it) => it.page === page).map((it) => it.value);
    // Page 1 is seed page 3, the amounts the PNG test reads from it (seed text lines 84–103, 预算03表:
    // 2010302 委托业务费 1,945.097640, 其他因公出国(境)费用 108.099600 and the 合计 row).
    for (const v of ['1945.097640', '108.099600', '10018.162211', '5950.314991', '4067.847220'])
      expect(onPage(1)).toContain(v);
    // Page 2 is seed page 4 (seed text lines 105–151: 预算04表 财政拨款收支总表 — 一般公共预算资金,
    // 一般公共服务支出, 住房保障支出, 本年支出合计, 上年结转结余 — and 预算05表's 2010301 行政运行).
    for (const v of ['9032.213338', '7196.149302', '870.052000', '9274.719302', '242.505964', '4050.592991'])
      expect(onPage(2)).toContain(v);
    expect(new Set(doc.line_items.map((it) => it.page))).toEqual(new Set([1, 2]));
    expect(doc.line_items.every((it) => it.confidence !== undefined)).toBe(true);
  }, 180_000);

  it('decodes the pages black on white at the 300 dpi the file states', () => {
    const pages = decodeTiffPages(new Uint8Array(readFileSync(G4)));
    expect(pages.map((p) => [p.width, p.height, p.dpi])).toEqual([
      [3508, 2479, 300],
      [2479, 3508, 300],
    ]);
    for (const p of pages) {
      const dark = p.pixels.filter((v) => v < 128).length / p.pixels.length;
      expect(dark).toBeGreaterThan(0.01);
      expect(dark).toBeLessThan(0.2);
    }
  });
});

describe('broken and hostile TIFFs', () => {
  it('refuses a page that declares 100000 × 100000 pixels from its directory, without allocating it', async () => {
    const bytes = readFileSync(BOMB);
    expect(bytes.length).toBeLessThan(300);
    const before = process.memoryUsage().arrayBuffers;
    const start = performance.now();
    const doc = await extractDocument(bytes, { documentId: 'bomb', sourceFile: BOMB });
    const elapsed = performance.now() - start;
    expect(doc.status).toBe('failed');
    expect(doc.message).toMatch(
      /bomb-image\.tif: TIFF image: page 1 declares 100000 × 100000 pixels, over the limit of 80 megapixels; not decoded/,
    );
    expect(elapsed).toBeLessThan(500);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(16 * 1024 * 1024);
  });

  it('fails a truncated TIFF with a message saying where it is cut off', async () => {
    const full = readFileSync(G4);
    for (const [length, where] of [
      [6, /the TIFF is cut off before its first directory/],
      [Math.floor(full.length / 2), /the directory of page 1 lies past the end of the file \(cut off\?\)/],
      [full.length - 60, /page 2 .*past the end of the file/],
    ] as const) {
      const doc = await extractDocument(full.subarray(0, length), {
        documentId: 'cut',
        sourceFile: 'cut.tif',
      });
      expect(doc.status).toBe('failed');
      expect(doc.message).toMatch(/^cut\.tif: TIFF image: /);
      expect(doc.message).toMatch(where);
    }
  });

  it('fails a page whose G4 data is corrupt at once, naming the page and the compression', () => {
    const bytes = new Uint8Array(readFileSync(G4));
    // Bytes inside page 1's strip (the directory of page 1 comes after it).
    for (const at of [2000, 9000, 20000, 31000]) bytes[at] = 0x00;
    const start = performance.now();
    expect(() => decodeTiffPages(bytes)).toThrow(/^page 1 cannot be decoded \(CCITT Group 4\): .*corrupt/);
    expect(performance.now() - start).toBeLessThan(5_000);
  });

  it('skips a page that cannot be decoded and reads the others, as for a PDF', async () => {
    const corrupt: TiffPageSpec = {
      width: 64,
      height: 2,
      photometric: 0,
      compression: 4,
      strips: [new Uint8Array(16)],
    };
    const blank: TiffPageSpec = {
      width: 200,
      height: 100,
      photometric: 1,
      bitsPerSample: [8],
      strips: [new Uint8Array(20_000).fill(255)],
    };
    const doc = await extractDocument(
      writeTiff([corrupt, blank]),
      { documentId: 'mixed', sourceFile: 'mixed.tif' },
      { ocrWorkers: 1 },
    );
    expect(doc.status).toBe('failed');
    expect(doc.metadata.pages).toBe(2);
    expect(doc.message).toMatch(
      /mixed\.tif: page 1 cannot be decoded \(CCITT Group 4\): no CCITT code matches the data/,
    );
    expect(doc.problems.map((p) => [p.code, p.at?.page])).toEqual(
      expect.arrayContaining([
        ['page-unreadable', 1],
        ['ocr-no-text', 2],
      ]),
    );
  }, 60_000);

  it('lists each page once when the directory chain loops back, and stops at the page limit', () => {
    const page = bilevel(0, [0b1010_0000]);
    const looped = readTiffDirectory(writeTiff([page, page, page], { lastPointsTo: 1 }));
    expect(looped.pages.map((p) => p.page)).toEqual([1, 2, 3]);
    expect(looped.loops).toBe(true);
    const many = writeTiff(Array.from({ length: 5 }, () => page));
    expect(readTiffDirectory(many, 3)).toMatchObject({ morePages: true, loops: false });
    expect(readTiffDirectory(many, 3).pages).toHaveLength(3);
    expect(readTiffDirectory(many, 5).morePages).toBe(false);
  });

  it('refuses a Deflate strip that inflates past its page instead of inflating it', () => {
    const bomb = deflateSync(new Uint8Array(64 * 1024 * 1024));
    const bytes = writeTiff([
      { width: 100, height: 100, photometric: 1, bitsPerSample: [8], compression: 8, strips: [bomb] },
    ]);
    expect(() => decodeTiffPages(bytes)).toThrow(
      /a Deflate strip of page 1 inflates past the page's 100 × 100 pixels; not decoded/,
    );
  });

  it('says what it does not read instead of guessing', async () => {
    const cmyk = writeTiff([
      { width: 1, height: 1, photometric: 5, bitsPerSample: [8, 8, 8, 8], strips: [new Uint8Array(4)] },
    ]);
    expect(() => readTiffDirectory(cmyk)).toThrow(ImageReadError);
    expect(() => readTiffDirectory(cmyk)).toThrow(/page 1 is CMYK at 8 bits × 4 samples, which is not read/);
    const oldJpeg = writeTiff([{ ...bilevel(1, [0]), compression: 6 }]);
    expect(() => readTiffDirectory(oldJpeg)).toThrow(/compression 6 \(old-style JPEG\), which is not read/);
    const big = new Uint8Array(readFileSync(G4));
    big[2] = 43;
    const doc = await extractDocument(big, { documentId: 'big', sourceFile: 'big.tif' });
    expect(doc.message).toMatch(/^big\.tif: TIFF image: BigTIFF is not read/);
  });
});

/** A 8 × 2 bilevel page: the first row from `row`, the second all ink (1 = ink as WhiteIsZero writes it). */
function bilevel(photometric: 0 | 1, row: number[], extra: Partial<TiffPageSpec> = {}): TiffPageSpec {
  const ink = photometric === 0 ? 0xff : 0x00;
  const first = photometric === 0 ? row[0]! : ~row[0]! & 0xff;
  return { width: 8, height: 2, photometric, strips: [new Uint8Array([first, ink])], ...extra };
}

describe('TIFF pixels as OCR gets them: grey, black ink on white paper', () => {
  it('decodes one crop stored seven ways (LZW, JPEG, Deflate, G3, PackBits, tiles) to the same pixels', () => {
    const pages = decodeTiffPages(new Uint8Array(readFileSync(VARIANTS)));
    expect(pages.map((p) => [p.width, p.height, p.dpi])).toEqual(Array(7).fill([400, 300, 300]));
    const [lzw, greyJpeg, rgbDeflate, rgbJpeg, g3, packBits, tiled] = pages.map((p) => p.pixels);
    const meanDifference = (a: Uint8Array, b: Uint8Array) =>
      a.reduce((sum, v, i) => sum + Math.abs(v - b[i]!), 0) / a.length;
    const ink = lzw!.filter((v) => v < 128).length / lzw!.length;
    expect(ink).toBeGreaterThan(0.05);
    expect(ink).toBeLessThan(0.2);
    // (Buffer comparison: a deep equality of 120,000 elements takes vitest seconds.)
    const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));
    // Lossless pages are the same pixels; the red disc over page 3 is gone in the red channel.
    expect(same(rgbDeflate!, lzw!)).toBe(true);
    expect(same(tiled!, lzw!)).toBe(true);
    expect(meanDifference(greyJpeg!, lzw!)).toBeLessThan(3);
    expect(meanDifference(rgbJpeg!, lzw!)).toBeLessThan(6);
    // The bilevel pages are the crop at threshold 128, black on white.
    const threshold = lzw!.map((v) => (v < 128 ? 0 : 255));
    expect(same(g3!, threshold)).toBe(true);
    expect(same(packBits!, threshold)).toBe(true);
  });

  it('gives the same black-on-white pixels for WhiteIsZero and BlackIsZero bilevel pages', () => {
    const expected = [0, 255, 0, 255, 255, 255, 255, 255, 0, 0, 0, 0, 0, 0, 0, 0];
    for (const photometric of [0, 1] as const) {
      for (const bigEndian of [false, true]) {
        const [page] = decodeTiffPages(writeTiff([bilevel(photometric, [0b1010_0000])], { bigEndian }));
        expect([...page!.pixels], `photometric ${photometric}`).toEqual(expected);
      }
    }
  });

  it('reads 8-bit grey both ways round, and colour from the red channel so red seals fade', () => {
    const grey = (photometric: 0 | 1) =>
      decodeTiffPages(
        writeTiff([
          { width: 3, height: 1, photometric, bitsPerSample: [8], strips: [new Uint8Array([0, 128, 255])] },
        ]),
      )[0]!.pixels;
    expect([...grey(1)]).toEqual([0, 128, 255]);
    expect([...grey(0)]).toEqual([255, 127, 0]);
    // Black ink, a red seal, white paper, blue ink.
    const rgb = new Uint8Array([0, 0, 0, 220, 30, 30, 255, 255, 255, 20, 20, 160]);
    const [colour] = decodeTiffPages(
      writeTiff([{ width: 4, height: 1, photometric: 2, bitsPerSample: [8, 8, 8], strips: [rgb] }]),
    );
    expect([...colour!.pixels]).toEqual([0, 220, 255, 20]);
    // The same pixels in PackBits (a literal run of 12 bytes).
    const packed = new Uint8Array([11, ...rgb]);
    const [again] = decodeTiffPages(
      writeTiff([
        {
          width: 4,
          height: 1,
          photometric: 2,
          bitsPerSample: [8, 8, 8],
          compression: 32773,
          strips: [packed],
        },
      ]),
    );
    expect([...again!.pixels]).toEqual([0, 220, 255, 20]);
  });

  it('takes the resolution from XResolution and ResolutionUnit, else guesses it from the size', () => {
    const sized = (resolution?: TiffPageSpec['resolution']) =>
      readTiffDirectory(
        writeTiff([
          {
            width: 2480,
            height: 3508,
            photometric: 1,
            bitsPerSample: [8],
            strips: [new Uint8Array(2480 * 3508)],
            ...(resolution ? { resolution } : {}),
          },
        ]),
      ).pages[0]!;
    expect(sized({ x: 200, y: 200 }).dpi).toBe(200);
    expect(sized({ x: 118, y: 118, unit: 3 }).dpi).toBe(300);
    expect(sized().dpi).toBe(300);
    // A default 72 dpi written over a 300 dpi scan would make the page 34 inches wide: guessed.
    expect(sized({ x: 72, y: 72 }).dpi).toBe(300);
  });

  it('gives a fax page of 204 × 98 dpi square pixels by repeating its rows', () => {
    const [page] = decodeTiffPages(writeTiff([bilevel(0, [0b1010_0000], { resolution: { x: 204, y: 98 } })]));
    expect([page!.width, page!.height, page!.dpi]).toEqual([8, 4, 204]);
    expect([...page!.pixels.subarray(0, 16)]).toEqual([
      ...page!.pixels.subarray(0, 8),
      ...page!.pixels.subarray(0, 8),
    ]);
  });
});
