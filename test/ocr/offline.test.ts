import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTesseractEngine } from '../../src/readers/ocr/tesseract/engine.ts';
import {
  assertLocalLangPath,
  localLangPath,
  packagedModel,
} from '../../src/readers/ocr/tesseract/tessdata.ts';

describe('OCR models come from node_modules, never from the network', () => {
  it('links the packaged chi_sim and eng models into one local folder', () => {
    const dir = localLangPath();
    for (const language of ['chi_sim', 'eng']) {
      expect(packagedModel(language)).toContain(join('node_modules', '@tesseract.js-data', language));
      expect(existsSync(join(dir, `${language}.traineddata.gz`))).toBe(true);
    }
  });
  it('refuses a remote model location before any worker starts', async () => {
    expect(() =>
      assertLocalLangPath('https://cdn.jsdelivr.net/npm/@tesseract.js-data/chi_sim/4.0.0'),
    ).toThrow(/local folder/);
    await expect(
      createTesseractEngine({ langPath: 'https://tessdata.projectnaptha.com/4.0.0' }),
    ).rejects.toThrow(/local folder/);
    await expect(createTesseractEngine({ langPath: 'relative/dir' })).rejects.toThrow(/local folder/);
  });
});
