import { parseArgs } from 'node:util';
import { type BatchSummary, runBatch } from '../batch/runBatch.ts';
import { parseShard } from '../batch/shard.ts';
import type { ExtractOptions } from '../pipeline/extractDocument.ts';
import { EXTRACT_OPTIONS, extractOptionsOf, positiveNumber, USAGE } from './options.ts';
import { ProgressReporter } from './progress.ts';
import { packageVersion } from './version.ts';

/** `yusuan run`: incremental batch run over a corpus. */

function batchSummaryLine(s: BatchSummary, out: string): string {
  const what = s.published ? `dump written to ${out}/` : `nothing changed; ${out}/ left as it was`;
  const v = s.verdicts;
  const verdicts = `${v.verified} verified, ${v.needs_review} need review, ${v.failed} failed, ${v.not_budget} not budget`;
  return `${s.inputs} input files: ${s.added} new, ${s.changed} changed, ${s.unchanged} unchanged, ${s.removed} removed; ${s.failed} failed; dump: ${verdicts}; ${s.seconds.toFixed(1)} s; ${what}`;
}

export async function run(args: string[]): Promise<number> {
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
    version: packageVersion(),
    extract: extractOptions as ExtractOptions,
    limits: { maxFileBytes: (extractOptions as { maxFileBytes: number }).maxFileBytes },
    ...(typeof concurrency === 'number' ? { concurrency: Math.floor(concurrency) } : {}),
    timeoutMs: (timeout as number) * 1000,
    ocrPageMs: (ocrPageTimeout as number) * 1000,
    memoryMb: Math.floor(memory as number),
    ocrConcurrency: (extractOptions as { ocrConcurrency: number }).ocrConcurrency,
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
