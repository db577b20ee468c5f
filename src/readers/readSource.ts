import { createHash } from 'node:crypto';
import type { Problem, SourceDocument } from '../model.ts';
import { decodeText } from './decodeText.ts';
import { detectInputType } from './detectInputType.ts';
import type { OcrEngineName } from './ocr/engine.ts';
import { PdfOpenError } from './pdf/loadPdf.ts';
import { type OcrMode, type OcrPageListener, readPdf } from './pdf/pdfReader.ts';
import { mebibytes } from './readInputFile.ts';
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

export interface ReadOptions {
  /** Password of an encrypted PDF. */
  readonly password?: string;
  /** Read at most this many pages of a PDF. */
  readonly maxPages?: number;
  /** When to OCR: pages without a text layer (auto, the default), every page, or never. */
  readonly ocr?: OcrMode;
  readonly ocrWorkers?: number;
  /** The OCR engine (default: DEFAULT_OCR_ENGINE). */
  readonly ocrEngine?: OcrEngineName;
  readonly onOcrPage?: OcrPageListener;
  /** Text inputs larger than this are refused (a text dump of a budget is well under 1 MiB). */
  readonly maxTextBytes?: number;
}

/** Extensions of files that are never text: text content under them is a misnamed file. */
const NAMED_BINARY = /\.(pdf|png|jpe?g|tiff?|gif|bmp|webp|docx?|xlsx?)$/i;

export const DEFAULT_MAX_TEXT_BYTES = 16 * 1024 * 1024;

export async function readSource(
  bytes: Uint8Array,
  id: SourceIdentity,
  options: ReadOptions = {},
): Promise<SourceReading> {
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
    case 'pdf': {
      try {
        const pdf = await readPdf(bytes, options);
        const doc: SourceDocument = {
          documentId: id.documentId,
          sourceFile: id.sourceFile,
          sha256,
          inputType: 'pdf',
          pageCount: pdf.pageCount,
          blocks: pdf.blocks,
        };
        return {
          ok: true,
          doc,
          problems: pdf.problems.map((p) => ({ ...p, message: `${id.sourceFile}: ${p.message}` })),
        };
      } catch (error) {
        const code = error instanceof PdfOpenError ? `pdf-${error.code}` : 'pdf-unreadable';
        return fail('pdf', code, error instanceof Error ? error.message : String(error));
      }
    }
    case 'image': {
      // The image reader (canvas, TIFF decoder, OCR) is loaded only for images.
      const { ImageReadError, readImage } = await import('./ocr/imageReader.ts');
      try {
        const image = await readImage(bytes, detected.format, options);
        const doc: SourceDocument = {
          documentId: id.documentId,
          sourceFile: id.sourceFile,
          sha256,
          inputType: 'image',
          pageCount: image.pageCount,
          blocks: image.blocks,
        };
        return {
          ok: true,
          doc,
          problems: image.problems.map((p) => ({ ...p, message: `${id.sourceFile}: ${p.message}` })),
        };
      } catch (error) {
        const code = error instanceof ImageReadError ? 'image-not-read' : 'image-unreadable';
        return fail('image', code, `${detected.format.toUpperCase()} image: ${(error as Error).message}`);
      }
    }
    case 'text': {
      const maxText = options.maxTextBytes ?? DEFAULT_MAX_TEXT_BYTES;
      if (bytes.length > maxText) {
        return fail(
          'text',
          'too-large',
          `a text file of ${mebibytes(bytes.length)}, over the text size limit of ${mebibytes(maxText)} (--max-text-size); not read`,
        );
      }
      const decoded = decodeText(bytes);
      const problems: Problem[] = [];
      const named = NAMED_BINARY.exec(id.sourceFile)?.[1];
      if (named) {
        // A crawler saved an error page or a portal's HTML under the document's name.
        const html = /<(?:!doctype|html|head|body)\b/i.test(decoded.text.slice(0, 2048));
        problems.push({
          severity: 'warning',
          code: 'content-not-as-named',
          message: `${id.sourceFile}: named .${named.toLowerCase()} but holds ${html ? 'an HTML page' : 'text'}`,
          stage: 'read',
        });
      }
      if (decoded.text.includes('\ufffd')) {
        problems.push({
          severity: 'warning',
          code: 'undecodable-bytes',
          message: `some bytes of ${id.sourceFile} are not valid ${decoded.encoding}`,
          stage: 'read',
        });
      }
      const readProblems: Problem[] = [];
      const doc: SourceDocument = {
        documentId: id.documentId,
        sourceFile: id.sourceFile,
        sha256,
        inputType: 'text',
        encoding: decoded.encoding,
        blocks: readTextBlocks(decoded.text, readProblems),
      };
      for (const p of readProblems) problems.push({ ...p, message: `${id.sourceFile}: ${p.message}` });
      return { ok: true, doc, problems };
    }
  }
}
