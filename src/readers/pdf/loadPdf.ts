import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api.js';
import { keepingNativeBuiltins } from './nativeBuiltins.ts';

/**
 * Opens PDFs with pdf.js (legacy build, which runs on Node 20) for untrusted input: no eval,
 * no font faces, CJK cMaps, standard fonts and image decoders from the package (no network). The
 * document is always destroyed, whatever happens.
 */

const require = createRequire(import.meta.url);
const packageDir = dirname(require.resolve('pdfjs-dist/package.json'));
const CMAP_URL = `${join(packageDir, 'cmaps')}/`;
const STANDARD_FONTS_URL = `${join(packageDir, 'standard_fonts')}/`;
/**
 * pdf.js decodes JPEG 2000 (JPX) images with the openjpeg WebAssembly decoder it loads from here
 * (its no-wasm fallback lives here too): without it a page stored as JPX renders blank and OCR finds
 * nothing. JBIG2 and CCITT images use the jbig2 decoder from here, else a slower JavaScript one.
 */
export const WASM_URL = `${join(packageDir, 'wasm')}/`;
/** ICC colour profiles (CMYK images) for the same reason. */
const ICC_URL = `${join(packageDir, 'iccs')}/`;

export const MAX_IMAGE_PIXELS = 64 * 1024 * 1024;

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
/** pdf.js's worker module (it ships no types; only loading it matters here). */
const PDF_WORKER: string = 'pdfjs-dist/legacy/build/pdf.worker.mjs';
let pdfjsModule: Promise<PdfJs> | undefined;

export function pdfjs(): Promise<PdfJs> {
  // The worker module too: pdf.js runs it in this thread and would load it (and its polyfills) later.
  pdfjsModule ??= keepingNativeBuiltins(async () => {
    const [lib] = await Promise.all([import('pdfjs-dist/legacy/build/pdf.mjs'), import(PDF_WORKER)]);
    return lib;
  });
  return pdfjsModule;
}

export interface OpenOptions {
  readonly password?: string;
}

export class PdfOpenError extends Error {
  constructor(
    message: string,
    readonly code: 'encrypted' | 'wrong-password' | 'corrupt',
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/**
 * pdf.js runs its worker in this thread (Node has no web worker for it) and, on some broken files,
 * rejects internal promises nobody awaits (a font's `FormatError: Invalid number`, found by
 * `npm run fuzz`). Node would end the process on them, taking every other file of the run along.
 * Those rejections are dropped — the document's own read still fails or succeeds through the
 * promises yusuan awaits — and any other unhandled rejection still ends the process as before.
 */
let guarded = false;
function dropPdfJsInternalRejections(): void {
  if (guarded) return;
  guarded = true;
  process.on('unhandledRejection', (reason) => {
    const stack = reason instanceof Error ? (reason.stack ?? '') : '';
    if (/[\\/]pdfjs-dist[\\/]/.test(stack)) return;
    throw reason;
  });
}

export async function withPdf<T>(
  bytes: Uint8Array,
  options: OpenOptions,
  use: (doc: PDFDocumentProxy) => Promise<T>,
): Promise<T> {
  const lib = await pdfjs();
  dropPdfJsInternalRejections();
  // pdf.js takes ownership of the buffer it is given: pass a copy.
  const task = lib.getDocument({
    data: new Uint8Array(bytes),
    cMapUrl: CMAP_URL,
    cMapPacked: true,
    standardFontDataUrl: STANDARD_FONTS_URL,
    wasmUrl: WASM_URL,
    iccUrl: ICC_URL,
    isEvalSupported: false,
    // A decompression bomb (an image declaring 100000 × 100000 pixels) is skipped, not decoded:
    // 64 megapixels is a page scanned at 600 dpi with room to spare.
    maxImageSize: MAX_IMAGE_PIXELS,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
    ...(options.password !== undefined ? { password: options.password } : {}),
  });
  let doc: PDFDocumentProxy;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    const name = (error as { name?: string }).name;
    if (name === 'PasswordException') {
      const code =
        (error as { code?: number }).code === lib.PasswordResponses.INCORRECT_PASSWORD
          ? 'wrong-password'
          : 'encrypted';
      throw new PdfOpenError(
        code === 'encrypted'
          ? 'the PDF is encrypted; give its password with --password'
          : 'the PDF password is wrong',
        code,
        { cause: error },
      );
    }
    throw new PdfOpenError(`the PDF cannot be opened: ${(error as Error).message}`, 'corrupt', {
      cause: error,
    });
  }
  try {
    return await use(doc);
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}
