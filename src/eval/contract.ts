import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { OPERATORS } from '../../schemas/indicator.ts';
import { TABLE_KINDS } from '../tables/tableKinds.ts';

/**
 * Checks an output folder against the output contract (OUTPUT.md): files, required columns (in
 * order where the contract fixes it) and value formats. Returns the problems; none = it holds.
 */

const REQUIRED: Readonly<Record<string, { readonly columns: readonly string[]; readonly ordered: boolean }>> =
  {
    'line_items.csv': {
      columns: [
        'document_id',
        'table_kind',
        'table_title',
        'row_label',
        'subject_code',
        'economic_code',
        'column_label',
        'value',
        'unit',
        'page',
        'line',
      ],
      ordered: true,
    },
    'indicators.csv': {
      columns: [
        'document_id',
        'table_kind',
        'project_name',
        'project_code',
        'level1',
        'level2',
        'indicator',
        'operator',
        'target_value',
        'target_unit',
        'target_text',
      ],
      ordered: true,
    },
    'checks.csv': {
      columns: ['document_id', 'check', 'scope', 'expected', 'actual', 'difference', 'tolerance', 'status'],
      ordered: true,
    },
    'documents.csv': { columns: ['document_id', 'source_file', 'status', 'message'], ordered: false },
    'tables.csv': { columns: ['document_id', 'table_kind', 'table_title'], ordered: false },
  };

const DECIMAL = /^-?\d+(\.\d+)?$/;
const KINDS = new Set<string>(TABLE_KINDS);
const OPS = new Set<string>(OPERATORS);

export function checkContract(dir: string): string[] {
  const problems: string[] = [];
  const records: Record<string, Record<string, string>[]> = {};
  for (const [file, spec] of Object.entries(REQUIRED)) {
    const path = join(dir, file);
    if (!existsSync(path)) {
      problems.push(`${file}: missing`);
      continue;
    }
    const text = readFileSync(path, 'utf8');
    if (text.startsWith('\ufeff')) problems.push(`${file}: has a BOM (only with --bom)`);
    if (text.includes('\r\n')) problems.push(`${file}: CRLF line ends`);
    const parsed = Papa.parse<Record<string, string>>(text.replace(/^\ufeff/, ''), {
      header: true,
      skipEmptyLines: true,
    });
    const header = parsed.meta.fields ?? [];
    spec.columns.forEach((c, k) => {
      if (spec.ordered ? header[k] !== c : !header.includes(c))
        problems.push(`${file}: column ${c} missing or out of place`);
    });
    for (const e of parsed.errors.slice(0, 5)) problems.push(`${file}: row ${e.row}: ${e.message}`);
    records[file] = parsed.data;
  }
  for (const [k, r] of (records['line_items.csv'] ?? []).entries()) {
    const at = `line_items.csv:${k + 2}`;
    if (!KINDS.has(r.table_kind ?? '')) problems.push(`${at}: table_kind "${r.table_kind}"`);
    if (!DECIMAL.test(r.value ?? '')) problems.push(`${at}: value "${r.value}" is not an exact decimal`);
    if (r.unit !== '万元' && r.unit !== '元') problems.push(`${at}: unit "${r.unit}"`);
    if (!r.page && !r.line) problems.push(`${at}: no page or line`);
    if (/<\/?[a-z][^>]*>|&[a-z]+;/i.test(`${r.row_label}${r.column_label}${r.table_title}`))
      problems.push(`${at}: markup in a label`);
  }
  for (const [k, r] of (records['indicators.csv'] ?? []).entries()) {
    const at = `indicators.csv:${k + 2}`;
    if (r.table_kind !== 'project_performance' && r.table_kind !== 'department_performance')
      problems.push(`${at}: table_kind`);
    if (!OPS.has(r.operator ?? '')) problems.push(`${at}: operator "${r.operator}"`);
    if (r.target_value && !DECIMAL.test(r.target_value))
      problems.push(`${at}: target_value "${r.target_value}"`);
    if (r.operator !== 'qualitative' && !r.target_value)
      problems.push(`${at}: numeric operator without a value`);
    if (!r.indicator) problems.push(`${at}: empty indicator`);
    if (!r.target_text) problems.push(`${at}: empty target_text`);
  }
  for (const [k, r] of (records['checks.csv'] ?? []).entries()) {
    if (!['pass', 'fail', 'skip'].includes(r.status ?? ''))
      problems.push(`checks.csv:${k + 2}: status "${r.status}"`);
  }
  for (const [k, r] of (records['documents.csv'] ?? []).entries()) {
    if (!['ok', 'partial', 'failed'].includes(r.status ?? ''))
      problems.push(`documents.csv:${k + 2}: status "${r.status}"`);
    if (r.status !== 'ok' && !r.message)
      problems.push(`documents.csv:${k + 2}: ${r.status} without a message`);
  }
  for (const [k, r] of (records['tables.csv'] ?? []).entries()) {
    if (!KINDS.has(r.table_kind ?? '')) problems.push(`tables.csv:${k + 2}: table_kind "${r.table_kind}"`);
  }
  const ids = new Set((records['documents.csv'] ?? []).map((r) => r.document_id));
  const jsonDir = join(dir, 'json');
  if (!existsSync(jsonDir)) problems.push('json/: missing');
  else {
    for (const f of readdirSync(jsonDir).filter((n) => n.endsWith('.json'))) {
      if (!ids.has(f.replace(/\.json$/, ''))) problems.push(`json/${f}: no row in documents.csv`);
    }
  }
  if (!existsSync(join(dir, 'datapackage.json'))) problems.push('datapackage.json: missing');
  return problems;
}
