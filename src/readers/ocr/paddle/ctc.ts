/**
 * Greedy CTC decoding of PP-OCR's recognition output, keeping where each character was read: the
 * time steps of a character (a run of the same class between blanks) say where it stands in the
 * line image, which places word boxes when one detected line holds several table cells.
 */

export interface DecodedChar {
  readonly text: string;
  /** First and last time step (inclusive) at which the character was the best class. */
  readonly first: number;
  readonly last: number;
  /** Mean probability of the character over its time steps (0–1). */
  readonly probability: number;
}

/**
 * `scores` is the model's output for one line, `steps` × `classes` (softmax probabilities). Class 0
 * is the CTC blank; class k ≥ 1 is `dictionary[k - 1]` (PP-OCR appends a space as the last entry).
 */
export function decodeCtc(
  scores: Float32Array,
  steps: number,
  classes: number,
  dictionary: readonly string[],
): DecodedChar[] {
  const out: DecodedChar[] = [];
  let current = 0;
  let first = 0;
  let sum = 0;
  const flush = (last: number) => {
    const text = dictionary[current - 1];
    if (current !== 0 && text !== undefined)
      out.push({ text, first, last, probability: sum / (last - first + 1) });
  };
  for (let t = 0; t < steps; t++) {
    let best = 0;
    let bestScore = Number.NEGATIVE_INFINITY;
    const row = t * classes;
    for (let c = 0; c < classes; c++) {
      const score = scores[row + c]!;
      if (score > bestScore) {
        bestScore = score;
        best = c;
      }
    }
    if (best === current) {
      sum += bestScore;
      continue;
    }
    flush(t - 1);
    current = best;
    first = t;
    sum = bestScore;
  }
  flush(steps - 1);
  return out;
}
