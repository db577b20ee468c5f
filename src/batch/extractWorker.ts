import { readFile } from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import { type ExtractOptions, extractDocument } from '../pipeline/extractDocument.ts';
import { shutdownOcr } from '../readers/ocr/engine.ts';
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
}

export type ExtractAnswer =
  | {
      readonly ok: true;
      readonly summary: DocumentSummary;
    }
  | { readonly ok: false; readonly message: string };

const port = parentPort;
if (port) {
  port.on('message', async (task: ExtractTask | 'shutdown') => {
    if (task === 'shutdown') {
      await shutdownOcr();
      port.close();
      return;
    }
    try {
      let bytes: Uint8Array;
      let unreadable: string | undefined;
      try {
        bytes = await readFile(task.path);
      } catch (error) {
        bytes = new Uint8Array();
        unreadable = `${task.path}: cannot be read: ${(error as Error).message}`;
      }
      const extracted = await extractDocument(
        bytes,
        { documentId: task.documentId, sourceFile: task.path },
        task.options,
      );
      const doc = unreadable ? { ...extracted, message: unreadable } : extracted;
      await writeFileAtomic(task.cachePath, documentJson(doc));
      const answer: ExtractAnswer = { ok: true, summary: summarize(doc) };
      port.postMessage(answer);
    } catch (error) {
      const answer: ExtractAnswer = { ok: false, message: (error as Error).message };
      port.postMessage(answer);
    }
  });
}
