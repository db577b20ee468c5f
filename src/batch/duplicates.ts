import type { HashedInput, Manifest } from './manifest.ts';

/**
 * Byte-identical inputs (the same report crawled from two addresses) are extracted once; the
 * others are listed in documents.csv with `duplicate_of`, so no amount is counted twice.
 */

export interface DuplicateInput extends HashedInput {
  readonly duplicateOf: string;
}

export interface SplitInputs {
  readonly unique: HashedInput[];
  readonly duplicates: DuplicateInput[];
}

/**
 * One input per content hash is kept: the one the manifest already holds as extracted (so adding a
 * copy never moves the data to another id), else the first by document id.
 */
export function splitDuplicates(inputs: readonly HashedInput[], manifest?: Manifest): SplitInputs {
  const extracted = (i: HashedInput) => {
    const entry = manifest?.documents[i.documentId];
    return entry !== undefined && entry.duplicate_of === undefined && entry.sha256 === i.sha256;
  };
  const keeper = new Map<string, HashedInput>();
  const sorted = [...inputs].sort((a, b) => (a.documentId < b.documentId ? -1 : 1));
  for (const input of sorted) {
    const current = keeper.get(input.sha256);
    if (!current || (extracted(input) && !extracted(current))) keeper.set(input.sha256, input);
  }
  const unique: HashedInput[] = [];
  const duplicates: DuplicateInput[] = [];
  for (const input of inputs) {
    const kept = keeper.get(input.sha256)!;
    // '' is an unreadable file: not a copy of another one.
    if (kept === input || input.sha256 === '') unique.push(input);
    else duplicates.push({ ...input, duplicateOf: kept.documentId });
  }
  return { unique, duplicates };
}

/** The manifest without its duplicate entries: what the run plan compares the unique inputs with. */
export function withoutDuplicates(manifest: Manifest): Manifest {
  const documents = Object.fromEntries(
    Object.entries(manifest.documents).filter(([, e]) => e.duplicate_of === undefined),
  );
  return { ...manifest, documents };
}

/** True when the duplicates found now are the ones the manifest lists. */
export function sameDuplicates(manifest: Manifest, duplicates: readonly DuplicateInput[]): boolean {
  const listed = Object.entries(manifest.documents).filter(([, e]) => e.duplicate_of !== undefined);
  if (listed.length !== duplicates.length) return false;
  return duplicates.every((d) => {
    const entry = manifest.documents[d.documentId];
    return entry?.duplicate_of === d.duplicateOf && entry.source_file === d.path && entry.sha256 === d.sha256;
  });
}
