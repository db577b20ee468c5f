import { parseArgs } from 'node:util';
import { mergeDumps } from '../batch/mergeDumps.ts';
import { USAGE } from './options.ts';
import { packageVersion } from './version.ts';

/** `yusuan merge`: one dump from the dumps of --shard runs. */

export async function merge(args: string[]): Promise<number> {
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
      version: packageVersion(),
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
