import Papa from 'papaparse';

/**
 * RFC 4180 CSV with `\n` line ends and a header row; optional UTF-8 BOM for spreadsheet users.
 * The header and the rows can be written separately, so a corpus dump streams one document's
 * rows at a time and is byte-identical to writing all rows at once.
 */

export type CsvValue = string | number | boolean | undefined | null;

/** First characters that make a spreadsheet read a cell as a formula (or shift it into one). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text cells a spreadsheet would run as formulas (`=HYPERLINK(…)`, `@SUM(…)`, `-2+3`) get a leading
 * apostrophe, as OWASP advises. Done per column here rather than with papaparse's escapeFormulae,
 * which cannot be limited to columns and would turn the negative amounts of the numeric columns
 * (`-8`) into text.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function cell(value: CsvValue, isText: boolean): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return isText && typeof value === 'string' ? neutraliseFormula(value) : String(value);
}

export function csvHeader(columns: readonly string[], bom = false): string {
  return `${bom ? '\ufeff' : ''}${Papa.unparse([[...columns]], { newline: '\n', quotes: false })}\n`;
}

/**
 * The rows as CSV lines, each ending in `\n`; empty when there are no rows. Cells of `textColumns`
 * are neutralised against formula injection; the others (amounts, counts) are written as they are.
 */
export function csvLines(
  columns: readonly string[],
  rows: readonly Readonly<Record<string, unknown>>[],
  textColumns: ReadonlySet<string> = new Set(columns),
): string {
  if (rows.length === 0) return '';
  const text = columns.map((c) => textColumns.has(c));
  const data = rows.map((row) => columns.map((c, i) => cell(row[c] as CsvValue, text[i] ?? true)));
  return `${Papa.unparse(data, { newline: '\n', quotes: false, header: false })}\n`;
}

export function toCsv(
  columns: readonly string[],
  rows: readonly Readonly<Record<string, unknown>>[],
  options: { readonly bom?: boolean; readonly textColumns?: ReadonlySet<string> } = {},
): string {
  return csvHeader(columns, options.bom) + csvLines(columns, rows, options.textColumns);
}
