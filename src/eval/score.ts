/**
 * Precision / recall / F1 of extracted records against gold, by multiset matching on a key of
 * normalised fields. Normalisation forgives only presentation (whitespace, half/full-width forms,
 * a trailing colon), never content.
 */

export interface Score {
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly falseNegatives: number;
}

export interface Mismatch {
  readonly missing: readonly string[];
  readonly unexpected: readonly string[];
}

export function normalizeText(text: string | undefined): string {
  return (text ?? '')
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[:：]+(?=\/|$)/g, '')
    .replace(/[“”"]/g, '"');
}

export function precision(s: Score): number {
  const d = s.truePositives + s.falsePositives;
  return d === 0 ? 1 : s.truePositives / d;
}

export function recall(s: Score): number {
  const d = s.truePositives + s.falseNegatives;
  return d === 0 ? 1 : s.truePositives / d;
}

export function f1(s: Score): number {
  const p = precision(s);
  const r = recall(s);
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

export function addScores(a: Score, b: Score): Score {
  return {
    truePositives: a.truePositives + b.truePositives,
    falsePositives: a.falsePositives + b.falsePositives,
    falseNegatives: a.falseNegatives + b.falseNegatives,
  };
}

export const ZERO: Score = { truePositives: 0, falsePositives: 0, falseNegatives: 0 };

export function matchKeys(gold: readonly string[], extracted: readonly string[]): Score & Mismatch {
  const pool = new Map<string, number>();
  for (const k of gold) pool.set(k, (pool.get(k) ?? 0) + 1);
  const unexpected: string[] = [];
  let truePositives = 0;
  for (const k of extracted) {
    const n = pool.get(k) ?? 0;
    if (n > 0) {
      pool.set(k, n - 1);
      truePositives++;
    } else {
      unexpected.push(k);
    }
  }
  const missing: string[] = [];
  for (const [k, n] of pool) for (let i = 0; i < n; i++) missing.push(k);
  return {
    truePositives,
    falsePositives: unexpected.length,
    falseNegatives: missing.length,
    missing,
    unexpected,
  };
}

type Row = Readonly<Record<string, unknown>>;

const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));

/** A line item is right when kind, labels, codes, value, unit and place all match. */
export type Place = 'line' | 'page' | 'none';

export function lineItemKey(r: Row, place: Place = 'line'): string {
  return [
    str(r.table_kind),
    normalizeText(str(r.row_label)),
    str(r.subject_code),
    str(r.economic_code),
    normalizeText(str(r.column_label)),
    str(r.value),
    str(r.unit),
    place === 'none' ? '' : str(r[place]),
  ].join(' | ');
}

/**
 * Of the extracted line items that match no gold item label-exactly, how many sit in a gold item's
 * cell (same kind, labels, codes, column and unit) with another value: misread numbers, counted
 * apart from items that are missing or misplaced. Keys are lineItemKey's, whose normalised fields
 * hold no spaces, so ' | ' splits them.
 */
export function wrongValues(mismatch: Mismatch): number {
  const cell = (key: string) => {
    const fields = key.split(' | ');
    fields[5] = '';
    return fields.join(' | ');
  };
  return matchKeys(mismatch.missing.map(cell), mismatch.unexpected.map(cell)).truePositives;
}

export function indicatorKey(r: Row, place: Place = 'line'): string {
  return [
    str(r.table_kind),
    normalizeText(str(r.project_name)),
    str(r.project_code),
    normalizeText(str(r.level1)),
    normalizeText(str(r.level2)),
    normalizeText(str(r.indicator)),
    str(r.operator),
    str(r.target_value),
    normalizeText(str(r.target_unit)),
    normalizeText(str(r.target_text)),
    place === 'none' ? '' : str(r[place]),
  ].join(' | ');
}

export function tableKey(r: Row): string {
  return [str(r.table_kind), normalizeText(str(r.table_title)), str(r.line_start)].join(' | ');
}

/** Scores grouped by a field (table kind), plus the total. */
export function scoreBy(
  gold: readonly Row[],
  extracted: readonly Row[],
  key: (r: Row) => string,
  group: (r: Row) => string,
): { total: Score & Mismatch; groups: Map<string, Score> } {
  const total = matchKeys(gold.map(key), extracted.map(key));
  const groups = new Map<string, Score>();
  const names = new Set([...gold.map(group), ...extracted.map(group)]);
  for (const name of [...names].sort()) {
    groups.set(
      name,
      matchKeys(
        gold.filter((r) => group(r) === name).map(key),
        extracted.filter((r) => group(r) === name).map(key),
      ),
    );
  }
  return { total, groups };
}
