/**
 * npm run eval:ocr — accuracy of OCR extraction on the scanned fixtures (test/fixtures/scan), per
 * seed, before and after check-guided repair, against the seeds' hand-verified gold.
 *
 * Label-exact F1 first: a line item counts when kind, row, codes, column, value and unit all match
 * a gold item (the key of `npm run eval`, place ignored). "wrong" counts the items read in a gold
 * item's cell with another value (misread numbers). Amount-level P/R second: kind, value and unit
 * only, so a right amount under a misread label still counts. A repaired value is wrong when the
 * gold has no such amount in that table kind. Exits 1 below the targets: amount-level P and R
 * ≥ 0.99 (clean 300 dpi), ≥ 0.97 (degraded), and no wrong repair.
 *
 *   npm run eval:ocr [-- --set clean|degraded|PATH] [--gold DIR] [--workers N] [--verbose] [--cache DIR]
 *                      [--engine tesseract|paddle]
 *
 * The held-out scans (layouts no OCR rule was written against):
 *   npm run eval:ocr -- --set test/fixtures/scan/heldout --gold test/gold/layouts
 *
 * --cache DIR keeps the engine's answer per page image and per re-read crop (keyed by the image's
 * sha256, the kind of reading and the engine, tesseract's files keeping their old names), so work
 * on what happens after recognition is measured in seconds; a change to the image itself misses it.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import type { LineItem } from '../schemas/lineItem.ts';
import { defaultGoldId } from '../src/eval/evaluate.ts';
import { loadGold } from '../src/eval/gold.ts';
import {
  f1,
  lineItemKey,
  type Mismatch,
  matchKeys,
  normalizeText,
  precision,
  recall,
  type Score,
  wrongValues,
} from '../src/eval/score.ts';
import { parseAmount } from '../src/normalize/amount.ts';
import { extractDocument } from '../src/pipeline/extractDocument.ts';
import { documentIdOf } from '../src/pipeline/findInputs.ts';
import {
  DEFAULT_OCR_ENGINE,
  isOcrEngineName,
  OCR_ENGINES,
  type OcrEngine,
  type OcrLine,
  sharedOcrEngine,
  shutdownOcr,
} from '../src/readers/ocr/engine.ts';
import { type GreyImage, toPng } from '../src/readers/ocr/raster.ts';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const { values } = parseArgs({
  options: {
    set: { type: 'string', multiple: true, default: ['clean', 'degraded'] },
    workers: { type: 'string' },
    verbose: { type: 'boolean', default: false },
    cache: { type: 'string' },
    gold: { type: 'string', default: 'test/gold' },
    engine: { type: 'string', default: DEFAULT_OCR_ENGINE },
  },
});
const ocrEngine = values.engine;
if (!isOcrEngineName(ocrEngine)) throw new Error(`--engine takes ${OCR_ENGINES.join(' or ')}`);
const TARGET: Record<string, number> = { clean: 0.99, degraded: 0.97 };
const GOLD = values.gold;
const LOW_CONFIDENCE = 70;

const amountKey = (r: Readonly<Record<string, unknown>>) =>
  [String(r.table_kind ?? ''), String(r.value ?? ''), String(r.unit ?? '')].join(' | ');

/** The items as OCR read them: repaired values back to the text read. */
function asRead(items: readonly LineItem[]): LineItem[] {
  return items.flatMap((it) => {
    if (it.status !== 'repaired') return [it];
    const read = parseAmount(it.original_text);
    return read.kind === 'amount' ? [{ ...it, value: read.value }] : [];
  });
}

const fmt = (s: Score) => `P ${precision(s).toFixed(3)} R ${recall(s).toFixed(3)}`;
let failed = false;
const workers = values.workers === undefined ? undefined : Number(values.workers);

if (values.cache !== undefined) {
  const dir = values.cache;
  mkdirSync(dir, { recursive: true });
  const engine = (await sharedOcrEngine(workers, ocrEngine)) as Mutable<OcrEngine>;
  const prefix = ocrEngine === 'tesseract' ? '' : ocrEngine;
  /** The file one reading is kept in, keyed by the image as PNG (as when engines were given PNG). */
  const fileOf = (kind: string, image: GreyImage) => {
    const hash = createHash('sha256').update(toPng(image)).digest('hex');
    return join(dir, `${[prefix, kind, hash].filter(Boolean).join('-')}.json`);
  };
  const cached = async (file: string, read: () => Promise<OcrLine[]>): Promise<OcrLine[]> => {
    if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as OcrLine[];
    const lines = await read();
    writeFileSync(file, JSON.stringify(lines));
    return lines;
  };
  // The pipeline asks the same shared engine, so wrapping its two methods is enough. File names are
  // those of the methods before (a page: the hash alone; a word: `zh`), so a filled cache stays good.
  const page = engine.recognizePage.bind(engine);
  const crop = engine.recognizeCrop.bind(engine);
  engine.recognizePage = (image) => cached(fileOf('', image), () => page(image));
  engine.recognizeCrop = (image, layout) =>
    cached(fileOf(layout === 'word' ? 'zh' : `cell-${layout}`, image), () => crop(image, layout));
}

