import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';

/**
 * The OCR models come from npm packages (`@tesseract.js-data/chi_sim`, `…/eng`), never from the
 * network. tesseract.js reads every language from one folder, so the packaged files are linked
 * into a private folder.
 */

const require = createRequire(import.meta.url);
export const OCR_LANGUAGES = ['chi_sim', 'eng'] as const;

export function packagedModel(language: string): string {
  const dir = dirname(require.resolve(`@tesseract.js-data/${language}/package.json`));
  return join(dir, '4.0.0', `${language}.traineddata.gz`);
}

/** Rejects anything but a local folder: a URL would make tesseract.js download at run time. */
export function assertLocalLangPath(path: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path) || !isAbsolute(path)) {
    throw new Error(`OCR models must come from a local folder, not "${path}"`);
  }
  for (const language of OCR_LANGUAGES) {
    if (!existsSync(join(path, `${language}.traineddata.gz`)))
      throw new Error(`OCR model ${language}.traineddata.gz is missing from ${path}`);
  }
  return path;
}

export function localLangPath(): string {
  const sources = OCR_LANGUAGES.map(packagedModel);
  const key = createHash('sha256').update(sources.join('\n')).digest('hex').slice(0, 12);
  const dir = join(tmpdir(), `yusuan-tessdata-${key}`);
  mkdirSync(dir, { recursive: true });
  OCR_LANGUAGES.forEach((language, i) => {
    const link = join(dir, `${language}.traineddata.gz`);
    if (!existsSync(link)) {
      try {
        symlinkSync(sources[i]!, link);
      } catch (error) {
        // Another process linked it first.
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
  });
  return assertLocalLangPath(dir);
}
