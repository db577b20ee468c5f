import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { DocumentInitParameters, PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api.js';
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
  /**
   * False when the pages are only read (text, rules), never drawn: pdf.js then builds no glyph
   * outlines and decodes no images (default true).
   */
  readonly rendering?: boolean;
}

/**
 * Node has no FontFace API, so pdf.js, told to draw glyphs without it (disableFontFace), compiles
 * the outline of every glyph a page shows and keeps them for the document: a 116-page report with a
 * CJK font per page held 500 MiB of outlines, and building them took a fifth of the reading time.
 * A reader that never draws gives pdf.js this document instead: it takes each font as a CSS rule
 * and drops it, so no outline is built. Text and operator lists are the same either way.
 */
const FONT_SINK = {
  createElement: () => ({ sheet: { cssRules: [], insertRule: () => 0 }, remove: () => undefined }),
  documentElement: { getElementsByTagName: () => [{ append: () => undefined }] },
};

function drawingOptions(rendering: boolean) {
  if (rendering)
    // A decompression bomb (an image declaring 100000 × 100000 pixels) is skipped, not decoded:
    // 64 megapixels is a page scanned at 600 dpi with room to spare.
    return { maxImageSize: MAX_IMAGE_PIXELS, disableFontFace: true };
  // Images are dropped from the operator lists unread (pdf.js skips any image over maxImageSize).
  return {
    maxImageSize: 0,
    disableFontFace: false,
    ownerDocument: FONT_SINK as unknown as DocumentInitParameters['ownerDocument'],
  };
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

/** Opens a PDF; the caller destroys it (withPdf does). */
export async function openPdf(bytes: Uint8Array, options: OpenOptions): Promise<PDFDocumentProxy> {
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
    ...drawingOptions(options.rendering ?? true),
    useSystemFonts: false,
    verbosity: 0,
    ...(options.password !== undefined ? { password: options.password } : {}),
  });
  try {
    return await task.promise;
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
}

export async function withPdf<T>(
  bytes: Uint8Array,
  options: OpenOptions,
  use: (doc: PDFDocumentProxy) => Promise<T>,
): Promise<T> {
  const doc = await openPdf(bytes, options);
  try {
    return await use(doc);
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}
