import type { Block, Problem } from '../../model.ts';
import type { OcrMode } from '../pdf/pdfReader.ts';
import { sharedOcrEngine } from './engine.ts';
import { ocrPage } from './ocrPage.ts';
import { decodeImage } from './raster.ts';

/**
 * A page image (PNG, JPEG, GIF, BMP, WebP) read by OCR into blocks. TIFF is refused: the canvas
 * decoder crashes the process on it (seen with @napi-rs/canvas 0.1.100), and one file must never
 * take a batch down. Convert TIFF scans to PNG or PDF first.
 */

export type ImageFormat = 'png' | 'jpeg' | 'tiff' | 'gif' | 'bmp' | 'webp';

export interface ImageReading {
  readonly blocks: Block[];
  readonly problems: Problem[];
}

export class ImageReadError extends Error {}

export async function readImage(
  bytes: Uint8Array,
  format: ImageFormat,
  options: { readonly ocr?: OcrMode; readonly ocrWorkers?: number } = {},
): Promise<ImageReading> {
  if (format === 'tiff') throw new ImageReadError('TIFF images are not read; convert the scan to PNG or PDF');
  if (options.ocr === 'never') throw new ImageReadError('an image has no text without OCR (--ocr never)');
  const image = await decodeImage(bytes);
  const engine = await sharedOcrEngine(options.ocrWorkers);
  const reading = await ocrPage(image, 1, engine);
  const problems: Problem[] = [];
  if (reading.words === 0) {
    problems.push({
      severity: 'warning',
      code: 'ocr-no-text',
      message: 'OCR found no text in the image',
      stage: 'read',
      at: { page: 1 },
    });
  }
  return { blocks: reading.blocks, problems };
}
