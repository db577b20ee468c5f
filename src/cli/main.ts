import { parseArgs } from 'node:util';
import { mergeDumps } from '../batch/mergeDumps.ts';
import { type BatchSummary, runBatch } from '../batch/runBatch.ts';
import { parseShard } from '../batch/shard.ts';
import type { ExtractOptions } from '../pipeline/extractDocument.ts';
import { findInputs } from '../pipeline/findInputs.ts';
import { shutdownOcr } from '../readers/ocr/engine.ts';
import { DEFAULT_MAX_PAGES } from '../readers/pdf/pdfReader.ts';
import { DEFAULT_MAX_FILE_BYTES, MIB, readInputFile } from '../readers/readInputFile.ts';
import { DEFAULT_MAX_TEXT_BYTES } from '../readers/readSource.ts';
import { diffCommand } from './diffCommand.ts';
import { extract } from './extractCommand.ts';
import { formatInspection, inspectDocument } from './inspect.ts';
import { EXTRACT_OPTIONS, extractOptionsOf, positiveNumber, USAGE, version } from './options.ts';
import { ProgressReporter } from './progress.ts';
import { report } from './report.ts';

/** The `yusuan` command. Only this module prints or exits; everything below returns values. */

function batchSummaryLine(s: BatchSummary, out: string): string {
  const what = s.published ? `dump written to ${out}/` : `nothing changed; ${out}/ left as it was`;
  const v = s.verdicts;
  const verdicts = `${v.verified} verified, ${v.needs_review} need review, ${v.failed} failed, ${v.not_budget} not budget`;
  return `${s.inputs} input files: ${s.added} new, ${s.changed} changed, ${s.unchanged} unchanged, ${s.removed} removed; ${s.failed} failed; dump: ${verdicts}; ${s.seconds.toFixed(1)} s; ${what}`;
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
  const ocrPageTimeout = positiveNumber('run', 'ocr-page-timeout', values['ocr-page-timeout']);
  const memory = positiveNumber('run', 'memory', values.memory);
  const shard = values.shard === undefined ? undefined : parseShard(values.shard);
  for (const wrong of [extractOptions, concurrency, timeout, ocrPageTimeout, memory, shard])
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
    ocrPageMs: (ocrPageTimeout as number) * 1000,
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
    onOcrPage: (file, page, pages) => progress?.ocrPage(file, page, pages),
  });
  progress?.end();
  if (summary.refused) {
    process.stderr.write(`yusuan run: ${summary.refused}; ${values.out}/ left as it was\n`);
    return 1;
  }
  for (const p of summary.problems) process.stderr.write(`yusuan: ${p}\n`);
  if (values.json) process.stdout.write(`${JSON.stringify({ out: values.out, ...summary }, null, 2)}\n`);
  else process.stdout.write(`${batchSummaryLine(summary, values.out)}\n`);
  if (summary.inputs === 0) {
    process.stderr.write('yusuan run: no input files found\n');
    return 1;
  }
  // The whole dump, not only what this run re-did: an unchanged failed document still fails.
  const v = summary.verdicts;
  return v.failed > 0 || (values.strict && v.needs_review > 0) ? 1 : 0;
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
  let failed = problems.length > 0 || inputs.length === 0;
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
  if (command === 'diff') return diffCommand(rest);
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
