import fc from 'fast-check';
import { Image } from 'paddleocr';
import { describe, expect, it } from 'vitest';
import { resizeGrey } from '../../../src/readers/ocr/paddle/resizeGrey.ts';

describe('resizeGrey', () => {
  it('gives the paddleocr package’s bilinear resize, value for value', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer(),
        (width, height, toWidth, toHeight, seed) => {
          const pixels = Uint8Array.from(
            { length: width * height },
            (_, i) => (i * 2654435761 + seed) >>> 24,
          );
          const theirs = new Image(width, height, 1, pixels).resize({ width: toWidth, height: toHeight });
          expect(Array.from(resizeGrey(pixels, width, height, toWidth, toHeight))).toEqual(
            Array.from(theirs.data),
          );
        },
      ),
    );
  });
});
