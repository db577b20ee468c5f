import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pngSize } from '../../src/readers/ocr/raster.ts';
import { readTiffDirectory } from '../../src/readers/ocr/tiff.ts';
import { writeImagePages } from '../../src/report/imagePages.ts';
import { REPORT_DPI } from '../../src/report/pageImage.ts';
import { tempDir } from '../tmp.ts';

describe('page images of a scanned input', () => {
  it('draws the asked pages of a multi-page TIFF at the report resolution', async () => {
    const bytes = new Uint8Array(
      readFileSync('test/fixtures/scan/images/004_15f2cd45d2b48077-p03-p04-300dpi-g4.tif'),
    );
    const site = tempDir('report-tiff');
    const images = await writeImagePages(bytes, [2], site, 'pages/scan');
    expect([...images.keys()]).toEqual([2]);
    const page = readTiffDirectory(bytes).pages[1]!;
    const image = images.get(2)!;
    expect(image.width).toBe(Math.round((page.width * REPORT_DPI) / page.dpi));
    expect(pngSize(readFileSync(join(site, image.file)))).toEqual({
      width: image.width,
      height: image.height,
    });
  });

  it('draws a single-page image as page 1', async () => {
    const bytes = new Uint8Array(
      readFileSync('test/fixtures/scan/images/004_15f2cd45d2b48077-p03-300dpi.png'),
    );
    const images = await writeImagePages(bytes, [1], tempDir('report-png'), 'pages/png');
    expect(images.get(1)?.file).toBe('pages/png/p1.png');
  });
});
