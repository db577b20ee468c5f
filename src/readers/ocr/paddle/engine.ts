import { availableParallelism } from 'node:os';
import type { InferenceSession } from 'onnxruntime-node';
import type { OcrEngine, OcrLine } from '../engine.ts';
import type { GreyImage } from '../raster.ts';
import { decodeCtc } from './ctc.ts';
import { detectLines } from './detect.ts';
import { glyphBox, inkBox } from './inkBox.ts';
import { lineTensor } from './lineImage.ts';
import { paddleModels } from './models.ts';
import { withoutDoubleReadings } from './overlaps.ts';
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
 * reads each line, and the CTC time steps place its words. One recognition session per worker,
 * each on one thread, so N workers use N cores; onnxruntime is loaded on first use only.
 *
 * Detection gets a session of its own for each image, released once the lines are found: its
 * activations on a 2048-pixel page take 300–450 MiB, which onnxruntime's arena serves twice as
 * fast as malloc (a scan read in 19 s instead of 30), and releasing the session gives the arena
 * back, so no page's peak stays allocated beside the next file's work. Creating it costs 60 ms.
 */

interface Worker {
  readonly recognition: InferenceSession;
}

export interface PaddleEngineOptions {
  readonly workers?: number;
}

export async function createPaddleEngine(options: PaddleEngineOptions = {}): Promise<OcrEngine> {
  const count = Math.max(1, options.workers ?? availableParallelism());
  const ort = await import('onnxruntime-node');
  const models = paddleModels();
  const sessionOptions: InferenceSession.SessionOptions = {
    intraOpNumThreads: 1,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
    enableCpuMemArena: false,
    // Without a memory pattern each run allocates what its page needs and frees it: a pattern
    // planned for the largest page stayed allocated (40–100 MiB more at the peak, measured).
    enableMemPattern: false,
  };
  const start = async (): Promise<Worker> => ({
    recognition: await ort.InferenceSession.create(models.recognition, sessionOptions),
  });
  const findLines = async (image: GreyImage): Promise<LineBox[]> => {
    const session = await ort.InferenceSession.create(models.detection, {
      ...sessionOptions,
      enableCpuMemArena: true,
    });
    try {
      return await detectLines(ort, session, image);
    } finally {
      await session.release();
    }
  };
  const idle: Worker[] = await Promise.all(Array.from({ length: count }, start));
  const waiting: ((worker: Worker) => void)[] = [];
  const withWorker = async <T>(job: (worker: Worker) => Promise<T>): Promise<T> => {
    const worker = idle.pop() ?? (await new Promise<Worker>((resolve) => waiting.push(resolve)));
    try {
      return await job(worker);
    } finally {
      const next = waiting.shift();
      if (next) next(worker);
      else idle.push(worker);
    }
  };

  const readLine = async (worker: Worker, image: GreyImage, box: LineBox): Promise<OcrLine> => {
    const tensor = lineTensor(image, box);
    const input = new ort.Tensor('float32', tensor.data, [1, 3, 48, tensor.width]);
    const output = Object.values(await worker.recognition.run({ x: input }))[0]!;
    const [, steps, classes] = output.dims as [number, number, number];
    const chars = withClosingQuotes(
      withThousandsCommas(decodeCtc(output.data as Float32Array, steps!, classes!, models.dictionary)),
    );
    // A time step covers width/steps input columns; `used` of them stand for the box's width.
    const stepWidth = ((tensor.width / steps) * (box.x1 - box.x0)) / tensor.used;
    const glyphs = glyphBox(box);
    return lineOf(wordsOfLine(placeChars(chars, glyphs, stepWidth), glyphs), glyphs);
  };
  const readLines = async (worker: Worker, image: GreyImage, boxes: readonly LineBox[]) => {
    const lines: OcrLine[] = [];
    for (const box of boxes) {
      const line = await readLine(worker, image, box);
      if (line.words.length > 0) lines.push(line);
    }
    return lines;
  };
  const readPage = (image: GreyImage) =>
    withWorker(async (worker) =>
      withoutDoubleReadings(
        await readLines(worker, image, inReadingOrder(clippedAtNeighbours(await findLines(image)))),
      ).filter((line) => line.words.length > 0),
    );
  /** A crop holding one line: its ink is the line, whatever detection would make of a lone `-`. */
  const readCropLine = async (image: GreyImage) => {
    const box = inkBox(image);
    return box ? withWorker((worker) => readLines(worker, image, [box])) : [];
  };

  return {
    workers: count,
    recognize: readPage,
    async recognizeCell(image, layout) {
      return layout === 'line' ? readCropLine(image) : readPage(image);
    },
    recognizeChineseLine: readCropLine,
    async terminate() {
      await Promise.all(idle.map((w) => w.recognition.release()));
    },
  };
}
