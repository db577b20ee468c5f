import { parseArgs } from 'node:util';
import { buildReport } from '../report/buildReport.ts';

/** `yusuan report DUMP [--out DIR]`: writes the static review site of a dump. */
export async function report(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { out: { type: 'string' }, quiet: { type: 'boolean', default: false } },
  });
  const dump = positionals[0];
  if (dump === undefined || positionals.length > 1) {
    process.stderr.write('yusuan report: give one dump folder: yusuan report DUMP [--out DIR]\n');
    return 2;
  }
  const out = values.out ?? `${dump.replace(/[\\/]+$/, '')}-report`;
  let result: Awaited<ReturnType<typeof buildReport>>;
  try {
    result = await buildReport(dump, out);
  } catch (error) {
    process.stderr.write(`yusuan report: ${dump}: ${(error as Error).message}\n`);
    return 1;
  }
  for (const p of result.problems) process.stderr.write(`yusuan report: ${p}\n`);
  if (!values.quiet)
    process.stdout.write(
      `review site of ${result.documents} documents (${result.pageImages} page images) → ${out}/index.html\n`,
    );
  return 0;
}
