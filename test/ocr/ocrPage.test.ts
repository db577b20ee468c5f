import { describe, expect, it } from 'vitest';
import type { CropLayout, OcrEngine, OcrLine, OcrWord } from '../../src/readers/ocr/engine.ts';
import { ocrPage } from '../../src/readers/ocr/ocrPage.ts';
import type { GreyImage } from '../../src/readers/ocr/raster.ts';
import { pageReadahead } from '../../src/readers/ocr/readahead.ts';

/** A blank A4-wide page at 300 dpi: the clean stage finds no rules, no skew, no specks. */
const blank: GreyImage = { width: 2480, height: 600, pixels: new Uint8Array(2480 * 600).fill(255), dpi: 300 };
const word = (text: string, x0: number, x1: number, confidence = 95): OcrWord => ({
  text,
  x0,
  x1,
  y0: 300,
  y1: 340,
  confidence,
});
const line = (...words: OcrWord[]): OcrLine => ({ words, baseline: { x0: 0, y0: 340, x1: 2480, y1: 340 } });

/** An engine behind the interface alone, recording what the stages asked of it. */
function scriptedEngine(page: OcrLine[], crop: (layout: CropLayout) => OcrLine[]) {
  const asked: string[] = [];
  const engine: OcrEngine = {
    workers: 1,
    recognizePage: async () => {
      asked.push('page');
      return page;
    },
    recognizeCrop: async (_image, layout) => {
      asked.push(`crop:${layout}`);
      return crop(layout);
    },
    endPage: async () => {
      asked.push('end');
    },
    terminate: async () => undefined,
  };
  return { engine, asked };
}

const texts = (blocks: readonly { kind: string; raw?: string }[]) =>
  blocks.flatMap((b) => (b.kind === 'text' ? [b.raw] : []));

describe('ocrPage: one stage after another, whichever engine reads', () => {
  it('asks the engine for the page, then for a crop of the doubtful word, and places the surer reading', async () => {
    const { engine, asked } = scriptedEngine(
      [line(word('公用经费', 300, 460), word('sm', 500, 600, 35))],
      () => [line({ ...word('78000', 20, 120, 92), y0: 26, y1: 66 })],
    );
    const reading = await ocrPage(blank, 1, engine);
    expect(asked).toEqual(['page', 'crop:word', 'end']);
    expect(texts(reading.blocks).join(' ')).toContain('78000');
    expect(texts(reading.blocks).join(' ')).not.toContain('sm');
    expect(reading.words).toBeGreaterThan(0);
  });

  it('keeps the first reading when the crop is no surer, and says when the page had no words', async () => {
    const { engine } = scriptedEngine([line(word('公用经费', 300, 460), word('sm', 500, 600, 35))], () => [
      line(word('sn', 20, 120, 40)),
    ]);
    expect(texts((await ocrPage(blank, 1, engine)).blocks).join(' ')).toContain('sm');
    const empty = scriptedEngine([], () => []);
    const nothing = await ocrPage(blank, 2, empty.engine);
    expect(nothing.words).toBe(0);
    expect(empty.asked).toEqual(['page', 'end']);
  });
});

describe('pageReadahead', () => {
  it('lets a page be drawn only while fewer than two per engine worker are being read, and finishes them all', async () => {
    const done: number[] = [];
    const resolvers: (() => void)[] = [];
    const run = (n: number) =>
      new Promise<void>((resolve) => resolvers.push(resolve)).then(() => {
        done.push(n);
      });
    const readahead = pageReadahead(1); // one engine worker: two pages in flight
    await readahead.add(run(1));
    let admitted = false;
    const second = readahead.add(run(2)).then(() => {
      admitted = true;
    });
    await Promise.resolve();
    expect(admitted).toBe(false); // two in flight: the third page waits for the first
    resolvers[0]!();
    await second;
    expect(done).toEqual([1]);
    const finished = readahead.finish();
    resolvers[1]!();
    await finished;
    expect(done).toEqual([1, 2]);
  });
});
