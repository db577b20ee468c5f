import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Refusals that keep a published dump from being lost: a run never publishes from inputs that are
 * not there, never lets one shard overwrite another, and `extract` never overwrites a `run` dump.
 */

export const STATE_DIR = '.yusuan';
export const MANIFEST_PATH = join(STATE_DIR, 'manifest.json');

/** A missing input folder (unmounted disk, typo) would publish an empty dump: every document removed. */
export function missingInputs(paths: readonly string[]): string | undefined {
  const missing = paths.filter((p) => !existsSync(p));
  if (missing.length === 0) return undefined;
  return `input path${missing.length > 1 ? 's' : ''} not found: ${missing.join(', ')}`;
}

/** The shard a dump folder was written for ('' for a whole run), or undefined when it holds no dump. */
async function shardOfDump(outDir: string): Promise<string | undefined> {
  const text = await readFile(join(outDir, MANIFEST_PATH), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    const manifest = JSON.parse(text) as { shard?: unknown; documents?: Record<string, unknown> };
    if (typeof manifest.shard === 'string') return manifest.shard;
    return Object.keys(manifest.documents ?? {}).length > 0 ? '' : undefined;
  } catch {
    return undefined;
  }
}

/** Writing shard 2/4 into shard 1/4's folder would drop shard 1's documents as "removed". */
export async function shardClash(outDir: string, shard: string): Promise<string | undefined> {
  const existing = await shardOfDump(outDir);
  if (existing === undefined || existing === shard) return undefined;
  const what = (s: string) => (s === '' ? 'a whole run' : `shard ${s}`);
  return `${outDir} holds the dump of ${what(existing)}; writing ${what(shard)} there would remove its documents. Give each shard its own --out folder`;
}

/** `extract` writes a dump without a manifest: over a `run` dump it would leave the manifest lying. */
export function holdsRunDump(outDir: string): boolean {
  return existsSync(join(outDir, MANIFEST_PATH));
}
