import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import PQueue from 'p-queue';
import type { CanonicalDocument } from '../../schemas/document.ts';
import {
  type CompanionKey,
  checkedAgainstReport,
  companionKeyOf,
  pairNarratives,
} from '../checks/companionProse.ts';
import { type ExtractOptions, failedDocument } from '../pipeline/extractDocument.ts';
import { findInputs, type InputFile } from '../pipeline/findInputs.ts';
import { hashFile } from '../readers/hashFile.ts';
import { DEFAULT_MAX_FILE_BYTES, type InputLimits } from '../readers/readInputFile.ts';
import { DEFAULT_MAX_TEXT_BYTES } from '../readers/readSource.ts';
import { writeFileAtomic } from '../writers/atomicWrite.ts';
import { CSV_RESOURCES } from '../writers/datapackage.ts';
import { documentJson } from '../writers/writeDump.ts';
import { type HashedInput, type Manifest, parseManifest, planRun, serializeManifest } from './manifest.ts';
import { type PublishEntry, publishDumpAndDatabase } from './publish.ts';
import { inShard, type Shard } from './shard.ts';
import { type DocumentSummary, summarize } from './summary.ts';
import { ExtractPool } from './workerPool.ts';

/**
 * `yusuan run`: a folder that grows every year, re-run after every crawl and every upgrade.
 * Only new and changed files are extracted (the manifest keys each document by content hash,
 * yusuan version and options); extraction runs on a pool of worker threads; results go to a
 * cache and are published together at the end, so a killed run leaves the previous dump as it
 * was and the next run picks up what the killed one finished.
 */

export interface BatchOptions {
  readonly outDir: string;
  readonly version: string;
  readonly extract: ExtractOptions;
  readonly limits?: InputLimits;
  readonly concurrency?: number;
  readonly timeoutMs?: number;
  /** Added to a file's time limit per page sent to OCR (default: the pool's). */
  readonly ocrPageMs?: number;
  readonly memoryMb?: number;
  readonly force?: boolean;
  readonly shard?: Shard;
  readonly bom?: boolean;
  readonly sqlite?: string;
  readonly onStart?: (plan: { toExtract: number; unchanged: number; removed: number }) => void;
  readonly onDocument?: (summary: DocumentSummary, done: number, total: number) => void;
  /** A page of a file went to OCR. */
  readonly onOcrPage?: (file: string, page: number, pages: number) => void;
}

export interface BatchSummary {
  readonly inputs: number;
  readonly added: number;
  readonly changed: number;
  readonly unchanged: number;
  readonly removed: number;
  readonly failed: number;
  readonly problems: readonly string[];
  /** False when nothing changed and the published dump was left as it was. */
  readonly published: boolean;
  readonly seconds: number;
  /** Peak resident memory of the process (main and worker threads), MiB. */
  readonly peak_rss_mib: number;
  readonly extracted: readonly DocumentSummary[];
}

export const STATE_DIR = '.yusuan';

export function optionsDigest(options: ExtractOptions, limits: InputLimits = {}): string {
  const relevant = {
    maxFileBytes: limits.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
    maxTextBytes: options.maxTextBytes ?? DEFAULT_MAX_TEXT_BYTES,
    force: options.force ?? null,
    genericOnly: options.genericOnly ?? false,
    ocr: options.ocr ?? 'auto',
    maxPages: options.maxPages ?? null,
    password: options.password ?? null,
    repairOcr: options.repairOcr ?? true,
  };
  return createHash('sha256').update(JSON.stringify(relevant)).digest('hex').slice(0, 16);
}

async function hashInputs(inputs: readonly InputFile[]): Promise<HashedInput[]> {
  const queue = new PQueue({ concurrency: 16 });
  return Promise.all(
    inputs.map((input) => queue.add(async () => ({ ...input, sha256: await hashFile(input.path) }))),
  );
}

function dumpIsComplete(outDir: string, sqlite: string | undefined): boolean {
  return (
    CSV_RESOURCES.every((r) => existsSync(join(outDir, r.path))) &&
    existsSync(join(outDir, 'datapackage.json')) &&
    (sqlite === undefined || existsSync(sqlite))
  );
}

/**
 * Narratives checked against their reports (companionProse.ts). The cached extraction of each file
 * stays what that file alone gives; the paired narrative is written beside it, under `paired/`,
 * and published instead, so a change to either file re-pairs them on the next run.
 */
