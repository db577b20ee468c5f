import type { InferenceSession } from 'onnxruntime-node';
import { DEFAULT_DETECTION_OPTIONS, DetectionService, Image, type OrtModule } from 'paddleocr';
import { INK_LEVEL } from '../inkLevel.ts';
import type { GreyImage } from '../raster.ts';
import { resizeGrey } from './resizeGrey.ts';
import { inStrips } from './strips.ts';
import type { LineBox } from './words.ts';

/**
 * PP-OCRv4 text detection: the DB model's probability map and the box extraction of the
 * `paddleocr` package (PaddleOCR's DBPostProcess in TypeScript: contours, box score, unclip).
 * Pages are deskewed before OCR, so a line is its box's axis-aligned extent. The network runs
 * over the page in strips (strips.ts), which bounds its memory, and not over paper alone.
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

/** INK_LEVEL as the detector's input holds it: grey g is g × scale − mean × scale (see GreyPage). */
const INK_IN_INPUT = (() => {
  const scale = DEFAULT_DETECTION_OPTIONS.stdDeviation[0];
  return INK_LEVEL * scale - DEFAULT_DETECTION_OPTIONS.mean[0] * scale;
})();

/**
 * The page's grey as a one-channel Image: the detector's resize then works on one channel instead
 * of three equal ones (a third of the time and memory of an RGB copy), and the tensor is the three
 * channels the model expects, normalised as the package's own `tensor` does, value for value.
 */
class GreyPage extends Image {
  static of(image: Image): GreyPage {
    return new GreyPage(image.width, image.height, 1, image.data);
  }

  override padding(options: Parameters<Image['padding']>[0]): Image {
    return GreyPage.of(super.padding(options));
  }

  override resize(options: Parameters<Image['resize']>[0]): Image {
    const { width, height, filter } = options;
    if (width === undefined || height === undefined || filter === 'triangle')
      return GreyPage.of(super.resize(options));
    return new GreyPage(width, height, 1, resizeGrey(this.data, this.width, this.height, width, height));
  }

  override tensor(options: Parameters<Image['tensor']>[0]): Float32Array {
    const plane = this.width * this.height;
    const out = new Float32Array(3 * plane);
    const { mean_values: mean, norm_values: norm } = options;
    for (let c = 0; c < 3; c++) {
      const scale = norm[c]!;
      const offset = mean[c]! * scale;
      const channel = out.subarray(c * plane, (c + 1) * plane);
      for (let p = 0; p < plane; p++) channel[p] = this.data[p]! * scale - offset;
    }
    return out;
  }
}

export async function detectLines(
  ort: typeof import('onnxruntime-node'),
  session: InferenceSession,
  image: GreyImage,
): Promise<LineBox[]> {
  // The package types onnxruntime's module loosely (a buffer-only `create`); detection uses run alone.
  const strips = inStrips(ort, session, { inkBelow: INK_IN_INPUT });
  const service = new DetectionService(ort as unknown as OrtModule, strips as never, OPTIONS);
  const boxes = await service.run(new GreyPage(image.width, image.height, 1, image.pixels));
  return boxes.map((b) => ({
    x0: Math.max(0, Math.round(b.x)),
    y0: Math.max(0, Math.round(b.y)),
    x1: Math.min(image.width, Math.round(b.x + b.width)),
    y1: Math.min(image.height, Math.round(b.y + b.height)),
  }));
}
