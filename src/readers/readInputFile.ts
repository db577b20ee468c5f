import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { Problem } from '../model.ts';
import { hashFile } from './hashFile.ts';

/**
 * Reads an input file's bytes, refusing files over the size limit before reading them: a crawled
 * corpus may hold a multi-gigabyte video named `预算.pdf`, and reading it whole would take the
 * memory of every other file of the batch.
 */

export const MIB = 1024 * 1024;
/** The hash recorded for a file that could not be read at all. */
export const EMPTY_SHA256 = createHash('sha256').digest('hex');
/** Any input; the largest real budget PDFs (hundreds of scanned pages) stay well below it. */
export const DEFAULT_MAX_FILE_BYTES = 256 * MIB;

export interface InputLimits {
  readonly maxFileBytes?: number;
}

export type InputFileReading =
  | { readonly ok: true; readonly bytes: Uint8Array }
  | { readonly ok: false; readonly sha256: string; readonly problem: Problem };

export function mebibytes(bytes: number): string {
  return `${(bytes / MIB).toFixed(bytes < 10 * MIB ? 2 : 1)} MiB`;
}

export async function readInputFile(path: string, limits: InputLimits = {}): Promise<InputFileReading> {
  const max = limits.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const refuse = (sha256: string, code: string, message: string): InputFileReading => ({
    ok: false,
    sha256,
    problem: { severity: 'error', code, message: `${path}: ${message}`, stage: 'read' },
  });
  try {
    const info = await stat(path);
    if (!info.isFile()) return refuse(EMPTY_SHA256, 'unreadable', 'not a regular file');
    if (info.size > max) {
      const hash = (await hashFile(path)) || EMPTY_SHA256;
      return refuse(
        hash,
        'too-large',
        `the file is ${mebibytes(info.size)}, over the size limit of ${mebibytes(max)} (--max-size); not read`,
      );
    }
    return { ok: true, bytes: await readFile(path) };
  } catch (error) {
    return refuse(EMPTY_SHA256, 'unreadable', `cannot be read: ${(error as Error).message}`);
  }
}
