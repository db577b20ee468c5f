import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { layoutFamilies } from '../../extractors/index.ts';
import type { CanonicalDocument } from '../../schemas/document.ts';
import { extractIsolated } from '../batch/extractIsolated.ts';
import { mergeDumps } from '../batch/mergeDumps.ts';
import { type BatchSummary, runBatch } from '../batch/runBatch.ts';
import { parseShard } from '../batch/shard.ts';
import { withCompanionChecks } from '../checks/companionProse.ts';
import type { ExtractOptions } from '../pipeline/extractDocument.ts';
import { findInputs } from '../pipeline/findInputs.ts';
import { runExtract } from '../pipeline/runExtract.ts';
import { shutdownOcr } from '../readers/ocr/engine.ts';
import { DEFAULT_MAX_PAGES } from '../readers/pdf/pdfReader.ts';
import { DEFAULT_MAX_FILE_BYTES, MIB, readInputFile } from '../readers/readInputFile.ts';
import { DEFAULT_MAX_TEXT_BYTES } from '../readers/readSource.ts';
import { writeDump } from '../writers/writeDump.ts';
import { documentLine, summaryLine } from './format.ts';
import { formatInspection, inspectDocument } from './inspect.ts';
import { ProgressReporter } from './progress.ts';
import { report } from './report.ts';

/** The `yusuan` command. Only this module prints or exits; everything below returns values. */

