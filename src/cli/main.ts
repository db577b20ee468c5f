import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { layoutFamilies } from '../../extractors/index.ts';
import { findInputs } from '../pipeline/findInputs.ts';
import { runExtract } from '../pipeline/runExtract.ts';
import { shutdownOcr } from '../readers/ocr/engine.ts';
import { writeDump } from '../writers/writeDump.ts';
import { documentLine, summaryLine } from './format.ts';

/** The `yusuan` command. Only this module prints or exits; everything below returns values. */

const USAGE = `yusuan — Chinese government budget disclosures to open data

usage:
  yusuan extract <files or folders…> [--out DIR] [options]

options:
  --out DIR          output folder (default: output)
  --layout NAME      use this layout extractor (${layoutFamilies().join(', ')})
  --generic-only     use the generic extractor only (no layout overrides)
  --password PW      password of encrypted PDFs
  --max-pages N      read at most N pages of a PDF (default 2000)
  --ocr MODE         auto: OCR pages without a text layer and images (default);
                     always: OCR every page; never: no OCR
  --ocr-workers N    OCR worker threads (default: one per core)
  --strict           exit non-zero when any document is not ok or any check fails
  --bom              write CSVs with a UTF-8 BOM (for Excel)
  --quiet            print only the summary
  --json             print a machine-readable summary (JSON) instead of text
  -h, --help         this help
`;

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

async function extract(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: 'string', default: 'output' },
      layout: { type: 'string' },
      password: { type: 'string' },
      'max-pages': { type: 'string', default: '2000' },
      ocr: { type: 'string', default: 'auto' },
      'ocr-workers': { type: 'string' },
      'generic-only': { type: 'boolean', default: false },
      strict: { type: 'boolean', default: false },
      bom: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  if (positionals.length === 0) {
    process.stderr.write(`yusuan extract: no input files or folders given\n\n${USAGE}`);
    return 2;
  }
  if (values.layout && !layoutFamilies().includes(values.layout)) {
    process.stderr.write(
      `yusuan extract: unknown layout "${values.layout}"; known layouts: ${layoutFamilies().join(', ')}\n`,
    );
    return 2;
  }
  const maxPages = Number(values['max-pages']);
  if (!Number.isInteger(maxPages) || maxPages < 1) {
    process.stderr.write(
      `yusuan extract: --max-pages takes a whole number ≥ 1, not "${values['max-pages']}"\n`,
    );
    return 2;
  }
  const ocr = values.ocr;
  if (ocr !== 'auto' && ocr !== 'always' && ocr !== 'never') {
    process.stderr.write(`yusuan extract: --ocr takes auto, always or never, not "${ocr}"\n`);
    return 2;
  }
  const ocrWorkers = values['ocr-workers'] === undefined ? undefined : Number(values['ocr-workers']);
  if (ocrWorkers !== undefined && (!Number.isInteger(ocrWorkers) || ocrWorkers < 1)) {
    process.stderr.write(`yusuan extract: --ocr-workers takes a whole number ≥ 1\n`);
    return 2;
  }
  const { inputs, problems } = await findInputs(positionals);
  for (const p of problems) process.stderr.write(`yusuan: ${p}\n`);
  if (inputs.length === 0) {
    process.stderr.write('yusuan extract: no input files found\n');
    return 1;
  }
  const docs = await runExtract(inputs, {
    ...(values.layout ? { force: values.layout } : {}),
    genericOnly: values['generic-only'],
    maxPages,
    ocr,
    ...(ocrWorkers !== undefined ? { ocrWorkers } : {}),
    ...(values.password !== undefined ? { password: values.password } : {}),
    onDocument: (doc) => {
      if (!values.quiet && !values.json) process.stdout.write(`${documentLine(doc)}\n`);
      if (doc.status !== 'ok' && (values.quiet || values.json))
        process.stderr.write(`${doc.document_id}: ${doc.status}: ${doc.message}\n`);
    },
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

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    process.stdout.write(USAGE);
    return command === undefined ? 2 : 0;
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
  process.stderr.write(`yusuan: unknown command "${command}"\n\n${USAGE}`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `yusuan: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
