import type { Block } from '../../model.ts';
import { pageBlocks } from '../pdf/pageBlocks.ts';
import { cleanPage } from './cleanPage.ts';
import type { OcrEngine } from './engine.ts';
import { withOcrSlot } from './ocrGate.ts';
import { pageContentOf, withConfidence, wordsToItems } from './pageWords.ts';
import type { GreyImage } from './raster.ts';
import { rereadUnreadCells } from './rereadCells.ts';
import { rereadDoubtfulWords } from './rereadWords.ts';

/**
 * One scanned page → the same blocks the PDF reader makes, straight through: clean the image
 * (cleanPage.ts) → recognise it → read doubtful words again (rereadWords.ts) → place the words as
 * text runs (pageWords.ts) → the PDF reader's lines, grids and rows → read unread or doubtful cells
 * again (rereadCells.ts). Each stage is a function of the clean page and the stage before; the
 * engine, whichever it is, is asked only for a page and for crops.
 */

export interface OcrPageReading {
  readonly blocks: Block[];
  readonly skew: number;
  readonly words: number;
}

/** Reads one page holding an OCR slot (ocrGate.ts): the pixel work and recognition alike. */
export function ocrPage(image: GreyImage, page: number, engine: OcrEngine): Promise<OcrPageReading> {
  return withOcrSlot(async () => {
    try {
      return await readPage(image, page, engine);
    } finally {
      await engine.endPage();
    }
  });
}

async function readPage(image: GreyImage, page: number, engine: OcrEngine): Promise<OcrPageReading> {
  const clean = cleanPage(image);
  const lines = await rereadDoubtfulWords(clean, await engine.recognizePage(clean.image), engine);
  const runs = wordsToItems(lines, clean.image.dpi, clean.rules.vertical);
  const blocks = withConfidence(pageBlocks(pageContentOf(clean, runs), page), runs);
  return {
    blocks: await rereadUnreadCells(clean, lines, blocks, engine),
    skew: clean.skew,
    words: runs.length,
  };
}
