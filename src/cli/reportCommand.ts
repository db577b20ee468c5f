import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeReport } from '../report/writeReport.ts';
import { USAGE } from './options.ts';

/** `yusuan report DUMP [--out DIR]`: the review site of a dump (default DIR: DUMP/report). */
export async function reportCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { out: { type: 'string' } },
  });
  if (positionals.length !== 1) {
    process.stderr.write(`yusuan report: give one dump folder\n\n${USAGE}`);
    return 2;
  }
  const dump = positionals[0]!;
  const out = values.out ?? join(dump, 'report');
  const result = await writeReport(dump, out);
  if (typeof result === 'string') {
    process.stderr.write(`yusuan report: ${result}\n`);
    return 2;
  }
  process.stdout.write(
    `${result.documents} documents, ${result.pages} page images → ${join(out, 'index.html')}\n`,
  );
  return 0;
}
