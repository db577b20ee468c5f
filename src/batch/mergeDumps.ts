import { copyFile, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { writeFileAtomic } from '../writers/atomicWrite.ts';
import { type Manifest, ManifestSchema, serializeManifest } from './manifest.ts';
import { publishDumpAndDatabase } from './publish.ts';
import { STATE_DIR } from './runBatch.ts';

/**
 * `yusuan merge`: shard dumps (`yusuan run --shard K/N`) into one dump, identical to what a single
 * run over all inputs writes. The merged dump keeps a manifest and cache, so later runs over the
 * whole folder are incremental from it.
 */

export interface MergeOptions {
  readonly version: string;
  readonly bom?: boolean;
  readonly sqlite?: string;
}

export interface MergeResult {
  readonly documents: number;
  readonly problems: readonly string[];
}

async function readManifest(dir: string): Promise<Manifest | string> {
  const path = join(dir, STATE_DIR, 'manifest.json');
  const text = await readFile(path, 'utf8').catch(() => undefined);
  if (text === undefined) return `${dir}: not a yusuan dump (no ${STATE_DIR}/manifest.json)`;
  const parsed = ManifestSchema.safeParse(JSON.parse(text));
  if (!parsed.success) return `${path}: not a manifest yusuan can read`;
  if (parsed.data.published === null)
    return `${dir}: the run that wrote it did not finish; run it again first`;
  return parsed.data;
}

/**
 * What the shard records say is missing: `run --shard K/N` records `K/N` in its manifest, so a
 * merge of 3 of 4 shards says which one it lacks instead of publishing a quarter less in silence.
 */
export function missingShards(manifests: readonly { dir: string; manifest: Manifest }[]): string[] {
  const unrecorded = manifests.filter((m) => m.manifest.shard === undefined).map((m) => m.dir);
  const shards = manifests.flatMap((m) => (m.manifest.shard ? [m.manifest.shard] : []));
  const counts = new Set(shards.map((s) => Number(s.split('/')[1])));
  const problems: string[] = [];
  if (unrecorded.length > 0 && shards.length > 0)
    problems.push(
      `warning: ${unrecorded.join(', ')} record no --shard; cannot tell whether shards are missing`,
    );
  if (counts.size > 1)
    problems.push(`warning: the shards were cut in different counts (${shards.join(', ')})`);
  if (counts.size !== 1) return problems;
  const count = [...counts][0]!;
  const have = new Set(shards.map((s) => Number(s.split('/')[0])));
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((k) => !have.has(k));
  if (missing.length > 0)
    problems.push(
      `warning: shard${missing.length > 1 ? 's' : ''} ${missing.map((k) => `${k}/${count}`).join(', ')} missing: the merged dump lacks their documents`,
    );
  return problems;
}

export async function mergeDumps(
  dirs: readonly string[],
  outDir: string,
  options: MergeOptions,
): Promise<MergeResult> {
  const out = resolve(outDir);
  if (dirs.some((d) => resolve(d) === out))
    throw new Error(`merge: the output folder ${outDir} is also an input; merge into a new folder`);
  const manifests: { dir: string; manifest: Manifest }[] = [];
  for (const dir of dirs) {
    const m = await readManifest(dir);
    if (typeof m === 'string') throw new Error(`merge: ${m}`);
    manifests.push({ dir, manifest: m });
  }
  const first = manifests[0]!.manifest;
  for (const { dir, manifest } of manifests)
    if (manifest.version !== first.version || manifest.options !== first.options)
      throw new Error(
        `merge: ${dir} was written by yusuan ${manifest.version} with options ${manifest.options}, ${manifests[0]!.dir} by ${first.version} with ${first.options}; re-run the shards with one version and one set of options`,
      );

  const { shard: _shard, ...whole } = first;
  const merged: Manifest = { ...whole, published: null, documents: {} };
  const from = new Map<string, string>();
  const problems: string[] = [];
  for (const { dir, manifest } of manifests) {
    for (const [id, entry] of Object.entries(manifest.documents)) {
      const earlier = merged.documents[id];
      if (earlier) {
        if (earlier.sha256 !== entry.sha256)
          throw new Error(
            `merge: document ${id} is in ${from.get(id)} and in ${dir} with different contents`,
          );
        problems.push(`${id}: in ${from.get(id)} and ${dir} (same contents, kept once)`);
        continue;
      }
      merged.documents[id] = entry;
      from.set(id, dir);
    }
  }

  problems.push(...missingShards(manifests));
  const cacheDir = join(outDir, STATE_DIR, 'cache');
  await mkdir(cacheDir, { recursive: true });
  const keep = new Set(Object.keys(merged.documents).map((id) => `${id}.json`));
  for (const name of await readdir(cacheDir))
    if (!keep.has(name)) await rm(join(cacheDir, name), { force: true });
  for (const [id, dir] of from)
    if (merged.documents[id]!.duplicate_of === undefined)
      await copyFile(join(dir, 'json', `${id}.json`), join(cacheDir, `${id}.json`));
  const manifestPath = join(outDir, STATE_DIR, 'manifest.json');
  await writeFileAtomic(manifestPath, serializeManifest(merged));

  const entries = [...from.keys()].map((documentId) => {
    const entry = merged.documents[documentId]!;
    const of = entry.duplicate_of;
    return {
      documentId,
      jsonPath: join(cacheDir, `${of ?? documentId}.json`),
      ...(of !== undefined ? { duplicate: { of, sourceFile: entry.source_file } } : {}),
    };
  });
  const rows = await publishDumpAndDatabase(outDir, entries, options);
  for (const row of rows) merged.documents[row.document_id]!.verdict = row.verdict;
  merged.published = options.bom ? 'csv+bom' : 'csv';
  await writeFileAtomic(manifestPath, serializeManifest(merged));
  return { documents: entries.length, problems };
}
