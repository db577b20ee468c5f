import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import PQueue from 'p-queue';
import { VERDICTS, type Verdict } from '../checks/verdict.ts';
import { type ExtractOptions, failedDocument } from '../pipeline/extractDocument.ts';
import { findInputs, type InputFile } from '../pipeline/findInputs.ts';
import { hashFile } from '../readers/hashFile.ts';
import { DEFAULT_OCR_CONCURRENCY } from '../readers/ocr/ocrGate.ts';
import { DEFAULT_MAX_FILE_BYTES, type InputLimits } from '../readers/readInputFile.ts';
import { DEFAULT_MAX_TEXT_BYTES } from '../readers/readSource.ts';
import { writeFileAtomic } from '../writers/atomicWrite.ts';
import { CSV_RESOURCES } from '../writers/datapackage.ts';
import { documentJson } from '../writers/writeDump.ts';
import { withCompanionEntries } from './companionEntries.ts';
import { sameDuplicates, splitDuplicates, withoutDuplicates } from './duplicates.ts';
import { missingInputs, STATE_DIR, shardClash } from './guard.ts';
import { type HashedInput, type Manifest, parseManifest, planRun, serializeManifest } from './manifest.ts';
import { ocrWorkersPerFile } from './ocrShare.ts';
import { publishDumpAndDatabase } from './publish.ts';
import { inShard, type Shard } from './shard.ts';
import { type DocumentSummary, summarize } from './summary.ts';
import { ExtractPool, type RecyclePolicy } from './workerPool.ts';

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
  /** When a worker thread is replaced by a fresh one (default: the pool's). */
  readonly recycle?: RecyclePolicy;
  /** Pages read by OCR at once over the run (default DEFAULT_OCR_CONCURRENCY). */
  readonly ocrConcurrency?: number;
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
  /** Verdicts over the whole published dump (not only what this run re-did), for `--strict`. */
  readonly verdicts: Readonly<Record<Verdict, number>>;
  /** Set when the run refused to touch the dump (missing input path, another shard's folder). */
  readonly refused?: string;
}

export { STATE_DIR } from './guard.ts';

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

export async function hashInputs(inputs: readonly InputFile[]): Promise<HashedInput[]> {
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

export function verdictCounts(
  entries: readonly { verdict?: Verdict | undefined }[],
): Record<Verdict, number> {
  const counts = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
  for (const e of entries) if (e.verdict) counts[e.verdict] += 1;
  return counts;
}

function refusedSummary(refused: string): BatchSummary {
  return {
    ...{ inputs: 0, added: 0, changed: 0, unchanged: 0, removed: 0, failed: 0, problems: [] },
    published: false,
    seconds: 0,
    peak_rss_mib: Math.round(process.resourceUsage().maxRSS / 1024),
    extracted: [],
    verdicts: verdictCounts([]),
    refused,
  };
}

export async function runBatch(paths: readonly string[], options: BatchOptions): Promise<BatchSummary> {
  const started = performance.now();
  const shardText = options.shard ? `${options.shard.index}/${options.shard.count}` : '';
  const refused = missingInputs(paths) ?? (await shardClash(options.outDir, shardText));
  if (refused) return refusedSummary(refused);
  const stateDir = join(options.outDir, STATE_DIR);
  const cacheDir = join(stateDir, 'cache');
  const manifestPath = join(stateDir, 'manifest.json');
  const found = await findInputs(paths);
  // An empty folder (an unmounted disk) would publish an empty dump: every document "removed".
  if (found.inputs.length === 0) return refusedSummary(`no input files found in ${paths.join(', ')}`);
  const inputs = found.inputs.filter((i) => inShard(i.documentId, options.shard));
  const hashed = await hashInputs(inputs);
  const digest = optionsDigest(options.extract, options.limits);
  const previousText = await readFile(manifestPath, 'utf8').catch(() => undefined);
  const manifest: Manifest = parseManifest(previousText, options.version, digest);
  const { unique, duplicates } = splitDuplicates(hashed, manifest);
  const duplicatesSame = sameDuplicates(manifest, duplicates);
  const plan = planRun(unique, withoutDuplicates(manifest), options.force);
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
    verdicts: verdictCounts(Object.values(manifest.documents)),
  });

  const publishedAs = options.bom ? 'csv+bom' : 'csv';
  if (
    toExtract.length === 0 &&
    plan.removed.length === 0 &&
    duplicatesSame &&
    manifest.shard === (shardText || undefined) &&
    manifest.published === publishedAs &&
    dumpIsComplete(options.outDir, options.sqlite)
  )
    return summaryOf(false, []);

  const saveManifest = () => writeFileAtomic(manifestPath, serializeManifest(manifest));
  manifest.published = null;
  if (shardText) manifest.shard = shardText;
  else delete manifest.shard;
  for (const [id, entry] of Object.entries(manifest.documents))
    if (entry.duplicate_of !== undefined) delete manifest.documents[id];
  for (const id of plan.removed) {
    delete manifest.documents[id];
    await rm(join(cacheDir, `${id}.json`), { force: true });
  }
  await saveManifest();

  const extracted: DocumentSummary[] = [];
  if (toExtract.length > 0) {
    const size = Math.max(1, Math.min(options.concurrency ?? availableParallelism(), toExtract.length));
    const ocrConcurrency = options.ocrConcurrency ?? DEFAULT_OCR_CONCURRENCY;
    const ocrWorkers = ocrWorkersPerFile(
      availableParallelism(),
      size,
      ocrConcurrency,
      options.extract.ocrEngine,
    );
    const pool = new ExtractPool({
      size,
      ocrConcurrency,
      timeoutMs: options.timeoutMs ?? 300_000,
      memoryMb: options.memoryMb ?? 4096,
      ...(options.ocrPageMs !== undefined ? { ocrPageMs: options.ocrPageMs } : {}),
      ...(options.recycle !== undefined ? { recycle: options.recycle } : {}),
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
            const extract = { ocrWorkers, ...options.extract };
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
  for (const d of duplicates) {
    manifest.documents[d.documentId] = {
      source_file: d.path,
      sha256: d.sha256,
      status: manifest.documents[d.duplicateOf]!.status,
      duplicate_of: d.duplicateOf,
    };
    const jsonPath = entries.find((e) => e.documentId === d.duplicateOf)!.jsonPath;
    entries.push({
      documentId: d.documentId,
      jsonPath,
      duplicate: { of: d.duplicateOf, sourceFile: d.path },
    });
  }
  const rows = await publishDumpAndDatabase(options.outDir, entries, options);
  for (const row of rows) manifest.documents[row.document_id]!.verdict = row.verdict;
  manifest.published = publishedAs;
  await saveManifest();
  extracted.sort((a, b) => (a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : 0));
  return summaryOf(true, extracted);
}
