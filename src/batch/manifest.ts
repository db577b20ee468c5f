import { z } from 'zod';
import { VerdictSchema } from '../../schemas/document.ts';
import { isSafeDocumentId } from '../pipeline/findInputs.ts';

/**
 * The manifest of a dump: which input (by content hash) each document was extracted from, by
 * which yusuan version and with which options. It is what makes a re-run incremental.
 */

export const ManifestEntrySchema = z.object({
  source_file: z.string(),
  sha256: z.string(),
  status: z.enum(['ok', 'partial', 'failed']),
  /** As last published (a narrative's verdict changes when it is paired with its report). */
  verdict: VerdictSchema.optional(),
  /** Same bytes as this document: extracted once, under that id. */
  duplicate_of: z.string().optional(),
});
export type ManifestEntry = z.infer<typeof ManifestEntrySchema>;

export const ManifestSchema = z.object({
  tool: z.literal('yusuan'),
  version: z.string(),
  /** Digest of the extraction options: other options, other results. */
  options: z.string(),
  /** Set when the published files (CSVs, json/) reflect exactly these documents: how they were written (BOM or not). */
  published: z.string().nullable(),
  /** `K/N` when the dump holds one shard of the inputs (`--shard`), for merge to see what is missing. */
  shard: z.string().optional(),
  // Ids become file names under json/ and cache/: a manifest from elsewhere (merge) must not name `../x`.
  documents: z.record(
    z.string().refine(isSafeDocumentId, { message: 'not a safe document id (a file name of the dump)' }),
    ManifestEntrySchema,
  ),
});
export type Manifest = z.infer<typeof ManifestSchema>;

export function emptyManifest(version: string, options: string): Manifest {
  return { tool: 'yusuan', version, options, published: null, documents: {} };
}

/** A manifest from disk, or an empty one when it is missing, unreadable or from another version. */
export function parseManifest(text: string | undefined, version: string, options: string): Manifest {
  if (text === undefined) return emptyManifest(version, options);
  try {
    const parsed = ManifestSchema.safeParse(JSON.parse(text));
    if (!parsed.success) return emptyManifest(version, options);
    if (parsed.data.version !== version || parsed.data.options !== options)
      return emptyManifest(version, options);
    return parsed.data;
  } catch {
    return emptyManifest(version, options);
  }
}

export function serializeManifest(manifest: Manifest): string {
  const documents = Object.fromEntries(
    Object.keys(manifest.documents)
      .sort()
      .map((id) => [id, manifest.documents[id]]),
  );
  return `${JSON.stringify({ ...manifest, documents }, null, 2)}\n`;
}

export interface HashedInput {
  readonly documentId: string;
  readonly path: string;
  readonly sha256: string;
}

export interface RunPlan {
  /** Not in the manifest (or --force): extract. */
  readonly added: HashedInput[];
  /** In the manifest with another hash or source path: extract again. */
  readonly changed: HashedInput[];
  readonly unchanged: HashedInput[];
  /** In the manifest, no longer among the inputs: drop from the dump. */
  readonly removed: string[];
}

export function planRun(inputs: readonly HashedInput[], manifest: Manifest, force = false): RunPlan {
  const plan: RunPlan = { added: [], changed: [], unchanged: [], removed: [] };
  const present = new Set<string>();
  for (const input of inputs) {
    present.add(input.documentId);
    const entry = manifest.documents[input.documentId];
    if (!entry) plan.added.push(input);
    else if (force || entry.sha256 !== input.sha256 || entry.source_file !== input.path)
      plan.changed.push(input);
    else plan.unchanged.push(input);
  }
  for (const id of Object.keys(manifest.documents).sort()) if (!present.has(id)) plan.removed.push(id);
  return plan;
}
