import { getHeapStatistics } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import { type ExtractOptions, extractDocument, failedDocument } from '../pipeline/extractDocument.ts';
import { shutdownOcr } from '../readers/ocr/engine.ts';
import { type ReleaseSlot, useOcrGate } from '../readers/ocr/ocrGate.ts';
import { type InputLimits, readInputFile } from '../readers/readInputFile.ts';
import { writeFileAtomic } from '../writers/atomicWrite.ts';
import { documentJson } from '../writers/writeDump.ts';
import { type DocumentSummary, summarize } from './summary.ts';

/**
 * One thread of the batch pool: extracts the file it is given, writes the canonical JSON to the
 * cache path atomically, and answers with a small summary (the main thread never holds whole
 * documents, so its memory stays flat however large the corpus).
 */

export interface ExtractTask {
  readonly path: string;
  readonly documentId: string;
  readonly cachePath: string;
  readonly options: ExtractOptions;
  readonly limits: InputLimits;
}

export type ExtractAnswer =
  | {
      readonly ok: true;
      readonly summary: DocumentSummary;
      /** The thread's V8 heap (garbage included) and off-heap buffers after the file, MiB: the pool retires a grown thread. */
      readonly heapMb?: number;
    }
  | { readonly ok: false; readonly message: string };

/** Sent while the file is read: a page went to OCR (the parent extends the limit, shows the page). */
export interface ExtractProgress {
  readonly ocrPage: number;
  readonly pages: number;
}

/**
 * A page asks the pool for one of the process's OCR slots, and gives it back once read: the pool
 * holds the count for all its threads (ocrGate.ts).
 */
export interface OcrSlotMessage {
  readonly ocrSlot: 'acquire' | 'release';
}

/** The pool's answer to an `acquire`, one per request, in the order asked. */
export interface OcrSlotGranted {
  readonly ocrSlotGranted: true;
}

function heapMb(): number {
  const heap = getHeapStatistics();
  return Math.round((heap.total_heap_size + heap.external_memory) / 2 ** 20);
}

const port = parentPort;
if (port) {
  const granted: (() => void)[] = [];
  const release: ReleaseSlot = () => port.postMessage({ ocrSlot: 'release' } satisfies OcrSlotMessage);
  useOcrGate({
    acquire: () =>
      new Promise<ReleaseSlot>((resolve) => {
        granted.push(() => resolve(release));
        port.postMessage({ ocrSlot: 'acquire' } satisfies OcrSlotMessage);
      }),
  });
  port.on('message', async (task: ExtractTask | OcrSlotGranted | 'shutdown') => {
    if (typeof task === 'object' && 'ocrSlotGranted' in task) {
      granted.shift()?.();
      return;
    }
    if (task === 'shutdown') {
      await shutdownOcr();
      port.close();
      return;
    }
    let answer: ExtractAnswer;
    try {
      const id = { documentId: task.documentId, sourceFile: task.path };
      const read = await readInputFile(task.path, task.limits);
      const onOcrPage = (page: number, pages: number) =>
        port.postMessage({ ocrPage: page, pages } satisfies ExtractProgress);
      const doc = read.ok
        ? await extractDocument(read.bytes, id, { ...task.options, onOcrPage })
        : failedDocument(id, read.sha256, 'unknown', [read.problem]);
      await writeFileAtomic(task.cachePath, documentJson(doc));
      answer = { ok: true, summary: summarize(doc) };
    } catch (error) {
      answer = { ok: false, message: (error as Error).message };
    }
    // The OCR engine's tesseract threads hold hundreds of MiB for as long as they live: a file's
    // OCR ends with the file (the next scan starts them again: a second, against minutes of OCR).
    await shutdownOcr().catch(() => undefined);
    port.postMessage(answer.ok ? { ...answer, heapMb: heapMb() } : answer);
  });
}
