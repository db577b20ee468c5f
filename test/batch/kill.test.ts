import { spawn } from 'node:child_process';
import { appendFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { makeCorpus } from '../../scripts/make-corpus.ts';
import { runBatch } from '../../src/batch/runBatch.ts';
import { tempDir } from '../tmp.ts';
import { expectSameDump, publishedFiles } from './dump.ts';

/** Cache files written since `since` (ms): documents the running batch has finished. */
function finishedSince(out: string, since: number): number {
  const cache = join(out, '.yusuan', 'cache');
  try {
    return readdirSync(cache).filter((f) => f.endsWith('.json') && statSync(join(cache, f)).mtimeMs >= since)
      .length;
  } catch {
    return 0;
  }
}

describe('a run killed midway (SIGKILL)', () => {
  it('leaves the previous dump intact, and the next run ends with the dump of an uninterrupted run', async () => {
    const corpus = join(tempDir('kill-corpus'), 'corpus');
    await makeCorpus(corpus, 20, { seed: 21 });
    const out = tempDir('kill-out');
    const version = JSON.parse((await import('node:fs')).readFileSync('package.json', 'utf8'))
      .version as string;
    await runBatch([corpus], { outDir: out, version, extract: {}, concurrency: 2 });
    const before = publishedFiles(out);

    // New crawl: every file changed.
    for (const batch of readdirSync(corpus))
      for (const f of readdirSync(join(corpus, batch)))
        appendFileSync(join(corpus, batch, f), '\n注：数据已更新。\n');

    const started = Date.now();
    const child = spawn(
      process.execPath,
      ['bin/yusuan.js', 'run', corpus, '--out', out, '--concurrency', '1', '--quiet'],
      {
        stdio: 'ignore',
      },
    );
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    while (finishedSince(out, started) < 4) {
      if (child.exitCode !== null)
        throw new Error('the run finished before it could be killed; make the corpus larger');
      await sleep(20);
    }
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const done = finishedSince(out, started);
    expect(done).toBeGreaterThanOrEqual(4);
    expect(done).toBeLessThan(20);
    // Killed before publishing: every published file is the previous run's, whole.
    expectSameDump(publishedFiles(out), before);

    const resumed = await runBatch([corpus], { outDir: out, version, extract: {}, concurrency: 2 });
    // What the killed run finished (and recorded in the manifest) is not done again.
    expect(resumed.changed).toBeLessThan(20);
    const fresh = tempDir('kill-fresh');
    await runBatch([corpus], { outDir: fresh, version, extract: {}, concurrency: 2 });
    expectSameDump(publishedFiles(out), publishedFiles(fresh));
  }, 180_000);
});
