import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import PQueue from 'p-queue';
import type { CanonicalDocument } from '../../schemas/document.ts';
import { type ExtractOptions, extractDocument } from './extractDocument.ts';
import type { InputFile } from './findInputs.ts';

/** Extracts many files with bounded concurrency; one bad file never stops the others. */

export interface RunExtractOptions extends ExtractOptions {
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
        let bytes: Uint8Array;
        try {
          bytes = await readFile(input.path);
        } catch (error) {
          bytes = new Uint8Array();
          const doc = await extractDocument(
            bytes,
            { documentId: input.documentId, sourceFile: input.path },
            options,
          );
          results[i] = {
            ...doc,
            message: `${input.path}: cannot be read: ${(error as Error).message}`,
          };
          options.onDocument?.(results[i]!, ++done, inputs.length);
          return;
        }
        results[i] = await extractDocument(
          bytes,
          { documentId: input.documentId, sourceFile: input.path },
          options,
        );
        options.onDocument?.(results[i]!, ++done, inputs.length);
      }),
    ),
  );
  return results;
}
