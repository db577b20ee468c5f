import { compareDecimals, toDecimal } from '../normalize/decimal.ts';

/**
 * What changed between two dumps of the same corpus: how a user regression-tests extraction on
 * their own files, where no gold exists. Pure: it compares rows; reading the CSVs is the caller's.
 */

export type Row = Readonly<Record<string, string>>;

export interface DumpTables {
  readonly documents: readonly Row[];
  readonly lineItems: readonly Row[];
  readonly checks: readonly Row[];
}

export interface AmountChanges {
  readonly changed: number;
  readonly appeared: number;
  readonly vanished: number;
}

export interface AmountChange {
  readonly document_id: string;
  readonly table_kind: string;
  readonly row_label: string;
  readonly column_label: string;
  readonly old: string;
  readonly new: string;
}

export interface DumpDiff {
  readonly added: string[];
  readonly removed: string[];
  readonly verdicts: { document_id: string; old: string; new: string }[];
  /** Per table kind, over the documents present in both dumps. */
  readonly amounts: Record<string, AmountChanges>;
  /** Every changed amount (value differs at the same place); appeared / vanished are counted only. */
  readonly changedAmounts: AmountChange[];
  readonly checks: { document_id: string; check: string; scope: string; old: string; new: string }[];
}

/** Rows keyed by what identifies them; a key repeated within a document gets its occurrence number. */
function keyed(rows: readonly Row[], fields: readonly string[], keep: ReadonlySet<string>): Map<string, Row> {
  const out = new Map<string, Row>();
  const seen = new Map<string, number>();
  for (const row of rows) {
    if (!keep.has(row.document_id ?? '')) continue;
    const base = fields.map((f) => row[f] ?? '').join('\u0000');
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    out.set(`${base}\u0000${n}`, row);
  }
  return out;
}

const AMOUNT_KEY = [
  'document_id',
  'table_kind',
  'table_title',
  'row_label',
  'subject_code',
  'economic_code',
  'column_label',
];
const CHECK_KEY = ['document_id', 'check', 'scope'];

/** Exact decimals compared by value: `4005.30` and `4005.3` are one amount. */
function sameAmount(a: string, b: string): boolean {
  try {
    return compareDecimals(toDecimal(a), toDecimal(b)) === 0;
  } catch {
    return a === b; // a value the dump does not hold as a decimal is compared as printed
  }
}

function diffAmounts(old: readonly Row[], now: readonly Row[], both: ReadonlySet<string>) {
  const a = keyed(old, AMOUNT_KEY, both);
  const b = keyed(now, AMOUNT_KEY, both);
  const amounts: Record<string, { changed: number; appeared: number; vanished: number }> = {};
  const tally = (kind: string) => {
    amounts[kind] ??= { changed: 0, appeared: 0, vanished: 0 };
    return amounts[kind];
  };
  const changedAmounts: AmountChange[] = [];
  for (const [key, row] of a) {
    const other = b.get(key);
    if (!other) tally(row.table_kind ?? '').vanished += 1;
    else if (!sameAmount(row.value ?? '', other.value ?? '')) {
      tally(row.table_kind ?? '').changed += 1;
      changedAmounts.push({
        document_id: row.document_id ?? '',
        table_kind: row.table_kind ?? '',
        row_label: row.row_label ?? '',
        column_label: row.column_label ?? '',
        old: row.value ?? '',
        new: other.value ?? '',
      });
    }
  }
  for (const [key, row] of b) if (!a.has(key)) tally(row.table_kind ?? '').appeared += 1;
  return { amounts, changedAmounts };
}

function diffChecks(old: readonly Row[], now: readonly Row[], both: ReadonlySet<string>): DumpDiff['checks'] {
  const a = keyed(old, CHECK_KEY, both);
  const b = keyed(now, CHECK_KEY, both);
  const flipped: DumpDiff['checks'] = [];
  for (const [key, row] of a) {
    const other = b.get(key);
    if (other && other.status !== row.status)
      flipped.push({
        document_id: row.document_id ?? '',
        check: row.check ?? '',
        scope: row.scope ?? '',
        old: row.status ?? '',
        new: other.status ?? '',
      });
  }
  return flipped;
}

export function diffDumps(old: DumpTables, now: DumpTables): DumpDiff {
  const oldDocs = new Map(old.documents.map((d) => [d.document_id ?? '', d]));
  const newDocs = new Map(now.documents.map((d) => [d.document_id ?? '', d]));
  const both = new Set([...oldDocs.keys()].filter((id) => newDocs.has(id)));
  const verdicts = [...both]
    .map((id) => ({
      document_id: id,
      old: oldDocs.get(id)!.verdict ?? '',
      new: newDocs.get(id)!.verdict ?? '',
    }))
    .filter((v) => v.old !== v.new);
  return {
    added: [...newDocs.keys()].filter((id) => !oldDocs.has(id)).sort(),
    removed: [...oldDocs.keys()].filter((id) => !newDocs.has(id)).sort(),
    verdicts: verdicts.sort((x, y) => (x.document_id < y.document_id ? -1 : 1)),
    ...diffAmounts(old.lineItems, now.lineItems, both),
    checks: diffChecks(old.checks, now.checks, both),
  };
}

export function hasChanges(diff: DumpDiff): boolean {
  const amounts = Object.values(diff.amounts).some((a) => a.changed + a.appeared + a.vanished > 0);
  return diff.added.length + diff.removed.length + diff.verdicts.length + diff.checks.length > 0 || amounts;
}
