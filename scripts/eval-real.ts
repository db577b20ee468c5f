/**
 * npm run eval:real — a gold-free report over a real crawl, and the scores of its blind gold.
 *
 *   npm run eval:real -- DIR…                 run yusuan over DIR… (incremental cache in
 *                                             .scratch/eval-real/<name>), then report
 *   npm run eval:real -- DIR… --dump DUMP     report on an existing dump (DIR… only names the set)
 *   npm run eval:real -- … --write-baseline   record the totals in the baseline
 *   npm run eval:real -- … --json             the report as JSON on stdout
 *   npm run eval:real -- DIR… --cache DIR     keep the run's dump there instead
 *   npm run eval:real -- … --verbose          list every gold line item missed or extra
 *
 * Exits 1 when a gated total is worse than the committed baseline (test/gold/real-baseline.json,
 * one entry per input set), 0 with "skipped" when DIR does not exist (a fresh clone has no crawl).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ProgressReporter } from '../src/cli/progress.ts';
import { baselineEntry, type RealBaseline, worseThanBaseline } from '../src/eval/real/baseline.ts';
import { evaluateCrawl } from '../src/eval/real/evaluateCrawl.ts';
import { evaluationText } from '../src/eval/real/format.ts';
import { evaluationJson } from '../src/eval/real/json.ts';
import { inputSetName, runCrawl } from '../src/eval/real/runCrawl.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    dump: { type: 'string' },
    /** Where `yusuan run` keeps its incremental dump (default .scratch/eval-real/<name>). */
    cache: { type: 'string' },
    baseline: { type: 'string', default: 'test/gold/real-baseline.json' },
    gold: { type: 'string', default: 'test/gold/crawl' },
    'write-baseline': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    /** List every gold line item missed and every extra one. */
    verbose: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

const USAGE = `usage: npm run eval:real -- DIR… [--cache DIR] [--dump DUMPDIR] [--baseline FILE] [--gold DIR]
                              [--write-baseline] [--json] [--verbose]
  DIR…              real files to run yusuan over (an incremental cache keeps what did not change)
  --cache DIR       where the run's dump is kept (default .scratch/eval-real/<name>)
  --dump DUMPDIR    report on an existing dump instead of running
  --write-baseline  record the totals as the baseline of this set
  --json            the report as JSON on stdout
  --verbose         every gold line item missed or extra
Exits 1 when a gated total is worse than the baseline; 0 with "skipped" when DIR does not exist.`;

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const say = (line: string) => process.stderr.write(`${line}\n`);

async function dumpOf(name: string): Promise<string | undefined> {
  if (values.dump) return values.dump;
  const absent = positionals.filter((dir) => !existsSync(dir));
  if (absent.length > 0) {
    console.log(`eval:real skipped: ${absent.join(', ')} not found`);
    return undefined;
  }
  const out = values.cache ?? join(repoRoot, '.scratch', 'eval-real', name);
  mkdirSync(out, { recursive: true });
  let progress: ProgressReporter | undefined;
  const summary = await runCrawl(positionals, out, repoRoot, {
    onStart: ({ toExtract, unchanged }) => {
      say(`yusuan run ${positionals.join(' ')} → ${out}: ${toExtract} to extract, ${unchanged} unchanged`);
      if (toExtract > 0) progress = new ProgressReporter(process.stderr, toExtract);
    },
    onDocument: (doc, done) => progress?.tick(done, doc.status === 'failed'),
  });
  progress?.end();
  say(
    `yusuan run: ${summary.inputs} inputs in ${summary.seconds.toFixed(1)} s, peak RSS ${summary.peak_rss_mib} MiB`,
  );
  return out;
}

function gate(current: ReturnType<typeof baselineEntry>, name: string): number {
  const baseline: RealBaseline = existsSync(values.baseline)
    ? (JSON.parse(readFileSync(values.baseline, 'utf8')) as RealBaseline)
    : {};
  if (values['write-baseline']) {
    const sorted = Object.fromEntries(Object.entries({ ...baseline, [name]: current }).sort());
    writeFileSync(values.baseline, `${JSON.stringify(sorted, null, 2)}\n`);
    say(`baseline for ${name} written to ${values.baseline}`);
    return 0;
  }
  const base = baseline[name];
  if (!base) {
    // A gate that silently passes without its baseline would be no gate.
    say(`no baseline for "${name}" in ${values.baseline}: run with --write-baseline and commit it`);
    return 1;
  }
  const worse = worseThanBaseline(current, base);
  if (worse.length === 0) {
    say(`no regression against ${values.baseline} (${name})`);
    return 0;
  }
  say(`REGRESSION against ${values.baseline} (${name}):`);
  for (const line of worse) say(`  ${line}`);
  return 1;
}

async function main(): Promise<number> {
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length === 0 && !values.dump) {
    say(USAGE);
    return 2;
  }
  const name = positionals.length > 0 ? inputSetName(positionals) : basename(resolve(values.dump!));
  const dump = await dumpOf(name);
  if (!dump) return 0;
  const evaluation = await evaluateCrawl(dump, values.gold);
  const current = baselineEntry(evaluation);
  if (values.json) console.log(JSON.stringify(evaluationJson(name, evaluation, current), null, 2));
  else console.log(evaluationText(evaluation, values.gold, values.verbose));
  return gate(current, name);
}

process.exitCode = await main();
