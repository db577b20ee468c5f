import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import type { CanonicalDocument } from '../../schemas/document.ts';
import { splitDuplicates } from '../batch/duplicates.ts';
import { extractIsolated } from '../batch/extractIsolated.ts';
import { holdsRunDump } from '../batch/guard.ts';
import { ocrWorkersPerFile } from '../batch/ocrShare.ts';
import { hashInputs } from '../batch/runBatch.ts';
import { withCompanionChecks } from '../checks/companionProse.ts';
import { judge, passesStrict } from '../checks/verdict.ts';
import type { ExtractOptions } from '../pipeline/extractDocument.ts';
import { documentIdOf, findInputs } from '../pipeline/findInputs.ts';
import { runExtract } from '../pipeline/runExtract.ts';
import { localOcrGate, useOcrGate } from '../readers/ocr/ocrGate.ts';
import { writeDump } from '../writers/writeDump.ts';
import { documentLine, summaryLine } from './format.ts';
import { EXTRACT_OPTIONS, extractOptionsOf, positiveNumber, USAGE } from './options.ts';
import { ProgressReporter } from './progress.ts';
import { packageVersion } from './version.ts';

/** `yusuan extract`: one-off extraction, everything in memory. */

export async function extract(args: string[]): Promise<number> {
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
  const ocrPageTimeout = positiveNumber('extract', 'ocr-page-timeout', values['ocr-page-timeout']);
  const memory = positiveNumber('extract', 'memory', values.memory);
  for (const wrong of [extractOptions, timeout, ocrPageTimeout, memory])
    if (typeof wrong === 'string') {
      process.stderr.write(`${wrong}\n`);
      return 2;
    }
  const options = extractOptions as ExtractOptions & { maxFileBytes: number; ocrConcurrency: number };
  if (holdsRunDump(values.out)) {
    process.stderr.write(
      `yusuan extract: ${values.out} holds a dump of \`yusuan run\` (${values.out}/.yusuan/); extract would leave its manifest stale. Use \`yusuan run\` or another --out\n`,
    );
    return 2;
  }
  const found = await findInputs(positionals);
  for (const p of found.problems) process.stderr.write(`yusuan: ${p}\n`);
  // A file given by name that is not there is a failed document of the run, not a silent skip.
  const missing = positionals
    .filter((p) => !existsSync(p))
    .map((path) => ({ path, documentId: documentIdOf(path) }));
  const inputs = [...found.inputs, ...missing];
  if (inputs.length === 0) {
    process.stderr.write('yusuan extract: no input files found\n');
    return 1;
  }
  const { unique, duplicates } = splitDuplicates(await hashInputs(inputs));
  // On a terminal a line under the documents' names which file and page OCR is reading.
  const progress =
    process.stderr.isTTY && !values.quiet && !values.json
      ? new ProgressReporter(process.stderr, unique.length)
      : undefined;
  let done = 0;
  const onDocument = (doc: CanonicalDocument) => {
    if (progress) process.stderr.write('\r\u001b[K');
    if (!values.quiet && !values.json) process.stdout.write(`${documentLine(doc)}\n`);
    // What went wrong and where goes to stderr whatever the output mode, for logs of unattended runs.
    if (doc.status !== 'ok') process.stderr.write(`${doc.document_id}: ${doc.status}: ${doc.message}\n`);
    progress?.tick(++done, doc.status === 'failed');
  };
  const extracted = values['in-process']
    ? await extractInProcess(unique, { ...options, onDocument })
    : await extractIsolated(unique, {
        extract: options,
        ocrConcurrency: options.ocrConcurrency,
        limits: { maxFileBytes: options.maxFileBytes },
        timeoutMs: (timeout as number) * 1000,
        ocrPageMs: (ocrPageTimeout as number) * 1000,
        memoryMb: Math.floor(memory as number),
        onDocument,
        onOcrPage: (file, page, pages) => progress?.ocrPage(file, page, pages),
      });
  if (progress) process.stderr.write('\r\u001b[K');
  const docs = withCompanionChecks(extracted);
  if (!values.quiet && !values.json) printPairings(extracted, docs);
  const copies = duplicates.map((d) => ({
    documentId: d.documentId,
    sourceFile: d.path,
    duplicateOf: d.duplicateOf,
  }));
  for (const c of copies)
    if (!values.json)
      process.stdout.write(`${c.documentId}: same bytes as ${c.duplicateOf}, extracted once\n`);
  await writeDump(values.out, docs, { bom: values.bom, version: packageVersion(), duplicates: copies });
  if (values.json)
    process.stdout.write(
      `${JSON.stringify({ out: values.out, documents: jsonSummary(docs), peak_rss_mib: peakRssMib() }, null, 2)}\n`,
    );
  else process.stdout.write(`${summaryLine(docs, values.out)}\n`);
  const verdicts = docs.map((d) => judge(d).verdict);
  const failed = verdicts.includes('failed');
  return failed || (values.strict && !verdicts.every(passesStrict)) ? 1 : 0;
}

/** The lines printed per document came before the pairing: say what the narratives' checks became. */
function printPairings(extracted: readonly CanonicalDocument[], docs: readonly CanonicalDocument[]): void {
  docs.forEach((doc, i) => {
    if (doc === extracted[i]) return;
    const prose = doc.checks.filter((c) => c.check === 'prose_matches_table');
    const count = (status: string) => prose.filter((c) => c.status === status).length;
    const against = /vs report (.+?) table /u.exec(prose[0]?.scope ?? '')?.[1] ?? '?';
    process.stdout.write(
      `${doc.document_id}: text checked against ${against}: ${count('pass')} pass / ${count('fail')} fail / ${count('skip')} skip → ${judge(doc).verdict}\n`,
    );
  });
}

/** The process's peak resident memory: the files' threads, OCR's included. */
const peakRssMib = () => Math.round(process.resourceUsage().maxRSS / 1024);

function jsonSummary(docs: readonly CanonicalDocument[]) {
  return docs.map((d) => {
    const { verdict, reasons } = judge(d);
    const count = (status: string) => d.checks.filter((c) => c.status === status).length;
    return {
      document_id: d.document_id,
      status: d.status,
      verdict,
      verdict_reasons: reasons,
      message: d.message,
      tables: d.tables.length,
      line_items: d.line_items.length,
      indicators: d.indicators.length,
      checks: { pass: count('pass'), fail: count('fail'), skip: count('skip') },
    };
  });
}

/** Files read in this thread, one after another: OCR pages pass through a gate of this thread. */
function extractInProcess(
  inputs: Parameters<typeof runExtract>[0],
  options: Parameters<typeof runExtract>[1] & { readonly ocrConcurrency: number },
) {
  useOcrGate(localOcrGate(options.ocrConcurrency));
  const ocrWorkers = ocrWorkersPerFile(availableParallelism(), 1, options.ocrConcurrency, options.ocrEngine);
  return runExtract(inputs, { ocrWorkers, ...options });
}
