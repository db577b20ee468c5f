import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';

/** Hand-verified gold files (`test/gold/<document_id>.<part>.csv`). */

export type GoldRow = Readonly<Record<string, string>>;

export interface Gold {
  readonly documentId: string;
  readonly tables: readonly GoldRow[] | undefined;
  readonly lineItems: readonly GoldRow[] | undefined;
  readonly indicators: readonly GoldRow[] | undefined;
}

export function readCsv(path: string): GoldRow[] {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(path, 'utf8').replace(/^\ufeff/, ''), {
    header: true,
    skipEmptyLines: true,
  });
  if (parsed.errors.length > 0) {
    const e = parsed.errors[0]!;
    throw new Error(`${path}: row ${e.row ?? '?'}: ${e.message}`);
  }
  return parsed.data;
}

function optional(path: string): GoldRow[] | undefined {
  return existsSync(path) ? readCsv(path) : undefined;
}

export function loadGold(goldDir: string, documentId: string): Gold {
  return {
    documentId,
    tables: optional(join(goldDir, `${documentId}.tables.csv`)),
    lineItems: optional(join(goldDir, `${documentId}.line_items.csv`)),
    indicators: optional(join(goldDir, `${documentId}.indicators.csv`)),
  };
}
