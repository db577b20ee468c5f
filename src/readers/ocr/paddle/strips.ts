import type { InferenceSession, Tensor } from 'onnxruntime-node';

/**
 * Text detection run over a page in horizontal strips. The DB network's activations grow with
 * the pixels it sees at once: a whole 2048-pixel page took 510 MiB above the process, a strip of
 * 256 rows with 128 rows of context on each side 220 MiB. Each strip's output keeps only its own
 * rows, so a line cut by a strip's edge is seen whole in the context. (The network's
 * squeeze-and-excitation layers average over what they see, so a box can move by a pixel or two
 * against the whole page; the OCR accuracy figures are measured with strips.) Shorter context
 * was measured and not taken: 384 rows with 64 of context ran detection in two thirds of the
 * time, but moved enough boxes to read a lone 0 of seed 000 as `O` and to lose 0.036 of
 * label-exact F1 on a held-out scan (scores only).
 */

/** Rows of the detector's input run at once, and rows of context above and below. */
export const STRIP_ROWS = 256;
export const STRIP_CONTEXT = 128;

export interface Strip {
  /** Input rows run: [from, to). */
  readonly from: number;
  readonly to: number;
  /** Output rows kept: [keepFrom, keepTo), within [from, to). */
  readonly keepFrom: number;
  readonly keepTo: number;
}

/** Strips covering `height` rows, each row kept once; starts stay on the network's 32-row grid. */
export function planStrips(height: number, rows = STRIP_ROWS, context = STRIP_CONTEXT): Strip[] {
  if (rows % 32 !== 0 || context % 32 !== 0 || rows <= 0 || context < 0)
    throw new RangeError(`strip rows and context must be multiples of 32, not ${rows} and ${context}`);
  const strips: Strip[] = [];
  for (let keepFrom = 0; keepFrom < height; keepFrom += rows) {
    const keepTo = Math.min(height, keepFrom + rows);
    strips.push({
      from: Math.max(0, keepFrom - context),
      to: Math.min(height, keepTo + context),
      keepFrom,
      keepTo,
    });
  }
  return strips;
}

type Ort = typeof import('onnxruntime-node');

/** The session's single input, cut to the rows of one strip: [1, C, to − from, W]. */
function stripInput(ort: Ort, input: Tensor, strip: Strip): Tensor {
  const [batch, channels, height, width] = input.dims as [number, number, number, number];
  const source = input.data as Float32Array;
  const rows = strip.to - strip.from;
  const data = new Float32Array(batch * channels * rows * width);
  for (let plane = 0; plane < batch * channels; plane++) {
    const start = (plane * height + strip.from) * width;
    data.set(source.subarray(start, start + rows * width), plane * rows * width);
  }
  return new ort.Tensor('float32', data, [batch, channels, rows, width]);
}

export interface StripOptions {
  readonly rows?: number;
  readonly context?: number;
  /**
   * Input values (first channel) below this are ink. A strip whose rows run, context included,
   * hold none is not run: a page's margins, the paper under a short table and the rest of a cover
   * cost no detection (seed 002's cover page is 5 strips in 6 of paper).
   */
  readonly inkBelow?: number;
}

/** Whether the rows a strip runs hold a value below `inkBelow` in the input's first channel. */
function hasInk(input: Tensor, strip: Strip, inkBelow: number): boolean {
  const width = input.dims[3]!;
  const data = input.data as Float32Array;
  for (let i = strip.from * width; i < strip.to * width; i++) if (data[i]! < inkBelow) return true;
  return false;
}

/**
 * A stand-in for the detection session that runs its one input in strips and returns the
 * stitched [1, 1, H, W] map under the session's output name, as the whole run would.
 */
export function inStrips(
  ort: Ort,
  session: InferenceSession,
  options: StripOptions = {},
): Pick<InferenceSession, 'inputNames' | 'outputNames' | 'run'> {
  const { rows = STRIP_ROWS, context = STRIP_CONTEXT, inkBelow } = options;
  const inputName = session.inputNames[0]!;
  const outputName = session.outputNames[0]!;
  const run = async (feeds: InferenceSession.FeedsType) => {
    const input = feeds[inputName] as Tensor;
    const [, , height, width] = input.dims as [number, number, number, number];
    const map = new Float32Array(height * width);
    for (const strip of planStrips(height, rows, context)) {
      // Paper alone: the map stays 0 there, as the network leaves it (no probability near 0.3).
      if (inkBelow !== undefined && !hasInk(input, strip, inkBelow)) continue;
      const output = (await session.run({ [inputName]: stripInput(ort, input, strip) }))[outputName]!;
      if (output.dims[1] !== 1) throw new Error(`detection map has ${output.dims[1]} channels, not 1`);
      const kept = (output.data as Float32Array).subarray(
        (strip.keepFrom - strip.from) * width,
        (strip.keepTo - strip.from) * width,
      );
      map.set(kept, strip.keepFrom * width);
      output.dispose();
    }
    return { [outputName]: new ort.Tensor('float32', map, [1, 1, height, width]) };
  };
  return {
    inputNames: session.inputNames,
    outputNames: session.outputNames,
    run: run as InferenceSession['run'],
  };
}