const USAGE = `yusuan — Chinese government budget disclosures to open data

usage:
  yusuan extract <files or folders…> [--out DIR] [options]   one-off extraction, everything in memory
  yusuan run <folders…> --out DIR [options]                  incremental batch run over a corpus
  yusuan merge <dump folders…> --out DIR [--sqlite FILE] [--bom]
                                                             merge the dumps of --shard runs
  yusuan report <dump folder> [--out DIR]                   static review site of a dump (opens from disk)
  yusuan inspect <files…> [--generic-only] [--layout NAME] [--json]
                                                             which layout, which tables, which checks:
                                                             the first thing to run on a new city's file

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
  --timeout S        time limit per file in seconds (default 300)
  --memory MB        heap limit per file in MiB (default 4096)
  --strict           exit non-zero when any document is not ok or any check fails
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

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

const EXTRACT_OPTIONS = {
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
  memory: { type: 'string', default: '4096' },
} as const;

type ExtractValues = {
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
function extractOptionsOf(
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

function positiveNumber(
  command: string,
  name: string,
  text: string | undefined,
): number | string | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  return Number.isFinite(n) && n > 0 ? n : `yusuan ${command}: --${name} takes a number > 0, not "${text}"`;
}

async function extract(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { ...EXTRACT_OPTIONS, 'in-process': { type: 'boolean', default: false } },
  });
  if (positionals.length === 0) {
    process.stderr.write(`yusuan extract: no input files or folders given\n\n${USAGE}`);
    return 2;
  }
  const extractOptions = extractOptionsOf('extract', values);
  const timeout = positiveNumber('extract', 'timeout', values.timeout);
  const memory = positiveNumber('extract', 'memory', values.memory);
  for (const wrong of [extractOptions, timeout, memory])
    if (typeof wrong === 'string') {
      process.stderr.write(`${wrong}\n`);
      return 2;
    }
  const options = extractOptions as ExtractOptions & { maxFileBytes: number };
  const { inputs, problems } = await findInputs(positionals);
  for (const p of problems) process.stderr.write(`yusuan: ${p}\n`);
  if (inputs.length === 0) {
    process.stderr.write('yusuan extract: no input files found\n');
    return 1;
  }
  const onDocument = (doc: CanonicalDocument) => {
    if (!values.quiet && !values.json) process.stdout.write(`${documentLine(doc)}\n`);
    // What went wrong and where goes to stderr whatever the output mode, for logs of unattended runs.
    if (doc.status !== 'ok') process.stderr.write(`${doc.document_id}: ${doc.status}: ${doc.message}\n`);
  };
  const extracted = values['in-process']
    ? await runExtract(inputs, { ...options, onDocument })
    : await extractIsolated(inputs, {
        extract: options,
        limits: { maxFileBytes: options.maxFileBytes },
        timeoutMs: (timeout as number) * 1000,
        memoryMb: Math.floor(memory as number),
        onDocument,
      });
  const docs = withCompanionChecks(extracted);
  // The lines above were printed before the pairing: say what the narratives' checks became.
  if (!values.quiet && !values.json)
    docs.forEach((doc, i) => {
      if (doc === extracted[i]) return;
      const prose = doc.checks.filter((c) => c.check === 'prose_matches_table');
      const count = (status: string) => prose.filter((c) => c.status === status).length;
      const against = /vs report (.+?) table /u.exec(prose[0]?.scope ?? '')?.[1] ?? '?';
      process.stdout.write(
        `${doc.document_id}: text checked against ${against}: ${count('pass')} pass / ${count('fail')} fail / ${count('skip')} skip\n`,
      );
    });
  await writeDump(values.out, docs, { bom: values.bom, version: version() });
  if (values.json) {
    const summary = docs.map((d) => ({
      document_id: d.document_id,
      status: d.status,
      message: d.message,
      tables: d.tables.length,
      line_items: d.line_items.length,
      indicators: d.indicators.length,
      checks: {
        pass: d.checks.filter((c) => c.status === 'pass').length,
        fail: d.checks.filter((c) => c.status === 'fail').length,
        skip: d.checks.filter((c) => c.status === 'skip').length,
      },
    }));
    process.stdout.write(`${JSON.stringify({ out: values.out, documents: summary }, null, 2)}\n`);
  } else {
    process.stdout.write(`${summaryLine(docs, values.out)}\n`);
  }
  const failed = docs.some((d) => d.status === 'failed');
  const notOk = docs.some((d) => d.status !== 'ok' || d.checks.some((c) => c.status === 'fail'));
  return failed || (values.strict && notOk) ? 1 : 0;
}

function batchSummaryLine(s: BatchSummary, out: string): string {
  const what = s.published ? `dump written to ${out}/` : `nothing changed; ${out}/ left as it was`;
  return `${s.inputs} input files: ${s.added} new, ${s.changed} changed, ${s.unchanged} unchanged, ${s.removed} removed; ${s.failed} failed; ${s.seconds.toFixed(1)} s; ${what}`;
}

async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...EXTRACT_OPTIONS,
      concurrency: { type: 'string' },
      force: { type: 'boolean', default: false },
      shard: { type: 'string' },
      sqlite: { type: 'string' },
    },
  });
  if (positionals.length === 0) {
    process.stderr.write(`yusuan run: no input folders given\n\n${USAGE}`);
    return 2;
  }
  const extractOptions = extractOptionsOf('run', values);
  const concurrency = positiveNumber('run', 'concurrency', values.concurrency);
  const timeout = positiveNumber('run', 'timeout', values.timeout);
  const memory = positiveNumber('run', 'memory', values.memory);
  const shard = values.shard === undefined ? undefined : parseShard(values.shard);
  for (const wrong of [extractOptions, concurrency, timeout, memory, shard])
    if (typeof wrong === 'string') {
      process.stderr.write(`${wrong.startsWith('yusuan') ? '' : 'yusuan run: '}${wrong}\n`);
      return 2;
    }
  let progress: ProgressReporter | undefined;
  const summary = await runBatch(positionals, {
    outDir: values.out,
    version: version(),
    extract: extractOptions as ExtractOptions,
    limits: { maxFileBytes: (extractOptions as { maxFileBytes: number }).maxFileBytes },
    ...(typeof concurrency === 'number' ? { concurrency: Math.floor(concurrency) } : {}),
    timeoutMs: (timeout as number) * 1000,
    memoryMb: Math.floor(memory as number),
    force: values.force,
    ...(shard && typeof shard !== 'string' ? { shard } : {}),
    bom: values.bom,
    ...(values.sqlite ? { sqlite: values.sqlite } : {}),
    onStart: ({ toExtract }) => {
      if (!values.quiet && !values.json && toExtract > 0)
        progress = new ProgressReporter(process.stderr, toExtract);
    },
    onDocument: (doc, done) => {
      progress?.tick(done, doc.status === 'failed');
      if (doc.status !== 'ok') {
        if (process.stderr.isTTY && progress) process.stderr.write('\n');
        process.stderr.write(`${doc.documentId}: ${doc.status}: ${doc.message}\n`);
      }
    },
  });
  progress?.end();
  for (const p of summary.problems) process.stderr.write(`yusuan: ${p}\n`);
  if (values.json) process.stdout.write(`${JSON.stringify({ out: values.out, ...summary }, null, 2)}\n`);
  else process.stdout.write(`${batchSummaryLine(summary, values.out)}\n`);
  if (summary.inputs === 0) {
    process.stderr.write('yusuan run: no input files found\n');
    return 1;
  }
  return values.strict && summary.extracted.some((d) => d.status !== 'ok' || d.checksFailed > 0) ? 1 : 0;
}

async function merge(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      sqlite: { type: 'string' },
      bom: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
    },
  });
  if (positionals.length === 0 || !values.out) {
    process.stderr.write(`yusuan merge: give the shard dumps and --out DIR\n\n${USAGE}`);
    return 2;
  }
  try {
    const result = await mergeDumps(positionals, values.out, {
      version: version(),
      bom: values.bom,
      ...(values.sqlite ? { sqlite: values.sqlite } : {}),
    });
    for (const p of result.problems) process.stderr.write(`yusuan merge: ${p}\n`);
    if (!values.quiet)
      process.stdout.write(
        `${positionals.length} dumps merged: ${result.documents} documents written to ${values.out}/\n`,
      );
    return 0;
  } catch (error) {
    process.stderr.write(`yusuan ${(error as Error).message}\n`);
    return 1;
  }
}

async function inspect(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      layout: { type: 'string' },
      'generic-only': { type: 'boolean', default: false },
      password: { type: 'string' },
      ocr: { type: 'string', default: 'auto' },
      json: { type: 'boolean', default: false },
    },
  });
  if (positionals.length === 0) {
    process.stderr.write(`yusuan inspect: give the files to inspect\n\n${USAGE}`);
    return 2;
  }
  const options = extractOptionsOf('inspect', {
    ...values,
    'max-pages': String(DEFAULT_MAX_PAGES),
    'max-size': String(DEFAULT_MAX_FILE_BYTES / MIB),
    'max-text-size': String(DEFAULT_MAX_TEXT_BYTES / MIB),
  });
  if (typeof options === 'string') {
    process.stderr.write(`${options}\n`);
    return 2;
  }
  const { inputs, problems } = await findInputs(positionals);
  for (const p of problems) process.stderr.write(`yusuan: ${p}\n`);
  let failed = false;
  for (const input of inputs) {
    const read = await readInputFile(input.path, options);
    if (!read.ok) {
      process.stderr.write(`${read.problem.message}\n`);
      failed = true;
      continue;
    }
    const inspection = await inspectDocument(
      read.bytes,
      { documentId: input.documentId, sourceFile: input.path },
      options,
    );
    failed ||= inspection.document.status === 'failed';
    process.stdout.write(
      values.json ? `${JSON.stringify(inspection, null, 2)}\n` : `${formatInspection(inspection)}\n`,
    );
  }
  return failed ? 1 : 0;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    process.stdout.write(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (command === '--version' || command === '-v') {
    process.stdout.write(`${version()}\n`);
    return 0;
  }
  if (command === 'extract') {
    try {
      return await extract(rest);
    } finally {
      // OCR workers keep the process alive until they are stopped.
      await shutdownOcr();
    }
  }
  if (command === 'run') return run(rest);
  if (command === 'merge') return merge(rest);
  if (command === 'report') return report(rest);
  if (command === 'inspect') {
    try {
      return await inspect(rest);
    } finally {
      await shutdownOcr();
    }
  }
  process.stderr.write(`yusuan: unknown command "${command}"\n\n${USAGE}`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // A mistyped option is the user's slip, not a crash: say which, without a stack.
    if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS_')) {
      process.stderr.write(`yusuan ${process.argv[2] ?? ''}: ${(error as Error).message}\n\n${USAGE}`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(
      `yusuan: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
