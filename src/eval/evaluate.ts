import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CanonicalDocument } from '../../schemas/document.ts';
import { type ExtractOptions, extractDocument } from '../pipeline/extractDocument.ts';
import { documentIdOf, type InputFile } from '../pipeline/findInputs.ts';
import { loadGold } from './gold.ts';
import {
  f1,
  indicatorKey,
  lineItemKey,
  type Mismatch,
  type Place,
  type Score,
  scoreBy,
  tableKey,
} from './score.ts';

/** Extracts each input that has gold and scores it: line items, indicators, tables, by table kind. */

export interface DocumentEvaluation {
  readonly documentId: string;
  readonly lineItems: Score & Mismatch;
  readonly indicators: (Score & Mismatch) | undefined;
  readonly tables: (Score & Mismatch) | undefined;
  readonly lineItemsByKind: Map<string, Score>;
  readonly indicatorsByKind: Map<string, Score>;
}

export interface EvaluateOptions extends ExtractOptions {
  readonly goldDir: string;
  /** Which provenance must match: `line` for text inputs, `page` for PDF/OCR inputs. */
  readonly place?: Place;
  /** The gold of another document id (a PDF made from a seed is scored against the seed's gold). */
  readonly goldIdOf?: (documentId: string) => string;
  /**
   * `document`: every extracted record is scored. `gold-tables`: only records of the tables the
   * gold covers (same kind, on the gold's pages) — for real files where one table was verified.
   */
  readonly scope?: 'document' | 'gold-tables';
}

type Row = Readonly<Record<string, unknown>>;

/** Extracted records restricted to the tables the gold covers: same table kind, same page. */
export function withinGoldTables<T extends Row>(gold: readonly Row[], extracted: readonly T[]): T[] {
  const covered = new Set(gold.map((r) => `${String(r.table_kind)}@${String(r.page)}`));
  return extracted.filter((r) => covered.has(`${String(r.table_kind)}@${String(r.page)}`));
}

/**
 * A fixture made from a seed (`004_…-stsong.pdf`) is scored against that seed's gold: the id up to
 * the first `-` names the seed.
 */
export function defaultGoldId(goldDir: string, documentId: string): string {
  if (existsSync(join(goldDir, `${documentId}.line_items.csv`))) return documentId;
  return documentId.split('-')[0] ?? documentId;
}

export function evaluateDocument(
  doc: CanonicalDocument,
  options: EvaluateOptions,
): DocumentEvaluation | undefined {
  const goldId = options.goldIdOf?.(doc.document_id) ?? defaultGoldId(options.goldDir, doc.document_id);
  const gold = loadGold(options.goldDir, goldId);
  if (!gold.lineItems) return undefined;
  const place = options.place ?? 'line';
  const kind = (r: Row) => String(r.table_kind ?? '');
  const scoped = options.scope === 'gold-tables';
  const lineItems = scoped ? withinGoldTables(gold.lineItems, doc.line_items) : doc.line_items;
  const items = scoreBy(gold.lineItems, lineItems, (r) => lineItemKey(r, place), kind);
  const goldIndicators = gold.indicators;
  const indicators = goldIndicators
    ? scoreBy(
        goldIndicators,
        scoped ? withinGoldTables(goldIndicators, doc.indicators) : doc.indicators,
        (r) => indicatorKey(r, place),
        kind,
      )
    : undefined;
  const tables =
    gold.tables && place === 'line' ? scoreBy(gold.tables, doc.tables, tableKey, kind).total : undefined;
  return {
    documentId: doc.document_id,
    lineItems: items.total,
    indicators: indicators?.total,
    tables,
    lineItemsByKind: items.groups,
    indicatorsByKind: indicators?.groups ?? new Map(),
  };
}

export async function evaluateInputs(
  inputs: readonly InputFile[],
  options: EvaluateOptions,
): Promise<DocumentEvaluation[]> {
  const out: DocumentEvaluation[] = [];
  // Gold and the baseline are keyed by file name (the batch's ids carry the folders too); a name
  // two files share names neither.
  const names = inputs.map((i) => documentIdOf(i.path));
  for (const [i, input] of inputs.entries()) {
    const documentId = names[i]!;
    if (names.indexOf(documentId) !== names.lastIndexOf(documentId)) continue;
    // Extraction is the expensive part: only documents with gold are extracted.
    const goldId = options.goldIdOf?.(documentId) ?? defaultGoldId(options.goldDir, documentId);
    if (!existsSync(join(options.goldDir, `${goldId}.line_items.csv`))) continue;
    const bytes = await readFile(input.path);
    const doc = await extractDocument(bytes, { documentId, sourceFile: input.path }, options);
    const evaluation = evaluateDocument(doc, options);
    if (evaluation) out.push(evaluation);
  }
  return out;
}

export interface Baseline {
  readonly [documentId: string]: { readonly line_items_f1: number; readonly indicators_f1?: number };
}

/**
 * Documents whose F1 dropped below the committed baseline. Baseline entries outside `evaluated`
 * (e.g. real files whose folder is absent on this machine) are not expected.
 */
export function regressions(
  evaluations: readonly DocumentEvaluation[],
  baseline: Baseline,
  evaluated: (documentId: string) => boolean = () => true,
): string[] {
  const out: string[] = [];
  // The baseline stores F1 to 4 decimals: compare at that precision (0.92857 is not below 0.9286).
  const epsilon = 5e-5;
  for (const e of evaluations) {
    const base = baseline[e.documentId];
    if (!base) continue;
    const items = f1(e.lineItems);
    if (items + epsilon < base.line_items_f1) {
      out.push(
        `${e.documentId}: line items F1 ${items.toFixed(4)} < baseline ${base.line_items_f1.toFixed(4)}`,
      );
    }
    if (base.indicators_f1 !== undefined && e.indicators) {
      const ind = f1(e.indicators);
      if (ind + epsilon < base.indicators_f1) {
        out.push(
          `${e.documentId}: indicators F1 ${ind.toFixed(4)} < baseline ${base.indicators_f1.toFixed(4)}`,
        );
      }
    }
  }
  for (const id of Object.keys(baseline)) {
    if (evaluated(id) && !evaluations.some((e) => e.documentId === id))
      out.push(`${id}: in the baseline but not evaluated (input or gold missing)`);
  }
  return out;
}
