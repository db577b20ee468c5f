import { createHash } from 'node:crypto';
import type { Problem, SourceDocument } from '../model.ts';
import { decodeText } from './decodeText.ts';
import { detectInputType } from './detectInputType.ts';
import { readTextBlocks } from './textReader.ts';

/** Reads the bytes of one input into the intermediate form, or says why it cannot. */
export type SourceReading =
  | { readonly ok: true; readonly doc: SourceDocument; readonly problems: readonly Problem[] }
  | {
      readonly ok: false;
      readonly sha256: string;
      readonly inputType: SourceDocument['inputType'] | 'unknown';
      readonly problem: Problem;
    };

export interface SourceIdentity {
  readonly documentId: string;
  readonly sourceFile: string;
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export async function readSource(bytes: Uint8Array, id: SourceIdentity): Promise<SourceReading> {
  const sha256 = sha256Of(bytes);
  const detected = detectInputType(bytes);
  const fail = (
    inputType: SourceDocument['inputType'] | 'unknown',
    code: string,
    message: string,
  ): SourceReading => ({
    ok: false,
    sha256,
    inputType,
    problem: { severity: 'error', code, message: `${id.sourceFile}: ${message}`, stage: 'read' },
  });
  switch (detected.type) {
    case 'empty':
      return fail('unknown', 'empty-file', 'the file is empty');
    case 'unsupported':
      return fail('unknown', 'unsupported-input', `not a budget document: ${detected.reason}`);
    case 'pdf':
      return fail('pdf', 'pdf-not-supported', 'PDF input is not supported by this version (text dumps only)');
    case 'image':
      return fail(
        'image',
        'image-not-supported',
        `${detected.format.toUpperCase()} image input is not supported by this version (text dumps only)`,
      );
    case 'text': {
      const decoded = decodeText(bytes);
      const problems: Problem[] = [];
      if (decoded.text.includes('\ufffd')) {
        problems.push({
          severity: 'warning',
          code: 'undecodable-bytes',
          message: `some bytes of ${id.sourceFile} are not valid ${decoded.encoding}`,
          stage: 'read',
        });
      }
      const doc: SourceDocument = {
        documentId: id.documentId,
        sourceFile: id.sourceFile,
        sha256,
        inputType: 'text',
        encoding: decoded.encoding,
        blocks: readTextBlocks(decoded.text),
      };
      return { ok: true, doc, problems };
    }
  }
}
