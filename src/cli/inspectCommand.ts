import { parseArgs } from 'node:util';
import { findInputs } from '../pipeline/findInputs.ts';
import { DEFAULT_MAX_PAGES } from '../readers/pdf/pdfReader.ts';
import { DEFAULT_MAX_FILE_BYTES, MIB, readInputFile } from '../readers/readInputFile.ts';
import { DEFAULT_MAX_TEXT_BYTES } from '../readers/readSource.ts';
import { formatInspection, inspectDocument } from './inspect.ts';
import { extractOptionsOf, USAGE } from './options.ts';

/** `yusuan inspect`: which layout, which tables, which checks. */

export async function inspect(args: string[]): Promise<number> {
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
