import { readFileSync } from 'node:fs';
import { layoutFamilies } from '../../extractors/index.ts';
import { DEFAULT_OCR_PAGE_TIMEOUT_S } from '../batch/workerPool.ts';
import type { ExtractOptions } from '../pipeline/extractDocument.ts';
import { DEFAULT_MAX_PAGES } from '../readers/pdf/pdfReader.ts';
import { DEFAULT_MAX_FILE_BYTES, MIB } from '../readers/readInputFile.ts';
import { DEFAULT_MAX_TEXT_BYTES } from '../readers/readSource.ts';

/** The command line's usage text and the options `extract`, `run` and `inspect` share. */

export const USAGE = `yusuan — Chinese government budget disclosures to open data

usage:
  yusuan extract <files or folders…> [--out DIR] [options]   one-off extraction, everything in memory
  yusuan run <folders…> --out DIR [options]                  incremental batch run over a corpus
  yusuan merge <dump folders…> --out DIR [--sqlite FILE] [--bom]
                                                             merge the dumps of --shard runs
  yusuan inspect <files…> [--generic-only] [--layout NAME] [--json]
                                                             which layout, which tables, which checks:
                                                             the first thing to run on a new city's file
  yusuan diff <old dump> <new dump> [--json] [--fail-on-change]
                                                             what changed between two dumps of a corpus
  yusuan report <dump> [--out DIR]                           a static review site of a dump (default DIR: dump-report)

options (extract and run):
  --out DIR          output folder (default: output)
  --layout NAME      use this layout extractor (${layoutFamilies().join(', ')})
  --generic-only     use the generic extractor only (no layout overrides)
  --password PW      password of encrypted PDFs
  --max-pages N      read at most N pages of a PDF or TIFF (default 2000)
  --max-size MB      refuse input files larger than this, unread (default 256)
  --max-text-size MB refuse text inputs larger than this (default 16)
  --ocr MODE         auto: OCR pages without a text layer and images (default);
                     always: OCR every page; never: no OCR
  --ocr-workers N    OCR worker threads (default: one per core)
  --timeout S        time limit per file in seconds, before OCR (default 300)
  --ocr-page-timeout S
                     added to a file's time limit for each page it sends to OCR
                     (default ${DEFAULT_OCR_PAGE_TIMEOUT_S}: a 100-page scan may take 300 + 100 × ${DEFAULT_OCR_PAGE_TIMEOUT_S} s)
  --memory MB        heap limit per file in MiB (default 4096)
  --strict           exit 1 unless every document is verified (or not a budget);
                     without it, exit 1 only when a document failed
  --bom              write CSVs with a UTF-8 BOM (for Excel)
  --quiet            print only the summary
  --json             print a machine-readable summary (JSON) instead of text
  -h, --help         this help

options (extract):
  --in-process       extract in this process: faster start, no per-file time or memory limit
                     (for trusted files only)

options (run):
  --concurrency N    worker threads extracting files in parallel (default: one per core)
  --force            extract every file again, changed or not
  --shard K/N        process only the K-th of N deterministic slices of the inputs
  --sqlite FILE      also write the dump as a SQLite database
`;

export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

export const EXTRACT_OPTIONS = {
  out: { type: 'string', default: 'output' },
  layout: { type: 'string' },
  password: { type: 'string' },
  'max-pages': { type: 'string', default: String(DEFAULT_MAX_PAGES) },
  'max-size': { type: 'string', default: String(DEFAULT_MAX_FILE_BYTES / MIB) },
  'max-text-size': { type: 'string', default: String(DEFAULT_MAX_TEXT_BYTES / MIB) },
  ocr: { type: 'string', default: 'auto' },
  'ocr-workers': { type: 'string' },
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
  'generic-only': boolean;
};

/** The extraction options of the command line, or a message saying which one is wrong. */
export function extractOptionsOf(
  command: string,
  values: ExtractValues,
): (ExtractOptions & { readonly maxFileBytes: number }) | string {
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
  return {
    ...(values.layout ? { force: values.layout } : {}),
    genericOnly: values['generic-only'],
    maxPages,
    maxFileBytes: sizes[0]!,
    maxTextBytes: sizes[1]!,
    ocr,
    ...(ocrWorkers !== undefined ? { ocrWorkers } : {}),
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
