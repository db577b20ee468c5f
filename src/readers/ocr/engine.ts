import { availableParallelism } from 'node:os';
import type Tesseract from 'tesseract.js';
import type { GreyImage } from './raster.ts';
import { assertLocalLangPath, localLangPath, OCR_LANGUAGES } from './tessdata.ts';

/**
 * A pool of tesseract.js workers (one per core by default) behind one scheduler: pages are
 * recognised in parallel, each caller gets its own page's result. Models load from the npm data
 * packages only.
 */

export interface OcrWord {
  readonly text: string;
  /** Pixels of the recognised image. */
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
  readonly confidence: number;
}

export interface OcrLine {
  readonly words: readonly OcrWord[];
  /** Baseline y at the line's left and right ends (pixels). */
  readonly baseline: { readonly x0: number; readonly y0: number; readonly x1: number; readonly y1: number };
}

/**
 * Engines take pixels, not an image file: PP-OCR reads them as they are, and encoding a 300 dpi
 * page as PNG only to decode it again cost about 180 MiB and half a second a page.
 */
export interface OcrEngine {
  readonly workers: number;
  recognize(image: GreyImage): Promise<OcrLine[]>;
  /** One table cell cut out of a page, read as a single line or a single block of text. */
  recognizeCell(image: GreyImage, layout: 'line' | 'block'): Promise<OcrLine[]>;
  /**
   * A line cut out of a page, read with the Chinese model alone: with `eng` beside it tesseract
   * glues the 元 after an amount into its digits (`78000元` → `780007T`); chi_sim reads both.
   */
  recognizeChineseLine(image: GreyImage): Promise<OcrLine[]>;
  terminate(): Promise<void>;
}

export interface OcrEngineOptions {
  readonly workers?: number;
  /** A local folder holding `chi_sim.traineddata.gz` and `eng.traineddata.gz`; URLs are refused. */
  readonly langPath?: string;
}

export async function createOcrEngine(options: OcrEngineOptions = {}): Promise<OcrEngine> {
  const langPath = options.langPath !== undefined ? assertLocalLangPath(options.langPath) : localLangPath();
  const count = Math.max(1, options.workers ?? availableParallelism());
  // Loaded here, not at the top: a run without OCR never pays for tesseract.js.
  const [tesseract, { toPng }] = await Promise.all([
    import('tesseract.js').then((m) => m.default),
    import('./raster.ts'),
  ]);
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
  // Cells get a worker of their own, started only when a page has a cell to re-read: its page
  // segmentation mode changes per cell (a lone `=` is found only as a single line, a wrapped
  // label only as a block), so its jobs run one after another.
  let cellWorker: Promise<Tesseract.Worker> | undefined;
  let cellQueue: Promise<unknown> = Promise.resolve();
  const recognizeCell = (image: GreyImage, layout: 'line' | 'block'): Promise<OcrLine[]> => {
    cellWorker ??= startWorker(tesseract.PSM.SINGLE_BLOCK);
    const job = cellQueue.then(async () => {
      const worker = await cellWorker!;
      await worker.setParameters({
        tessedit_pageseg_mode: layout === 'line' ? tesseract.PSM.SINGLE_LINE : tesseract.PSM.SINGLE_BLOCK,
      });
      const result = await worker.recognize(toPng(image), {}, { blocks: true, text: false });
      return linesOf(result.data.blocks ?? []);
    });
    cellQueue = job.catch(() => undefined);
    return job;
  };
  let chineseWorker: Promise<Tesseract.Worker> | undefined;
  const recognizeChineseLine = (image: GreyImage): Promise<OcrLine[]> => {
    chineseWorker ??= startWorker(tesseract.PSM.SINGLE_LINE, ['chi_sim']);
    // The cells' queue: re-reads never run beside each other, only beside the page workers.
    const job = cellQueue.then(async () => {
      const result = await (await chineseWorker!).recognize(toPng(image), {}, { blocks: true, text: false });
      return linesOf(result.data.blocks ?? []);
    });
    cellQueue = job.catch(() => undefined);
    return job;
  };
  return {
    workers: count,
    async recognize(image) {
      const result = await scheduler.addJob('recognize', toPng(image), {}, { blocks: true, text: false });
      return linesOf(result.data.blocks ?? []);
    },
    recognizeCell,
    recognizeChineseLine,
    async terminate() {
      await scheduler.terminate();
      if (cellWorker) await (await cellWorker).terminate();
      if (chineseWorker) await (await chineseWorker).terminate();
    },
  };
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

/** The OCR engines a run can choose (`--ocr-engine`). */
export const OCR_ENGINES = ['tesseract', 'paddle'] as const;
export type OcrEngineName = (typeof OCR_ENGINES)[number];
/** The engine of a run that names none: see the README's OCR section for the measurement. */
export const DEFAULT_OCR_ENGINE: OcrEngineName = 'paddle';

export function isOcrEngineName(name: string): name is OcrEngineName {
  return (OCR_ENGINES as readonly string[]).includes(name);
}

async function startEngine(name: OcrEngineName, workers: number | undefined): Promise<OcrEngine> {
  if (name === 'tesseract') return createOcrEngine(workers !== undefined ? { workers } : {});
  // Loaded here: a run that reads with tesseract (or without OCR) never loads onnxruntime.
  const { createPaddleEngine } = await import('./paddle/engine.ts');
  return createPaddleEngine(workers !== undefined ? { workers } : {});
}

let shared: Promise<OcrEngine> | undefined;
let sharedName: OcrEngineName | undefined;
let sharedWorkers: number | undefined;

/**
 * One engine per process, started on first use (worker start-up costs seconds); asking for
 * another engine or another number of workers replaces it.
 */
export function sharedOcrEngine(
  workers?: number,
  name: OcrEngineName = DEFAULT_OCR_ENGINE,
): Promise<OcrEngine> {
  if (!shared || name !== sharedName || (workers !== undefined && workers !== sharedWorkers)) {
    const previous = shared;
    sharedName = name;
    sharedWorkers = workers ?? sharedWorkers;
    const count = sharedWorkers;
    shared = (async () => {
      if (previous) await (await previous).terminate();
      return startEngine(name, count);
    })();
  }
  return shared;
}

export async function shutdownOcr(): Promise<void> {
  const engine = shared;
  shared = undefined;
  if (engine) await (await engine).terminate();
}
