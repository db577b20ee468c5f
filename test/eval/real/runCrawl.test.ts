import { execFile } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { codeDigest, inputSetName } from '../../../src/eval/real/runCrawl.ts';
import { tempDir } from '../../tmp.ts';

const run = promisify(execFile);

describe('the run cache of eval:real', () => {
  it('is keyed by the extraction code, not by the report or the CLI', () => {
    const repo = tempDir('evalreal-code');
    for (const dir of ['src/tables', 'src/eval', 'src/cli', 'extractors'])
      mkdirSync(join(repo, dir), { recursive: true });
    writeFileSync(join(repo, 'package.json'), '{"version":"1.0.0"}');
    writeFileSync(join(repo, 'src/tables/title.ts'), 'export const a = 1;');
    const before = codeDigest(repo);
    writeFileSync(join(repo, 'src/eval/report.ts'), 'export const b = 2;');
    writeFileSync(join(repo, 'src/cli/main.ts'), 'export const c = 3;');
    expect(codeDigest(repo)).toBe(before);
    appendFileSync(join(repo, 'src/tables/title.ts'), '// changed');
    expect(codeDigest(repo)).not.toBe(before);
    writeFileSync(join(repo, 'extractors/city.ts'), 'export const d = 4;');
    expect(new Set([before, codeDigest(repo)]).size).toBe(2);
  });

  it('names an input set after its folders', () => {
    expect(inputSetName(['../shared/realdocs'])).toBe('realdocs');
    expect(inputSetName(['a/renwu/', 'b/open-budget'])).toBe('renwu+open-budget');
  });

  it('extracts only the files that changed on a re-run', async () => {
    const dir = tempDir('evalreal-rerun');
    const crawl = join(dir, 'crawl');
    mkdirSync(crawl);
    for (const seed of ['002_a3edc1729d60384f.txt', '003_01ec1ddfe360b4d3.txt'])
      copyFileSync(join('seeds', seed), join(crawl, seed));
    const evalReal = () =>
      run(process.execPath, [
        ...['--import', 'tsx', 'scripts/eval-real.ts', crawl],
        ...['--cache', join(dir, 'cache'), '--baseline', join(dir, 'baseline.json'), '--write-baseline'],
      ]);
    expect((await evalReal()).stderr).toMatch(/2 to extract, 0 unchanged/);
    expect((await evalReal()).stderr).toMatch(/0 to extract, 2 unchanged/);
    appendFileSync(join(crawl, '003_01ec1ddfe360b4d3.txt'), '\n');
    const third = await evalReal();
    expect(third.stderr).toMatch(/1 to extract, 1 unchanged/);
    // 002 is a lone performance table (an extract), 003 a full report.
    expect(third.stdout).toMatch(/documents 2: report 1, extract 1/);
  }, 180_000);
});
