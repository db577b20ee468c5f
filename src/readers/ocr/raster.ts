import { type Canvas, createCanvas, loadImage } from '@napi-rs/canvas';
import type { PDFPageProxy } from 'pdfjs-dist/types/src/display/api.js';

/**
 * Page images for OCR: PDF pages rendered with pdf.js on @napi-rs/canvas, or image files decoded
 * by the same canvas. Pixels are kept as one grey channel taken from red, so that a red seal
 * stamped over the text (common on scanned disclosures) fades to white while black ink stays dark.
 */

export interface GreyImage {
  readonly width: number;
  readonly height: number;
  /** One byte per pixel, 0 = black. */
  readonly pixels: Uint8Array;
  /** Resolution the pixels stand for (pixels per inch). */
  readonly dpi: number;
  /**
   * 1 where a red stamp is inked, absent when the page has none. The grey channel shows paper
   * there, though a rule or a stroke may run on underneath: the rule finder bridges these pixels.
   */
  readonly stamp?: Uint8Array;
}

/** An image file that is refused or cannot be decoded: the message says why. */
export class ImageReadError extends Error {}

export function greyFromRgba(
  rgba: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
): Uint8Array {
  const out = new Uint8Array(width * height);
  for (let i = 0, p = 0; p < out.length; i += 4, p++) {
    const alpha = rgba[i + 3]!;
    // The red channel: red seals vanish, black and blue ink stay dark. Transparent = white paper.
    out[p] = alpha === 0 ? 255 : rgba[i]!;
  }
  return out;
}

/** Strongly red: a seal's ink (also where it covers black ink, which a stamp hides or tints). */
const STAMP_REDNESS = 60;

const isStampInk = (r: number, g: number, b: number) => r - Math.max(g, b) >= STAMP_REDNESS;

/** The stamp mask of an RGBA image (see `GreyImage.stamp`), or `undefined` when nothing is stamped. */
export function stampFromRgba(
  rgba: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
): Uint8Array | undefined {
  let mask: Uint8Array | undefined;
  for (let i = 0, p = 0; p < width * height; i += 4, p++) {
    if (rgba[i + 3] === 0 || !isStampInk(rgba[i]!, rgba[i + 1]!, rgba[i + 2]!)) continue;
    mask ??= new Uint8Array(width * height);
    mask[p] = 1;
  }
  return mask;
}

/** A grey image from RGBA pixels: the red channel, and the stamp mask when there is one. */
export function greyImageFromRgba(
  rgba: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
  dpi: number,
): GreyImage {
  const stamp = stampFromRgba(rgba, width, height);
  return { width, height, pixels: greyFromRgba(rgba, width, height), dpi, ...(stamp ? { stamp } : {}) };
}

/**
 * The most pixels a page image may have: an A3 page at 600 dpi is 70 MP; a page that claims more
 * (a PDF's MediaBox can say 200 inches) is rendered at a lower resolution, an image file refused.
 */
export const MAX_RASTER_PIXELS = 80 * 1024 * 1024;

/** The resolution at which a page of `widthPt` × `heightPt` points fits the pixel limit. */
export function boundedDpi(widthPt: number, heightPt: number, dpi: number): number {
  const pixels = ((widthPt * dpi) / 72) * ((heightPt * dpi) / 72);
  return pixels <= MAX_RASTER_PIXELS ? dpi : Math.floor(dpi * Math.sqrt(MAX_RASTER_PIXELS / pixels));
}

/** Width and height from a PNG's IHDR, read before decoding (a PNG may declare 10⁵ × 10⁵ pixels). */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  if (bytes.length < 24) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/**
 * A PDF page drawn at `dpi` on a white canvas (RGBA): what the OCR reader turns grey, and what the
 * scan fixtures are made from.
 */
export async function drawPdfPage(page: PDFPageProxy, dpi: number) {
  const viewport = page.getViewport({ scale: dpi / 72 });
  const width = Math.ceil(viewport.width);
  const height = Math.ceil(viewport.height);
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  // @napi-rs/canvas implements the 2D context pdf.js draws on, under its own types.
  await page.render({ canvasContext: context, canvas, viewport } as unknown as Parameters<
    PDFPageProxy['render']
  >[0]).promise;
  return { canvas, context, width, height, viewport };
}

/**
 * Gives a canvas's pixels back at once. The canvas library tells V8 nothing of them, so a dropped
 * 300 dpi canvas (35 MiB) stayed allocated until a collection that its small wrapper never
 * prompted: a page's canvases added up to hundreds of MiB between collections.
 */
