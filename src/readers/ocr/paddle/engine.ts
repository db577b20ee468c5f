import { availableParallelism } from 'node:os';
import type { InferenceSession } from 'onnxruntime-node';
import type { OcrEngine, OcrLine } from '../engine.ts';
import type { GreyImage } from '../raster.ts';
import { decodeCtc } from './ctc.ts';
import { glyphBox, inkBox } from './inkBox.ts';
import { lineTensor } from './lineImage.ts';
import { paddleModels } from './models.ts';
import { withoutDoubleReadings } from './overlaps.ts';
import { pageDetection } from './pageDetection.ts';
import { clippedAtNeighbours, inReadingOrder } from './readingOrder.ts';
import {
  type LineBox,
  lineOf,
  placeChars,
  withClosingQuotes,
  withThousandsCommas,
  wordsOfLine,
} from './words.ts';

/**
 * PP-OCR behind the OcrEngine interface: PP-OCRv4 detection finds the text lines, recognition
 * reads each line, and the CTC time steps place its words. onnxruntime-node runs a session on the
 * JavaScript thread that calls it, so sessions side by side in one thread never overlap: the
 * engine's N workers are N threads inside each run (onnxruntime's intra-op pool), one model in
 * memory whatever N. onnxruntime is loaded on first use only.
 * Detection's session is the page's (pageDetection.ts).
 */

export interface PaddleEngineOptions {
  readonly workers?: number;
}

export async function createPaddleEngine(options: PaddleEngineOptions = {}): Promise<OcrEngine> {
  const threads = Math.max(1, options.workers ?? availableParallelism());
  const ort = await import('onnxruntime-node');
  const models = paddleModels();
  const sessionOptions: InferenceSession.SessionOptions = {
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
    enableCpuMemArena: false,
    // Without a memory pattern each run allocates what its page needs and frees it: a pattern
    // planned for the largest page stayed allocated (40–100 MiB more at the peak, measured).
    enableMemPattern: false,
  };
  const recognition = await ort.InferenceSession.create(models.recognition, sessionOptions);
  const detection = pageDetection(ort, models.detection, sessionOptions);

  const readLine = async (image: GreyImage, box: LineBox): Promise<OcrLine> => {
    const tensor = lineTensor(image, box);
    const input = new ort.Tensor('float32', tensor.data, [1, 3, 48, tensor.width]);
    const output = Object.values(await recognition.run({ x: input }))[0]!;
    const [, steps, classes] = output.dims as [number, number, number];
    const chars = withClosingQuotes(
      withThousandsCommas(decodeCtc(output.data as Float32Array, steps!, classes!, models.dictionary)),
    );
    // A time step covers width/steps input columns; `used` of them stand for the box's width.
    const stepWidth = ((tensor.width / steps) * (box.x1 - box.x0)) / tensor.used;
    const glyphs = glyphBox(box);
    return lineOf(wordsOfLine(placeChars(chars, glyphs, stepWidth), glyphs), glyphs);
  };
  const readLines = async (image: GreyImage, boxes: readonly LineBox[]) => {
    const lines: OcrLine[] = [];
    for (const box of boxes) {
      const line = await readLine(image, box);
      if (line.words.length > 0) lines.push(line);
    }
    return lines;
  };
  const readPage = async (image: GreyImage) =>
    withoutDoubleReadings(
      await readLines(image, inReadingOrder(clippedAtNeighbours(await detection.findLines(image)))),
    ).filter((line) => line.words.length > 0);
  /** A crop holding one line: its ink is the line, whatever detection would make of a lone `-`. */
  const readCropLine = async (image: GreyImage) => {
    const box = inkBox(image);
    return box ? readLines(image, [box]) : [];
  };

  return {
    workers: threads,
    recognizePage: (image) => {
      detection.beginPage();
      return readPage(image);
    },
    // A block is a small page; a line and a word are the crop's ink read as one line.
    recognizeCrop: (image, layout) => (layout === 'block' ? readPage(image) : readCropLine(image)),
    endPage: detection.endPage,
    async terminate() {
      await detection.release();
      await recognition.release();
    },
  };
}
