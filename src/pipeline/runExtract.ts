import { availableParallelism } from 'node:os';
import PQueue from 'p-queue';
import type { CanonicalDocument } from '../../schemas/document.ts';
import { type InputLimits, readInputFile } from '../readers/readInputFile.ts';
import { type ExtractOptions, extractDocument, failedDocument } from './extractDocument.ts';
import type { InputFile } from './findInputs.ts';

/** Extracts many files with bounded concurrency; one bad file never stops the others. */

export interface RunExtractOptions extends ExtractOptions, InputLimits {
  readonly concurrency?: number;
  readonly onDocument?: (doc: CanonicalDocument, done: number, total: number) => void;
}

export async function runExtract(
  inputs: readonly InputFile[],
  options: RunExtractOptions = {},
): Promise<CanonicalDocument[]> {
  const queue = new PQueue({ concurrency: options.concurrency ?? availableParallelism() });
  const results: CanonicalDocument[] = new Array(inputs.length);
  let done = 0;
  await Promise.all(
    inputs.map((input, i) =>
      queue.add(async () => {
        const id = { documentId: input.documentId, sourceFile: input.path };
        const read = await readInputFile(input.path, options);
        results[i] = read.ok
          ? await extractDocument(read.bytes, id, options)
          : failedDocument(id, read.sha256, 'unknown', [read.problem]);
        options.onDocument?.(results[i]!, ++done, inputs.length);
      }),
    ),
  );
  return results;
}
