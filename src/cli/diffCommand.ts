import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Papa from 'papaparse';
import { type DumpDiff, type DumpTables, diffDumps, hasChanges, type Row } from '../batch/diffDumps.ts';
import { USAGE } from './options.ts';

/** `yusuan diff OLD NEW`: what changed between two dumps, as text or JSON; exit 1 on change when asked. */

function readCsv(path: string): Row[] {
  // A BOM (--bom dumps) would stick to the first column's name.
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  return Papa.parse<Row>(text, { header: true, skipEmptyLines: true }).data;
}

function readDump(dir: string): DumpTables | string {
  const files = ['documents.csv', 'line_items.csv', 'checks.csv'];
  const missing = files.filter((f) => !existsSync(join(dir, f)));
  if (missing.length > 0) return `${dir}: not a yusuan dump (no ${missing.join(', ')})`;
  return {
    documents: readCsv(join(dir, 'documents.csv')),
    lineItems: readCsv(join(dir, 'line_items.csv')),
    checks: readCsv(join(dir, 'checks.csv')),
  };
}

const SHOWN = 10;

function listed<T>(items: readonly T[], line: (item: T) => string): string[] {
  const more = items.length > SHOWN ? [`    … and ${items.length - SHOWN} more (--json lists all)`] : [];
  return [...items.slice(0, SHOWN).map((i) => `    ${line(i)}`), ...more];
}

export function formatDiff(diff: DumpDiff): string {
  if (!hasChanges(diff)) return 'no change: same documents, verdicts, amounts and checks';
  const kinds = Object.entries(diff.amounts).sort(([a], [b]) => (a < b ? -1 : 1));
  const amountTotal = (k: 'changed' | 'appeared' | 'vanished') => kinds.reduce((n, [, a]) => n + a[k], 0);
  return [
    `documents: ${diff.added.length} added, ${diff.removed.length} removed`,
    ...listed(diff.added, (id) => `+ ${id}`),
    ...listed(diff.removed, (id) => `- ${id}`),
    `verdicts changed: ${diff.verdicts.length}`,
    ...listed(diff.verdicts, (v) => `${v.document_id}: ${v.old || '(none)'} → ${v.new || '(none)'}`),
    `amounts: ${amountTotal('changed')} changed, ${amountTotal('appeared')} appeared, ${amountTotal('vanished')} vanished`,
    ...kinds.map(
      ([k, a]) => `    ${k}: ${a.changed} changed, ${a.appeared} appeared, ${a.vanished} vanished`,
    ),
    ...listed(
      diff.changedAmounts,
      (c) => `~ ${c.document_id} ${c.table_kind} / ${c.row_label} / ${c.column_label}: ${c.old} → ${c.new}`,
    ),
    `checks flipped: ${diff.checks.length}`,
    ...listed(diff.checks, (c) => `${c.document_id} ${c.check} ${c.scope}: ${c.old} → ${c.new}`),
  ].join('\n');
}

export async function diffCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      'fail-on-change': { type: 'boolean', default: false },
    },
  });
  if (positionals.length !== 2) {
    process.stderr.write(`yusuan diff: give the old dump and the new dump\n\n${USAGE}`);
    return 2;
  }
  const [old, now] = positionals.map(readDump);
  for (const d of [old, now])
    if (typeof d === 'string') {
      process.stderr.write(`yusuan diff: ${d}\n`);
      return 2;
    }
  const diff = diffDumps(old as DumpTables, now as DumpTables);
  const changed = hasChanges(diff);
  process.stdout.write(
    values.json ? `${JSON.stringify({ changed, ...diff }, null, 2)}\n` : `${formatDiff(diff)}\n`,
  );
  return values['fail-on-change'] && changed ? 1 : 0;
}
