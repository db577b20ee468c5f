import { DEFAULT_OCR_ENGINE, type OcrEngineName } from '../readers/ocr/engine.ts';

/**
 * OCR workers each file's engine starts: the cores left to a file when `concurrency` files are
 * read at once. PP-OCR's workers are threads inside one page's runs (one model, one page in
 * memory: 2 threads read a 5-page scan 1.27× faster than 1); tesseract.js's are workers of their
 * own, each reading a page and holding its models, so they are no more than the pages the process
 * may read at once (`ocrConcurrency`), since one beyond that only waits.
 */
export function ocrWorkersPerFile(
  cores: number,
  concurrency: number,
  ocrConcurrency: number,
  engine: OcrEngineName = DEFAULT_OCR_ENGINE,
): number {
  const share = Math.max(1, Math.floor(cores / Math.max(1, concurrency)));
  return engine === 'paddle' ? share : Math.max(1, Math.min(share, ocrConcurrency));
}