const exactKey = (r: Readonly<Record<string, unknown>>) => lineItemKey(r, 'none');
const exactText = (s: Score & Mismatch) => `${f1(s).toFixed(3)} ${String(wrongValues(s)).padStart(5)}`;

for (const set of values.set) {
  // A name is one of the committed sets; a path is any folder of scanned PDFs named like the seeds.
  const dir = set.includes('/') ? set : join('test/fixtures/scan', set);
  console.log(`\n${set} (${dir}, ${ocrEngine}) — amount-level target P, R ≥ ${TARGET[set] ?? 0.97}\n`);
  console.log(
    `${'seed'.padEnd(22)} ${'pages'.padStart(5)} ${'items'.padStart(5)}  exact F1 wrong  ${'amounts as read'.padEnd(18)} ${'after repair'.padEnd(18)} repaired wrong  low-conf  s/page`,
  );
  const totals = { before: [] as string[], after: [] as string[], gold: [] as string[] };
  const exactTotals = { gold: [] as string[], read: [] as string[] };
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.pdf'))
    .sort()) {
    const path = join(dir, file);
    const id = documentIdOf(path);
    const started = performance.now();
    const doc = await extractDocument(
      new Uint8Array(readFileSync(path)),
      { documentId: id, sourceFile: path },
      { ocr: 'auto', ocrEngine, ...(workers ? { ocrWorkers: workers } : {}) },
    );
    const seconds = (performance.now() - started) / 1000;
    // A scan is named after its source and the scan's dpi (wuhan-tab-scan200): the source's gold.
    const source = id.replace(/-scan\d+$/, '');
    const goldId = existsSync(join(GOLD, `${source}.line_items.csv`)) ? source : defaultGoldId(GOLD, id);
    const gold = loadGold(GOLD, goldId).lineItems ?? [];
    const goldKeys = gold.map(amountKey);
    const before = matchKeys(goldKeys, asRead(doc.line_items).map(amountKey));
    const after = matchKeys(goldKeys, doc.line_items.map(amountKey));
    const repaired = doc.line_items.filter((it) => it.status === 'repaired');
    const goldAmounts = new Set(goldKeys);
    const wrong = repaired.filter((it) => !goldAmounts.has(amountKey(it)));
    const exact = matchKeys(gold.map(exactKey), doc.line_items.map(exactKey));
    exactTotals.gold.push(...gold.map(exactKey));
    exactTotals.read.push(...doc.line_items.map(exactKey));
    const low = doc.line_items.filter((it) => (it.confidence ?? 100) < LOW_CONFIDENCE).length;
    const pages = Math.max(
      1,
      ...doc.line_items.map((it) => it.page ?? 1),
      ...doc.tables.map((t) => t.page_end ?? 1),
    );
    console.log(
      `${basename(file, '.pdf').slice(0, 22).padEnd(22)} ${String(pages).padStart(5)} ${String(doc.line_items.length).padStart(5)}  ${exactText(exact).padStart(14)}  ${fmt(before).padEnd(18)} ${fmt(after).padEnd(18)} ${String(repaired.length).padStart(8)} ${String(wrong.length).padStart(5)}  ${String(low).padStart(8)}  ${(seconds / pages).toFixed(1).padStart(6)}`,
    );
    totals.before.push(...asRead(doc.line_items).map(amountKey));
    totals.after.push(...doc.line_items.map(amountKey));
    totals.gold.push(...goldKeys);
    const target = TARGET[set] ?? 0.97;
    if (precision(after) < target || recall(after) < target || wrong.length > 0) failed = true;
    if (values.verbose) {
      for (const k of exact.missing) console.log(`    missing:    ${k}`);
      for (const k of exact.unexpected) console.log(`    unexpected: ${k}`);
      for (const it of repaired)
        console.log(
          `    repaired:   ${it.table_title} / ${normalizeText(it.row_label)} / ${it.column_label}: ${it.original_text} → ${it.value}`,
        );
      if (doc.status !== 'ok') console.log(`    status ${doc.status}: ${doc.message}`);
    }
  }
  const b = matchKeys(totals.gold, totals.before);
  const a = matchKeys(totals.gold, totals.after);
  const e = matchKeys(exactTotals.gold, exactTotals.read);
  console.log(
    `${'all'.padEnd(22)} ${''.padStart(5)} ${''.padStart(5)}  ${exactText(e).padStart(14)}  ${fmt(b).padEnd(18)} ${fmt(a).padEnd(18)}`,
  );
}
await shutdownOcr();
if (failed) {
  console.log('\nbelow target (or a wrong repair): see the rows above');
  process.exitCode = 1;
}
