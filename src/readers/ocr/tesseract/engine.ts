import { availableParallelism } from 'node:os';
import type Tesseract from 'tesseract.js';
import type { CropLayout, OcrEngine, OcrLine } from '../engine.ts';
import { type GreyImage, toPng } from '../raster.ts';
import { assertLocalLangPath, localLangPath, OCR_LANGUAGES } from './tessdata.ts';

/**
 * tesseract.js behind the OcrEngine interface: a pool of workers (one per core by default) behind
 * one scheduler reads pages in parallel, each caller getting its own page's result. Models load
 * from the npm data packages only.
 */

export interface TesseractEngineOptions {
  readonly workers?: number;
  /** A local folder holding `chi_sim.traineddata.gz` and `eng.traineddata.gz`; URLs are refused. */
  readonly langPath?: string;
}

type TesseractModule = typeof Tesseract;

export async function createTesseractEngine(options: TesseractEngineOptions = {}): Promise<OcrEngine> {
  const langPath = options.langPath !== undefined ? assertLocalLangPath(options.langPath) : localLangPath();
  const count = Math.max(1, options.workers ?? availableParallelism());
  // Loaded here, not at the top: a run without OCR never pays for tesseract.js.
  const tesseract = (await import('tesseract.js')).default;
  const startWorker = async (mode: Tesseract.PSM, languages: readonly string[] = OCR_LANGUAGES) => {
    const worker = await tesseract.createWorker([...languages], tesseract.OEM.LSTM_ONLY, {
      langPath,
      gzip: true,
      cacheMethod: 'none',
    });
    await worker.setParameters({
      tessedit_pageseg_mode: mode,
      user_defined_dpi: '300',
      preserve_interword_spaces: '1',
      // Tesseract prints diagnostics (`Image too small to scale!!`, blob statistics) on odd
      // crops; they are not the user's business and would interleave with the CLI's output.
      debug_file: '/dev/null',
    });
    return worker;
  };
  const scheduler = tesseract.createScheduler();
  // PSM 3 (automatic layout) for pages: the default single-block mode garbles ruled tables.
  const workers = await Promise.all(Array.from({ length: count }, () => startWorker(tesseract.PSM.AUTO)));
  for (const worker of workers) scheduler.addWorker(worker);
  const crops = cropReader(tesseract, startWorker);
  return {
    workers: count,
    async recognizePage(image) {
      const result = await scheduler.addJob('recognize', toPng(image), {}, { blocks: true, text: false });
      return linesOf(result.data.blocks ?? []);
    },
    recognizeCrop: crops.read,
    // Its workers keep nothing page by page.
    endPage: async () => undefined,
    async terminate() {
      await scheduler.terminate();
      await crops.terminate();
    },
  };
}

/**
 * Crops get workers of their own, started only when a page has something to read again, and read
 * one after another, beside the page workers. A line or block's page segmentation mode changes per
 * crop (a lone `=` is found only as a single line, a wrapped label only as a block). A word is read
 * by the Chinese model alone: with `eng` beside it tesseract glues the 元 after an amount into its
 * digits (`78000元` → `780007T`); chi_sim reads both.
 */
function cropReader(
  tesseract: TesseractModule,
  startWorker: (mode: Tesseract.PSM, languages?: readonly string[]) => Promise<Tesseract.Worker>,
) {
  let cellWorker: Promise<Tesseract.Worker> | undefined;
  let wordWorker: Promise<Tesseract.Worker> | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  const workerFor = async (layout: CropLayout): Promise<Tesseract.Worker> => {
    if (layout === 'word') {
      wordWorker ??= startWorker(tesseract.PSM.SINGLE_LINE, ['chi_sim']);
      return wordWorker;
    }
    cellWorker ??= startWorker(tesseract.PSM.SINGLE_BLOCK);
    const worker = await cellWorker;
    await worker.setParameters({
      tessedit_pageseg_mode: layout === 'line' ? tesseract.PSM.SINGLE_LINE : tesseract.PSM.SINGLE_BLOCK,
    });
    return worker;
  };
  const read = (image: GreyImage, layout: CropLayout): Promise<OcrLine[]> => {
    const job = queue.then(async () => {
      const worker = await workerFor(layout);
      const result = await worker.recognize(toPng(image), {}, { blocks: true, text: false });
      return linesOf(result.data.blocks ?? []);
    });
    queue = job.catch(() => undefined);
    return job;
  };
  const terminate = async () => {
    if (cellWorker) await (await cellWorker).terminate();
    if (wordWorker) await (await wordWorker).terminate();
  };
  return { read, terminate };
}

function linesOf(blocks: readonly Tesseract.Block[]): OcrLine[] {
  const lines: OcrLine[] = [];
  for (const block of blocks) {
    for (const paragraph of block.paragraphs) {
      for (const line of paragraph.lines) {
        lines.push({
          baseline: line.baseline,
          words: line.words.map((w) => ({
            text: w.text,
            x0: w.bbox.x0,
            y0: w.bbox.y0,
            x1: w.bbox.x1,
            y1: w.bbox.y1,
            confidence: w.confidence,
          })),
        });
      }
    }
  }
  return lines;
}
