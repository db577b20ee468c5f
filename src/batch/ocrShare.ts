/**
 * OCR workers (session pairs, tesseract threads) each file's engine starts: the cores left to a
 * file when `concurrency` files are read at once, and no more than the pages the process may read
 * at once (`ocrConcurrency`), since a worker beyond that only waits and holds its models' memory.
 */
export function ocrWorkersPerFile(cores: number, concurrency: number, ocrConcurrency: number): number {
  return Math.max(1, Math.min(Math.floor(cores / Math.max(1, concurrency)), ocrConcurrency));
}
