import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CanonicalDocument } from '../../schemas/document.ts';
import { type ExtractOptions, extractDocument } from '../pipeline/extractDocument.ts';
import type { InputFile } from '../pipeline/findInputs.ts';
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
  const kind = (r: Readonly<Record<string, unknown>>) => String(r.table_kind ?? '');
  const items = scoreBy(gold.lineItems, doc.line_items, (r) => lineItemKey(r, place), kind);
  const indicators = gold.indicators
    ? scoreBy(gold.indicators, doc.indicators, (r) => indicatorKey(r, place), kind)
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
  for (const input of inputs) {
    const bytes = await readFile(input.path);
    const doc = await extractDocument(
      bytes,
      { documentId: input.documentId, sourceFile: input.path },
      options,
    );
    const evaluation = evaluateDocument(doc, options);
    if (evaluation) out.push(evaluation);
  }
  return out;
}

export interface Baseline {
  readonly [documentId: string]: { readonly line_items_f1: number; readonly indicators_f1?: number };
}

/** Documents whose F1 dropped below the committed baseline. */
export function regressions(evaluations: readonly DocumentEvaluation[], baseline: Baseline): string[] {
  const out: string[] = [];
  const epsilon = 1e-9;
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
    if (!evaluations.some((e) => e.documentId === id))
      out.push(`${id}: in the baseline but not evaluated (input or gold missing)`);
  }
  return out;
}
