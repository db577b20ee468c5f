import type { InferenceSession } from 'onnxruntime-node';
import { DetectionService, Image, type OrtModule } from 'paddleocr';
import type { GreyImage } from '../raster.ts';
import { inStrips } from './strips.ts';
import type { LineBox } from './words.ts';

/**
 * PP-OCRv4 text detection: the DB model's probability map and the box extraction of the
 * `paddleocr` package (PaddleOCR's DBPostProcess in TypeScript: contours, box score, unclip).
 * Pages are deskewed before OCR, so a line is its box's axis-aligned extent. The network runs
 * over the page in strips (strips.ts), which bounds its memory.
 */

/**
 * The page is read by the detector at most this many pixels on its long side: an A4 page at 300
 * dpi is 3508 high, and table text 9 points high stays over 10 pixels at this size.
 */
export const DETECTION_SIDE = 2048;

const OPTIONS = {
  channelOrder: 'bgr' as const,
  maxSideLength: DETECTION_SIDE,
  limitType: 'max' as const,
  textPixelThreshold: 0.3,
  boxScoreThreshold: 0.5,
  unclipRatio: 1.5,
  maxCandidates: 3000,
};

function rgbOf(image: GreyImage): Image {
  const rgb = new Uint8Array(image.pixels.length * 3);
  for (let p = 0, i = 0; p < image.pixels.length; p++, i += 3) {
    const v = image.pixels[p]!;
    rgb[i] = v;
    rgb[i + 1] = v;
    rgb[i + 2] = v;
  }
  return new Image(image.width, image.height, 3, rgb);
}

export async function detectLines(
  ort: typeof import('onnxruntime-node'),
  session: InferenceSession,
  image: GreyImage,
): Promise<LineBox[]> {
  // The package types onnxruntime's module loosely (a buffer-only `create`); detection uses run alone.
  const strips = inStrips(ort, session);
  const service = new DetectionService(ort as unknown as OrtModule, strips as never, OPTIONS);
  const boxes = await service.run(rgbOf(image));
  return boxes.map((b) => ({
    x0: Math.max(0, Math.round(b.x)),
    y0: Math.max(0, Math.round(b.y)),
    x1: Math.min(image.width, Math.round(b.x + b.width)),
    y1: Math.min(image.height, Math.round(b.y + b.height)),
  }));
}
