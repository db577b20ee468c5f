import fc from 'fast-check';
import type { InferenceSession, Tensor } from 'onnxruntime-node';
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { inStrips, planStrips } from '../../../src/readers/ocr/paddle/strips.ts';

describe('strips of a detection input', () => {
  it('keep every row once, each inside the rows run, starting on the 32-row grid', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 160 }),
        fc.integer({ min: 1, max: 16 }),
        fc.integer({ min: 0, max: 8 }),
        (height32, rows32, context32) => {
          const height = height32 * 32;
          const strips = planStrips(height, rows32 * 32, context32 * 32);
          let next = 0;
          for (const s of strips) {
            expect(s.keepFrom).toBe(next);
            expect(s.from % 32).toBe(0);
            expect(s.from).toBeGreaterThanOrEqual(Math.max(0, s.keepFrom - context32 * 32));
            expect(s.from).toBeLessThanOrEqual(s.keepFrom);
            expect(s.to).toBeGreaterThanOrEqual(s.keepTo);
            expect(s.to).toBeLessThanOrEqual(Math.min(height, s.keepTo + context32 * 32));
            next = s.keepTo;
          }
          expect(next).toBe(height);
        },
      ),
    );
  });

  it('refuse sizes off the network’s grid', () => {
    expect(() => planStrips(512, 100, 32)).toThrow(RangeError);
    expect(() => planStrips(512, 256, 20)).toThrow(RangeError);
  });
});

/**
 * A stand-in network whose output at a row is the sum of channel 1 (through `response`) over the
 * rows within `reach`, each run's height noted in `runs`:
 * local like the detector's convolutions, so strips with at least that much context must give
 * back exactly the whole-page map.
 */
function localSession(
  reach: number,
  response: (value: number) => number = (v) => v,
  runs: number[] = [],
): InferenceSession {
  const run = async (feeds: InferenceSession.FeedsType) => {
    const input = feeds.x as Tensor;
    const [, channels, height, width] = input.dims as [number, number, number, number];
    const data = input.data as Float32Array;
    expect(channels).toBe(3);
    runs.push(height);
    const out = new Float32Array(height * width);
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) {
        let sum = 0;
        for (let d = -reach; d <= reach; d++) {
          const yy = y + d;
          if (yy >= 0 && yy < height) sum += response(data[(height + yy) * width + x]!);
        }
        out[y * width + x] = sum;
      }
    return { maps: new ort.Tensor('float32', out, [1, 1, height, width]) };
  };
  return { inputNames: ['x'], outputNames: ['maps'], run } as unknown as InferenceSession;
}

describe('detection run in strips', () => {
  const width = 5;
  const height = 320;
  const pixels = Float32Array.from({ length: 3 * height * width }, (_, i) => (i * 7919) % 13);
  const input = () => new ort.Tensor('float32', pixels.slice(), [1, 3, height, width]);

  it('stitches the same map as one run over the page, for a network that looks 40 rows away', async () => {
    const session = localSession(40);
    const whole = (await session.run({ x: input() })).maps!.data as Float32Array;
    const stitched = (await inStrips(ort, session, { rows: 64, context: 64 }).run({ x: input() })).maps!;
    expect(stitched.dims).toEqual([1, 1, height, width]);
    expect(Array.from(stitched.data as Float32Array)).toEqual(Array.from(whole));
  });

  it('differs from the whole run at strip edges when the context is shorter than the reach', async () => {
    const session = localSession(40);
    const whole = (await session.run({ x: input() })).maps!.data as Float32Array;
    const stitched = (await inStrips(ort, session, { rows: 64, context: 32 }).run({ x: input() })).maps!;
    expect(Array.from(stitched.data as Float32Array)).not.toEqual(Array.from(whole));
  });

  it('runs no strip of paper alone, and stitches the same map as the whole run', async () => {
    // Paper (1 in every channel) but for three rows of ink (−1). Like the detector, this network
    // answers ink near a row, and paper alone with 0.
    const inkRows = new Set([70, 71, 100]);
    const page = () =>
      new ort.Tensor(
        'float32',
        Float32Array.from({ length: 3 * height * width }, (_, i) =>
          inkRows.has(Math.floor(i / width) % height) ? -1 : 1,
        ),
        [1, 3, height, width],
      );
    const runs: number[] = [];
    const inkNear = localSession(40, (v) => (v < 0 ? 1 : 0), runs);
    const whole = (await inkNear.run({ x: page() })).maps!.data as Float32Array;
    runs.length = 0;
    const stitched = await inStrips(ort, inkNear, { rows: 64, context: 64, inkBelow: 0 }).run({
      x: page(),
    });
    // Strips keep rows 0–63, 64–127, …, 256–319 and run 64 rows more on each side: the last two
    // (rows 128–319 and 192–319) see paper alone.
    expect(runs).toEqual([128, 192, 192]);
    expect(Array.from(stitched.maps!.data as Float32Array)).toEqual(Array.from(whole));
  });
});
