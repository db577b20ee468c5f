import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import PQueue from 'p-queue';
import type { CanonicalDocument } from '../../schemas/document.ts';
import { type ExtractOptions, failedDocument } from '../pipeline/extractDocument.ts';
import type { InputFile } from '../pipeline/findInputs.ts';
import { hashFile } from '../readers/hashFile.ts';
import { DEFAULT_OCR_CONCURRENCY } from '../readers/ocr/ocrGate.ts';
import { EMPTY_SHA256, type InputLimits } from '../readers/readInputFile.ts';
import { ocrWorkersPerFile } from './ocrShare.ts';
import { ExtractPool } from './workerPool.ts';

/**
 * `yusuan extract` on untrusted files: each file is extracted on a worker thread with a time and
 * a heap limit, so a PDF whose page takes minutes and gigabytes to parse (pdf.js cannot be
 * interrupted inside the thread that runs it) costs only its own thread and is reported as
 * failed. The documents come back through temporary JSON files, as in `yusuan run`.
 */

export interface IsolatedExtractOptions {
  readonly extract: ExtractOptions;
  readonly limits: InputLimits;
  readonly timeoutMs: number;
  /** Added to a file's time limit per page sent to OCR (default: the pool's). */
  readonly ocrPageMs?: number;
  readonly memoryMb: number;
  readonly concurrency?: number;
  /** Pages read by OCR at once over all files (default DEFAULT_OCR_CONCURRENCY). */
  readonly ocrConcurrency?: number;
  readonly onDocument?: (doc: CanonicalDocument, done: number, total: number) => void;
  /** A page of a file went to OCR. */
  readonly onOcrPage?: (file: string, page: number, pages: number) => void;
}

export async function extractIsolated(
  inputs: readonly InputFile[],
  options: IsolatedExtractOptions,
): Promise<CanonicalDocument[]> {
  const size = Math.max(1, Math.min(options.concurrency ?? availableParallelism(), inputs.length));
  const ocrConcurrency = options.ocrConcurrency ?? DEFAULT_OCR_CONCURRENCY;
  const pool = new ExtractPool({
    size,
    ocrConcurrency,
    timeoutMs: options.timeoutMs,
    memoryMb: options.memoryMb,
    ...(options.ocrPageMs !== undefined ? { ocrPageMs: options.ocrPageMs } : {}),
  });
  const queue = new PQueue({ concurrency: size });
  const scratch = await mkdtemp(join(tmpdir(), 'yusuan-extract-'));
  const extract = {
    ocrWorkers: ocrWorkersPerFile(availableParallelism(), size, ocrConcurrency, options.extract.ocrEngine),
    ...options.extract,
  };
  const results: CanonicalDocument[] = new Array(inputs.length);
  let done = 0;
  try {
    await Promise.all(
      inputs.map((input, i) =>
        queue.add(async () => {
          const cachePath = join(scratch, `${i}.json`);
          const answer = await pool.run(
            {
              path: input.path,
              documentId: input.documentId,
              cachePath,
              options: extract,
              limits: options.limits,
            },
            (p) => options.onOcrPage?.(input.path, p.ocrPage, p.pages),
          );
          results[i] = answer.ok
            ? (JSON.parse(await readFile(cachePath, 'utf8')) as CanonicalDocument)
            : failedDocument(
                { documentId: input.documentId, sourceFile: input.path },
                (await hashFile(input.path)) || EMPTY_SHA256,
                'unknown',
                [{ severity: 'error', code: 'extraction-stopped', message: answer.message, stage: 'read' }],
              );
          options.onDocument?.(results[i]!, ++done, inputs.length);
        }),
      ),
    );
  } finally {
    await pool.close();
    await rm(scratch, { recursive: true, force: true });
  }
  return results;
}
