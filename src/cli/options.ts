import { layoutFamilies } from '../../extractors/index.ts';
import { DEFAULT_OCR_PAGE_TIMEOUT_S } from '../batch/workerPool.ts';
import type { ExtractOptions } from '../pipeline/extractDocument.ts';
import { DEFAULT_OCR_ENGINE, isOcrEngineName, OCR_ENGINES } from '../readers/ocr/engine.ts';
import { DEFAULT_OCR_CONCURRENCY } from '../readers/ocr/ocrGate.ts';
import { DEFAULT_MAX_PAGES } from '../readers/pdf/pdfReader.ts';
import { DEFAULT_MAX_FILE_BYTES, MIB } from '../readers/readInputFile.ts';
import { DEFAULT_MAX_TEXT_BYTES } from '../readers/readSource.ts';
import { usage } from './usage.ts';

/** Options shared by the commands that extract, and their checks. */

export const USAGE = usage(layoutFamilies(), DEFAULT_OCR_PAGE_TIMEOUT_S, DEFAULT_OCR_ENGINE);

export const EXTRACT_OPTIONS = {
  out: { type: 'string', default: 'output' },
  layout: { type: 'string' },
  password: { type: 'string' },
  'max-pages': { type: 'string', default: String(DEFAULT_MAX_PAGES) },
  'max-size': { type: 'string', default: String(DEFAULT_MAX_FILE_BYTES / MIB) },
  'max-text-size': { type: 'string', default: String(DEFAULT_MAX_TEXT_BYTES / MIB) },
  ocr: { type: 'string', default: 'auto' },
  'ocr-workers': { type: 'string' },
  'ocr-concurrency': { type: 'string', default: String(DEFAULT_OCR_CONCURRENCY) },
  'ocr-engine': { type: 'string', default: DEFAULT_OCR_ENGINE },
  'generic-only': { type: 'boolean', default: false },
  strict: { type: 'boolean', default: false },
  bom: { type: 'boolean', default: false },
  quiet: { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
  timeout: { type: 'string', default: '300' },
  'ocr-page-timeout': { type: 'string', default: String(DEFAULT_OCR_PAGE_TIMEOUT_S) },
  memory: { type: 'string', default: '4096' },
} as const;

export type ExtractValues = {
  layout?: string | undefined;
  password?: string | undefined;
  'max-pages': string;
  'max-size': string;
  'max-text-size': string;
  ocr: string;
  'ocr-workers'?: string | undefined;
  'ocr-concurrency'?: string | undefined;
  'ocr-engine'?: string | undefined;
  'generic-only': boolean;
};

/** The extraction options of the command line, or a message saying which one is wrong. */
export function extractOptionsOf(
  command: string,
  values: ExtractValues,
): (ExtractOptions & { readonly maxFileBytes: number; readonly ocrConcurrency: number }) | string {
  if (values.layout && !layoutFamilies().includes(values.layout))
    return `yusuan ${command}: unknown layout "${values.layout}"; known layouts: ${layoutFamilies().join(', ')}`;
  const maxPages = Number(values['max-pages']);
  if (!Number.isInteger(maxPages) || maxPages < 1)
    return `yusuan ${command}: --max-pages takes a whole number ≥ 1, not "${values['max-pages']}"`;
  const sizes: number[] = [];
  for (const name of ['max-size', 'max-text-size'] as const) {
    const mib = Number(values[name]);
    if (!Number.isFinite(mib) || mib <= 0)
      return `yusuan ${command}: --${name} takes a number of MiB > 0, not "${values[name]}"`;
    sizes.push(Math.floor(mib * MIB));
  }
  const ocr = values.ocr;
  if (ocr !== 'auto' && ocr !== 'always' && ocr !== 'never')
    return `yusuan ${command}: --ocr takes auto, always or never, not "${ocr}"`;
  const ocrWorkers = values['ocr-workers'] === undefined ? undefined : Number(values['ocr-workers']);
  if (ocrWorkers !== undefined && (!Number.isInteger(ocrWorkers) || ocrWorkers < 1))
    return `yusuan ${command}: --ocr-workers takes a whole number ≥ 1`;
  const ocrConcurrency = Number(values['ocr-concurrency'] ?? DEFAULT_OCR_CONCURRENCY);
  if (!Number.isInteger(ocrConcurrency) || ocrConcurrency < 1)
    return `yusuan ${command}: --ocr-concurrency takes a whole number ≥ 1, not "${values['ocr-concurrency']}"`;
  const ocrEngine = values['ocr-engine'] ?? DEFAULT_OCR_ENGINE;
  if (!isOcrEngineName(ocrEngine))
    return `yusuan ${command}: --ocr-engine takes ${OCR_ENGINES.join(' or ')}, not "${ocrEngine}"`;
  return {
    ...(values.layout ? { force: values.layout } : {}),
    genericOnly: values['generic-only'],
    maxPages,
    maxFileBytes: sizes[0]!,
    maxTextBytes: sizes[1]!,
    ocr,
    ...(ocrWorkers !== undefined ? { ocrWorkers } : {}),
    ocrConcurrency,
    ocrEngine,
    ...(values.password !== undefined ? { password: values.password } : {}),
  };
}

export function positiveNumber(
  command: string,
  name: string,
  text: string | undefined,
): number | string | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  return Number.isFinite(n) && n > 0 ? n : `yusuan ${command}: --${name} takes a number > 0, not "${text}"`;
}
