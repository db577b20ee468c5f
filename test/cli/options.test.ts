import { describe, expect, it } from 'vitest';
import { type ExtractValues, extractOptionsOf } from '../../src/cli/options.ts';
import { DEFAULT_OCR_ENGINE } from '../../src/readers/ocr/engine.ts';

const values: ExtractValues = {
  'max-pages': '10',
  'max-size': '1',
  'max-text-size': '1',
  ocr: 'auto',
  'generic-only': false,
};

describe('--ocr-engine', () => {
  it('passes the engine named on the command line down to the readers, the default without one', () => {
    const paddle = extractOptionsOf('extract', { ...values, 'ocr-engine': 'paddle' });
    expect(typeof paddle !== 'string' && paddle.ocrEngine).toBe('paddle');
    const none = extractOptionsOf('extract', values);
    expect(typeof none !== 'string' && none.ocrEngine).toBe(DEFAULT_OCR_ENGINE);
  });

  it('refuses an engine it does not have, naming the ones it has', () => {
    expect(extractOptionsOf('run', { ...values, 'ocr-engine': 'easyocr' })).toBe(
      'yusuan run: --ocr-engine takes tesseract or paddle, not "easyocr"',
    );
  });
});

describe('--ocr-concurrency', () => {
  it('is the pages OCR may read at once over the run: one unless told', () => {
    const two = extractOptionsOf('run', { ...values, 'ocr-concurrency': '2' });
    expect(typeof two !== 'string' && two.ocrConcurrency).toBe(2);
    const none = extractOptionsOf('run', values);
    expect(typeof none !== 'string' && none.ocrConcurrency).toBe(1);
  });

  it('refuses anything but a whole number ≥ 1', () => {
    for (const wrong of ['0', '1.5', 'two'])
      expect(extractOptionsOf('extract', { ...values, 'ocr-concurrency': wrong })).toBe(
        `yusuan extract: --ocr-concurrency takes a whole number ≥ 1, not "${wrong}"`,
      );
  });
});
