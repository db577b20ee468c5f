import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { CanonicalDocument } from '../../schemas/document.ts';
import {
  type CompanionKey,
  checkedAgainstReport,
  companionKeyOf,
  pairNarratives,
} from '../checks/companionProse.ts';
import { writeFileAtomic } from '../writers/atomicWrite.ts';
import { documentJson } from '../writers/writeDump.ts';
import type { PublishEntry } from './publish.ts';

/**
 * Narratives checked against their reports (companionProse.ts). The cached extraction of each file
 * stays what that file alone gives; the paired narrative is written beside it, under `paired/`,
 * and published instead, so a change to either file re-pairs them on the next run.
 */
export async function withCompanionEntries(
  cacheDir: string,
  entries: readonly PublishEntry[],
): Promise<PublishEntry[]> {
  const pairedDir = join(cacheDir, 'paired');
  await rm(pairedDir, { recursive: true, force: true });
  const read = async (path: string) => JSON.parse(await readFile(path, 'utf8')) as CanonicalDocument;
  // One document in memory at a time: only the keys are kept.
  const keys: CompanionKey[] = [];
  for (const entry of entries) keys.push(companionKeyOf(await read(entry.jsonPath)));
  const pairs = pairNarratives(keys);
  if (pairs.size === 0) return [...entries];
  const pathOf = new Map(entries.map((e) => [e.documentId, e.jsonPath]));
  const out: PublishEntry[] = [];
  for (const entry of entries) {
    const report = pairs.get(entry.documentId);
    if (!report) {
      out.push(entry);
      continue;
    }
    const paired = checkedAgainstReport(await read(entry.jsonPath), await read(pathOf.get(report)!));
    const jsonPath = join(pairedDir, `${entry.documentId}.json`);
    await writeFileAtomic(jsonPath, documentJson(paired));
    out.push({ documentId: entry.documentId, jsonPath });
  }
  return out;
}
