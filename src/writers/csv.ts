import Papa from 'papaparse';

/** RFC 4180 CSV with `\n` line ends and a header row; optional UTF-8 BOM for spreadsheet users. */

export type CsvValue = string | number | boolean | undefined | null;

function cell(value: CsvValue): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return String(value);
}

export function toCsv(
  columns: readonly string[],
  rows: readonly Readonly<Record<string, unknown>>[],
  bom = false,
): string {
  const data = rows.map((row) => columns.map((c) => cell(row[c] as CsvValue)));
  const body = Papa.unparse({ fields: [...columns], data }, { newline: '\n', quotes: false, header: true });
  return `${bom ? '\ufeff' : ''}${body}\n`;
}
