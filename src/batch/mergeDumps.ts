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

  const merged: Manifest = { ...first, published: null, documents: {} };
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

  const cacheDir = join(outDir, STATE_DIR, 'cache');
  await mkdir(cacheDir, { recursive: true });
  const keep = new Set(Object.keys(merged.documents).map((id) => `${id}.json`));
  for (const name of await readdir(cacheDir))
    if (!keep.has(name)) await rm(join(cacheDir, name), { force: true });
  for (const [id, dir] of from) await copyFile(join(dir, 'json', `${id}.json`), join(cacheDir, `${id}.json`));
  const manifestPath = join(outDir, STATE_DIR, 'manifest.json');
  await writeFileAtomic(manifestPath, serializeManifest(merged));

  const entries = [...from.keys()].map((documentId) => ({
    documentId,
    jsonPath: join(cacheDir, `${documentId}.json`),
  }));
  await publishDumpAndDatabase(outDir, entries, options);
  merged.published = options.bom ? 'csv+bom' : 'csv';
  await writeFileAtomic(manifestPath, serializeManifest(merged));
  return { documents: entries.length, problems };
}