async function withCompanionEntries(
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

export async function runBatch(paths: readonly string[], options: BatchOptions): Promise<BatchSummary> {
  const started = performance.now();
  const stateDir = join(options.outDir, STATE_DIR);
  const cacheDir = join(stateDir, 'cache');
  const manifestPath = join(stateDir, 'manifest.json');
  const found = await findInputs(paths);
  const inputs = found.inputs.filter((i) => inShard(i.documentId, options.shard));
  const hashed = await hashInputs(inputs);
  const digest = optionsDigest(options.extract, options.limits);
  const previousText = await readFile(manifestPath, 'utf8').catch(() => undefined);
  const manifest: Manifest = parseManifest(previousText, options.version, digest);
  const plan = planRun(hashed, manifest, options.force);
  // A document whose cached extraction is gone is extracted again.
  for (const input of plan.unchanged.filter((i) => !existsSync(join(cacheDir, `${i.documentId}.json`)))) {
    plan.unchanged.splice(plan.unchanged.indexOf(input), 1);
    plan.changed.push(input);
  }
  const toExtract = [...plan.added, ...plan.changed];
  options.onStart?.({
    toExtract: toExtract.length,
    unchanged: plan.unchanged.length,
    removed: plan.removed.length,
  });

  const summaryOf = (published: boolean, extracted: DocumentSummary[]): BatchSummary => ({
    inputs: inputs.length,
    added: plan.added.length,
    changed: plan.changed.length,
    unchanged: plan.unchanged.length,
    removed: plan.removed.length,
    failed: extracted.filter((d) => d.status === 'failed').length,
    problems: found.problems,
    published,
    seconds: (performance.now() - started) / 1000,
    peak_rss_mib: Math.round(process.resourceUsage().maxRSS / 1024),
    extracted,
  });

  const publishedAs = options.bom ? 'csv+bom' : 'csv';
  if (
    toExtract.length === 0 &&
    plan.removed.length === 0 &&
    manifest.published === publishedAs &&
    dumpIsComplete(options.outDir, options.sqlite)
  )
    return summaryOf(false, []);

  const saveManifest = () => writeFileAtomic(manifestPath, serializeManifest(manifest));
  manifest.published = null;
  for (const id of plan.removed) {
    delete manifest.documents[id];
    await rm(join(cacheDir, `${id}.json`), { force: true });
  }
  await saveManifest();

  const extracted: DocumentSummary[] = [];
  if (toExtract.length > 0) {
    const size = Math.max(1, Math.min(options.concurrency ?? availableParallelism(), toExtract.length));
    const pool = new ExtractPool({
      size,
      timeoutMs: options.timeoutMs ?? 300_000,
      memoryMb: options.memoryMb ?? 4096,
      ...(options.ocrPageMs !== undefined ? { ocrPageMs: options.ocrPageMs } : {}),
    });
    const queue = new PQueue({ concurrency: size });
    // The manifest is saved at most once a second: a killed run loses at most that much work.
    let lastSave = 0;
    let saving: Promise<void> = Promise.resolve();
    try {
      await Promise.all(
        toExtract.map((input) =>
          queue.add(async () => {
            const cachePath = join(cacheDir, `${input.documentId}.json`);
            // Threads get at most one OCR worker each: the pool already fills the cores.
            const extract = { ocrWorkers: 1, ...options.extract };
            const answer = await pool.run(
              {
                path: input.path,
                documentId: input.documentId,
                cachePath,
                options: extract,
                limits: options.limits ?? {},
              },
              (p) => options.onOcrPage?.(input.path, p.ocrPage, p.pages),
            );
            let summary: DocumentSummary;
            if (answer.ok) summary = answer.summary;
            else {
              const doc = failedDocument(
                { documentId: input.documentId, sourceFile: input.path },
                input.sha256,
                'unknown',
                [{ severity: 'error', code: 'extraction-stopped', message: answer.message, stage: 'read' }],
              );
              await writeFileAtomic(cachePath, documentJson(doc));
              summary = summarize(doc);
            }
            manifest.documents[input.documentId] = {
              source_file: input.path,
              sha256: input.sha256,
              status: summary.status,
            };
            extracted.push(summary);
            options.onDocument?.(summary, extracted.length, toExtract.length);
            if (performance.now() - lastSave > 1000) {
              lastSave = performance.now();
              saving = saving.then(saveManifest);
            }
          }),
        ),
      );
    } finally {
      await pool.close();
      await saving;
    }
    await saveManifest();
  }

  const entries = await withCompanionEntries(
    cacheDir,
    Object.keys(manifest.documents).map((documentId) => ({
      documentId,
      jsonPath: join(cacheDir, `${documentId}.json`),
    })),
  );
  await publishDumpAndDatabase(options.outDir, entries, options);
  manifest.published = publishedAs;
  await saveManifest();
  extracted.sort((a, b) => (a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : 0));
  return summaryOf(true, extracted);
}
