/**
 * Bilinear resize of one-channel pixels, value for value the `paddleocr` package's
 * `Image.resizeBilinear` (the same sample positions, edge clamping, arithmetic order and rounding),
 * with each column's source pixels and weight worked out once instead of at every pixel: the
 * detector's input of a 300 dpi page took 50 ms that way.
 */

interface Taps {
  readonly first: Int32Array;
  readonly second: Int32Array;
  readonly weight: Float64Array;
}

function tapsOf(source: number, target: number): Taps {
  const scale = source / target;
  const first = new Int32Array(target);
  const second = new Int32Array(target);
  const weight = new Float64Array(target);
  for (let i = 0; i < target; i++) {
    const at = (i + 0.5) * scale - 0.5;
    let a = Math.floor(at);
    let w = at - a;
    if (a < 0) {
      a = 0;
      w = 0;
    } else if (a >= source - 1) {
      a = source - 1;
      w = 0;
    }
    first[i] = a;
    second[i] = Math.max(0, Math.min(source - 1, a + 1));
    weight[i] = w;
  }
  return { first, second, weight };
}

export function resizeGrey(
  pixels: Uint8Array,
  width: number,
  height: number,
  toWidth: number,
  toHeight: number,
): Uint8Array {
  const out = new Uint8Array(toWidth * toHeight);
  const xs = tapsOf(width, toWidth);
  const ys = tapsOf(height, toHeight);
  for (let y = 0; y < toHeight; y++) {
    const upper = ys.first[y]! * width;
    const lower = ys.second[y]! * width;
    const wy = ys.weight[y]!;
    for (let x = 0; x < toWidth; x++) {
      const x1 = xs.first[x]!;
      const x2 = xs.second[x]!;
      const wx = xs.weight[x]!;
      const top = pixels[upper + x1]! * (1 - wx) + pixels[upper + x2]! * wx;
      const bottom = pixels[lower + x1]! * (1 - wx) + pixels[lower + x2]! * wx;
      out[y * toWidth + x] = Math.round(Math.max(0, Math.min(255, top * (1 - wy) + bottom * wy)));
    }
  }
  return out;
}
