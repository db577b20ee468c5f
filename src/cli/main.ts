import { usage } from './usage.ts';
import { packageVersion } from './version.ts';

/**
 * The `yusuan` command. Only this module and the command modules print or exit; everything below
 * returns values. Each command is imported when it is called, so `--version` and `--help` load
 * no parser, no pdf.js, no OCR engine and no database.
 */

async function help(): Promise<string> {
  const { layoutFamilies } = await import('../../extractors/index.ts');
  const { DEFAULT_OCR_PAGE_TIMEOUT_S } = await import('../batch/workerPool.ts');
  const { DEFAULT_OCR_ENGINE } = await import('../readers/ocr/engine.ts');
  return usage(layoutFamilies(), DEFAULT_OCR_PAGE_TIMEOUT_S, DEFAULT_OCR_ENGINE);
}

async function withOcrShutdown(command: () => Promise<number>): Promise<number> {
  try {
    return await command();
  } finally {
    // OCR workers keep the process alive until they are stopped; the engine is loaded only if used.
    const { shutdownOcr } = await import('../readers/ocr/engine.ts');
    await shutdownOcr();
  }
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    process.stdout.write(await help());
    return command === undefined ? 2 : 0;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(await help());
    return 0;
  }
  if (command === '--version' || command === '-v') {
    process.stdout.write(`${packageVersion()}\n`);
    return 0;
  }
  if (command === 'extract')
    return withOcrShutdown(async () => (await import('./extractCommand.ts')).extract(rest));
  if (command === 'run') return (await import('./runCommand.ts')).run(rest);
  if (command === 'merge') return (await import('./mergeCommand.ts')).merge(rest);
  if (command === 'diff') return (await import('./diffCommand.ts')).diffCommand(rest);
  if (command === 'report') return (await import('./report.ts')).report(rest);
  if (command === 'inspect')
    return withOcrShutdown(async () => (await import('./inspectCommand.ts')).inspect(rest));
  process.stderr.write(`yusuan: unknown command "${command}"\n\n${await help()}`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  async (error: unknown) => {
    // A mistyped option is the user's slip, not a crash: say which, without a stack.
    if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS_')) {
      process.stderr.write(`yusuan ${process.argv[2] ?? ''}: ${(error as Error).message}\n\n${await help()}`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(
      `yusuan: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