function release(canvas: Canvas): void {
  canvas.width = 1;
  canvas.height = 1;
}

export async function renderPdfPage(page: PDFPageProxy, requestedDpi: number): Promise<GreyImage> {
  const size = page.getViewport({ scale: 1 });
  const dpi = boundedDpi(size.width, size.height, requestedDpi);
  const { canvas, context, width, height } = await drawPdfPage(page, dpi);
  const { data } = context.getImageData(0, 0, width, height);
  release(canvas);
  return greyImageFromRgba(data, width, height, dpi);
}

/** A4 is 8.27 in wide: a scan's resolution, when the file does not say, from its short side. */
export function guessDpi(width: number, height: number): number {
  return Math.max(72, Math.round(Math.min(width, height) / 8.27));
}

function refuseHugeImage(width: number, height: number): void {
  if (width * height > MAX_RASTER_PIXELS)
    throw new Error(
      `the image declares ${width} × ${height} pixels, over the limit of ${MAX_RASTER_PIXELS / 1024 / 1024} megapixels`,
    );
}

export async function decodeImage(bytes: Uint8Array): Promise<GreyImage> {
  const png = bytes[0] === 0x89 && bytes[1] === 0x50 ? pngSize(bytes) : undefined;
  if (png) refuseHugeImage(png.width, png.height);
  const image = await loadImage(Buffer.from(bytes));
  refuseHugeImage(image.width, image.height);
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, image.width, image.height);
  context.drawImage(image, 0, 0);
  const { data } = context.getImageData(0, 0, image.width, image.height);
  release(canvas);
  return greyImageFromRgba(data, image.width, image.height, guessDpi(image.width, image.height));
}

/** Rescales to the resolution OCR reads best (300 dpi): 200 dpi scans lose thousands separators. */
export function scaleTo(image: GreyImage, dpi: number): GreyImage {
  if (Math.abs(image.dpi - dpi) < 10) return image;
  const factor = dpi / image.dpi;
  const width = Math.round(image.width * factor);
  const height = Math.round(image.height * factor);
  const source = createCanvas(image.width, image.height);
  source.getContext('2d').putImageData(toImageData(image, true), 0, 0);
  const target = createCanvas(width, height);
  const context = target.getContext('2d');
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = 'high';
  context.drawImage(source, 0, 0, width, height);
  const { data } = context.getImageData(0, 0, width, height);
  release(source);
  release(target);
  return greyImageFromRgba(data, width, height, dpi);
}

/** Rotates about the centre by `degrees` (counter-clockwise positive), white where paper is exposed. */
export function rotate(image: GreyImage, degrees: number): GreyImage {
  if (degrees === 0) return image;
  const source = createCanvas(image.width, image.height);
  source.getContext('2d').putImageData(toImageData(image, true), 0, 0);
  const target = createCanvas(image.width, image.height);
  const context = target.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, image.width, image.height);
  context.translate(image.width / 2, image.height / 2);
  context.rotate((-degrees * Math.PI) / 180);
  context.drawImage(source, -image.width / 2, -image.height / 2);
  const { data } = context.getImageData(0, 0, image.width, image.height);
  release(source);
  release(target);
  return greyImageFromRgba(data, image.width, image.height, image.dpi);
}

/**
 * RGBA for the canvas. With `withStamp`, stamped pixels are drawn pure red so that scaling and
 * rotating carry the mask along (read back by the same redness test); OCR is given grey only.
 */
function toImageData(image: GreyImage, withStamp = false) {
  const canvas = createCanvas(1, 1);
  const data = canvas.getContext('2d').createImageData(image.width, image.height);
  const stamp = withStamp ? image.stamp : undefined;
  for (let p = 0, i = 0; p < image.pixels.length; p++, i += 4) {
    const v = image.pixels[p]!;
    const red = stamp?.[p] === 1;
    data.data[i] = v; // a stamped pixel's red is at least STAMP_REDNESS: it tests red again
    data.data[i + 1] = red ? 0 : v;
    data.data[i + 2] = red ? 0 : v;
    data.data[i + 3] = 255;
  }
  return data;
}

/** PNG bytes for the OCR engine. */
export function toPng(image: GreyImage): Buffer {
  const canvas = createCanvas(image.width, image.height);
  canvas.getContext('2d').putImageData(toImageData(image), 0, 0);
  const png = canvas.toBuffer('image/png');
  release(canvas);
  return png;
}
