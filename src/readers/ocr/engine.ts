import type { GreyImage } from './raster.ts';

/**
 * What an OCR engine is to the rest of yusuan: pixels in, lines of placed words out. Every engine
 * (tesseract/, paddle/) is one module behind this interface; what the words become — cells, rows,
 * tables, checks — is the same code whichever read them.
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
 * How a crop of a page is to be read: one line of text, a block of lines (a wrapped cell), or a
 * word read with doubt, cut out with its neighbour glyphs (an amount and the 元 after it).
 */
export type CropLayout = 'line' | 'block' | 'word';

/**
 * Engines take pixels, not an image file: PP-OCR reads them as they are, and encoding a 300 dpi
 * page as PNG only to decode it again cost about 180 MiB and half a second a page.
 */
export interface OcrEngine {
  /** Pages (or threads of one page) the engine reads at once. */
  readonly workers: number;
  /** A whole page: the engine finds its lines. */
  recognizePage(image: GreyImage): Promise<OcrLine[]>;
  /** A region cut out of a page with paper around it (reread.ts), read as `layout` says. */
  recognizeCrop(image: GreyImage, layout: CropLayout): Promise<OcrLine[]>;
  /**
   * The page last given to `recognizePage` and its crops are read: what the engine kept for
   * them (PP-OCR's detection session and its memory) may go.
   */
  endPage(): Promise<void>;
  terminate(): Promise<void>;
}

/** The OCR engines a run can choose (`--ocr-engine`). */
export const OCR_ENGINES = ['tesseract', 'paddle'] as const;
export type OcrEngineName = (typeof OCR_ENGINES)[number];
/** The engine of a run that names none: see the README's OCR section for the measurement. */
export const DEFAULT_OCR_ENGINE: OcrEngineName = 'paddle';

export function isOcrEngineName(name: string): name is OcrEngineName {
  return (OCR_ENGINES as readonly string[]).includes(name);
}

/** Loaded on first use: a run that reads without OCR loads neither tesseract.js nor onnxruntime. */
async function startEngine(name: OcrEngineName, workers: number | undefined): Promise<OcrEngine> {
  const options = workers !== undefined ? { workers } : {};
  if (name === 'tesseract') return (await import('./tesseract/engine.ts')).createTesseractEngine(options);
  return (await import('./paddle/engine.ts')).createPaddleEngine(options);
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
