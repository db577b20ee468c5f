import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { type BatchOptions, type BatchSummary, runBatch } from '../../batch/runBatch.ts';

/**
 * `yusuan run` over a crawl into a cache folder, so that the next eval:real redoes only the files
 * that changed. The cache is keyed by the code as well as by the files: `run` alone keys by the
 * package version, and a cache made by other code would report figures that code no longer gives.
 */

const CODE_FOLDERS = ['src', 'extractors', 'schemas'];
/** Code that never runs in an extraction: a change to the report or the CLI keeps the cache. */
const NOT_EXTRACTION = new Set([join('src', 'eval'), join('src', 'cli')]);
const CODE_FILES = ['package.json', 'package-lock.json'];

function filesUnder(root: string, dir: string): string[] {
  if (!existsSync(join(root, dir)) || NOT_EXTRACTION.has(dir)) return [];
  return readdirSync(join(root, dir), { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? filesUnder(root, join(dir, e.name)) : e.isFile() ? [join(dir, e.name)] : [],
    )
    .sort();
}

/** A digest of everything that decides what extraction gives: the code and the locked dependencies. */
export function codeDigest(repoRoot: string): string {
  const hash = createHash('sha256');
  const files = [
    ...CODE_FOLDERS.flatMap((folder) => filesUnder(repoRoot, folder)),
    ...CODE_FILES.filter((f) => existsSync(join(repoRoot, f))),
  ];
  for (const file of files)
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(join(repoRoot, file)))
      .update('\0');
  return hash.digest('hex').slice(0, 16);
}

/** The name of an input set: its folders' names (`realdocs`, `renwu+open-budget`). */
export function inputSetName(dirs: readonly string[]): string {
  return dirs.map((d) => basename(resolve(d))).join('+');
}

export async function runCrawl(
  dirs: readonly string[],
  outDir: string,
  repoRoot: string,
  hooks: Pick<BatchOptions, 'onStart' | 'onDocument'> = {},
): Promise<BatchSummary> {
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
  return runBatch(dirs, {
    outDir,
    version: `${pkg.version}+${codeDigest(repoRoot)}`,
    extract: {},
    ...hooks,
  });
}
