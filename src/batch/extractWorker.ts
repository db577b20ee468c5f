import { parentPort } from 'node:worker_threads';
import { type ExtractOptions, extractDocument, failedDocument } from '../pipeline/extractDocument.ts';
import { shutdownOcr } from '../readers/ocr/engine.ts';
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
    }
  | { readonly ok: false; readonly message: string };

/** Sent while the file is read: a page went to OCR (the parent extends the limit, shows the page). */
export interface ExtractProgress {
  readonly ocrPage: number;
  readonly pages: number;
}

const port = parentPort;
if (port) {
  port.on('message', async (task: ExtractTask | 'shutdown') => {
    if (task === 'shutdown') {
      await shutdownOcr();
      port.close();
      return;
    }
    try {
      const id = { documentId: task.documentId, sourceFile: task.path };
      const read = await readInputFile(task.path, task.limits);
      const onOcrPage = (page: number, pages: number) =>
        port.postMessage({ ocrPage: page, pages } satisfies ExtractProgress);
      const doc = read.ok
        ? await extractDocument(read.bytes, id, { ...task.options, onOcrPage })
        : failedDocument(id, read.sha256, 'unknown', [read.problem]);
      await writeFileAtomic(task.cachePath, documentJson(doc));
      const answer: ExtractAnswer = { ok: true, summary: summarize(doc) };
      port.postMessage(answer);
    } catch (error) {
      const answer: ExtractAnswer = { ok: false, message: (error as Error).message };
      port.postMessage(answer);
    }
  });
}
