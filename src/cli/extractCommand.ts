import { parseArgs } from 'node:util';
import type { CanonicalDocument } from '../../schemas/document.ts';
import { extractIsolated } from '../batch/extractIsolated.ts';
import { withCompanionChecks } from '../checks/companionProse.ts';
import type { ExtractOptions } from '../pipeline/extractDocument.ts';
import { findInputs } from '../pipeline/findInputs.ts';
import { runExtract } from '../pipeline/runExtract.ts';
import { writeDump } from '../writers/writeDump.ts';
import { documentLine, summaryLine } from './format.ts';
import { EXTRACT_OPTIONS, extractOptionsOf, positiveNumber, USAGE } from './options.ts';
import { packageVersion } from './version.ts';

/** `yusuan extract`: one-off extraction of files and folders into one dump. */

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
  await writeDump(values.out, docs, { bom: values.bom, version: packageVersion() });
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
