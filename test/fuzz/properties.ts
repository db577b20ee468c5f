import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { CanonicalDocument } from '../../schemas/document.ts';
import { normalizeNumberText, parseAmount } from '../../src/normalize/amount.ts';
import { cleanCellText, cleanLabel } from '../../src/normalize/cellText.ts';
import { stripMarkup } from '../../src/normalize/markup.ts';
import { readSubjectCode, splitCodedLabel } from '../../src/normalize/subjectCode.ts';
import { collapseWhitespace } from '../../src/normalize/whitespace.ts';
import { extractDocument } from '../../src/pipeline/extractDocument.ts';
import { decodeText } from '../../src/readers/decodeText.ts';
import { detectInputType } from '../../src/readers/detectInputType.ts';
import { readHtmlBlocks } from '../../src/readers/htmlReader.ts';
import { readHtmlTable } from '../../src/readers/htmlTable.ts';
import { readTextBlocks, splitLines } from '../../src/readers/textReader.ts';
import { matchTableTitle } from '../../src/tables/titles.ts';

/**
 * The property tests of the readers and normalizers, shared by `npm test` (a few hundred runs each)
 * and `npm run fuzz` (as many runs as the time allows). Every property says the same three things
 * in its own terms: no uncaught error, no hang, and no number that the input does not print.
 */

export interface NamedProperty {
  readonly name: string;
  /** Runs per property in `npm test`; the fuzz script runs until its time is up. */
  readonly testRuns: number;
  // biome-ignore lint/suspicious/noExplicitAny: a list of properties over different inputs
  readonly property: fc.IRawProperty<any>;
}

const SEED_DIR = 'seeds';
export const SEED_TEXTS: readonly string[] = readdirSync(SEED_DIR)
  .filter((f) => !f.startsWith('.'))
  .sort()
  .map((f) => decodeText(readFileSync(join(SEED_DIR, f))).text);

/** The characters a printed amount may be written with, reduced to ASCII digits, `.` and `-`. */
function amountCharacters(text: string): string {
  // No markup stripping: an amount's digits are contiguous in the source whatever tags surround them.
  return text
    .normalize('NFKC')
    .replace(/[−–—－―‐‑]/g, '-')
    .replace(/[,\s]/g, '');
}

/**
 * Line items whose value the source does not print near the line they name: the value (sign
 * dropped, since `(8)` or `△8` may print a negative) must occur in the source lines from the item's
 * line to the end of its row (an HTML row may run over several lines).
 */
export function untraceableAmounts(doc: CanonicalDocument, source: string): string[] {
  const lines = splitLines(source);
  const out: string[] = [];
  for (const item of doc.line_items) {
    if (item.line === undefined) {
      out.push(`${item.value}: no line`);
      continue;
    }
    const window = lines.slice(item.line - 1, item.line + 20).join('\n');
    const digits = item.value.replace(/^-/, '');
    if (!amountCharacters(window).includes(digits)) out.push(`${item.value} (line ${item.line})`);
  }
  return out;
}

const PDF_FIXTURE = readFileSync('test/fixtures/pdf/004_15f2cd45d2b48077-stsong.pdf');

type ByteMutation =
  | { kind: 'flip'; at: number; value: number }
  | { kind: 'cut'; at: number; length: number }
  | { kind: 'truncate'; at: number };

const byteMutation: fc.Arbitrary<ByteMutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), value: fc.nat({ max: 255 }) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), length: fc.nat({ max: 4096 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);

export function mutateBytes(bytes: Uint8Array, mutations: readonly ByteMutation[]): Uint8Array {
  let out = new Uint8Array(bytes);
  for (const m of mutations) {
    if (out.length === 0) break;
    const i = m.at % out.length;
    if (m.kind === 'flip') out[i] = m.value;
    else if (m.kind === 'cut') out = new Uint8Array([...out.subarray(0, i), ...out.subarray(i + m.length)]);
    else out = out.slice(0, i);
  }
  return out;
}

async function extractText(text: string): Promise<CanonicalDocument> {
  return extractDocument(new TextEncoder().encode(text), { documentId: 'fuzz', sourceFile: 'fuzz.txt' });
}

/** A document that holds together: no throw (extractDocument returns failures as values), valid status. */
function assertSound(doc: CanonicalDocument, source: string): void {
  if (!['ok', 'partial', 'failed'].includes(doc.status)) throw new Error(`status ${doc.status}`);
  if (doc.status === 'failed' && doc.problems.some((p) => p.code === 'internal-error'))
    throw new Error(`internal error: ${doc.message}`);
  const invented = untraceableAmounts(doc, source);
  if (invented.length > 0) throw new Error(`amounts not printed in the source: ${invented.join(', ')}`);
}

// ---- generators ------------------------------------------------------------------------------

const TITLES = [
  '表1 收支总表',
  '预算01表 部门收支总表',
  '附表3 一般公共预算支出表（按功能分类）',
  '一般公共预算“三公”经费支出表',
  '财政拨款收入支出决算总表',
  '项目支出绩效目标表',
  '表一 部门收入总表',
];
const LABELS = [
  '合计',
  '总计',
  '基本支出',
  '项目支出',
  '一、一般公共预算拨款收入',
  '(一) 行政运行',
  '人员经费',
  '办公费',
];
const HEADERS = [
  '项目',
  '科目编码',
  '科目名称',
  '预算数',
  '决算数',
  '年初预算数',
  '合计',
  '一级指标',
  '指标值',
];
const CODES = ['201', '20103', '2010301', '30101', '302', '50101', '2080505'];

const amountText = fc
  .tuple(
    fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }),
    fc.integer({ min: 0, max: 6 }),
    fc.boolean(),
    fc.boolean(),
  )
  .map(([n, scale, grouped, fullWidth]) => {
    const sign = n < 0n ? '-' : '';
    const digits = (n < 0n ? -n : n).toString().padStart(scale + 1, '0');
    let whole = digits.slice(0, digits.length - scale);
    if (grouped) whole = whole.replace(/\B(?=(\d{3})+$)/g, ',');
    const text = `${sign}${whole}${scale > 0 ? `.${digits.slice(-scale)}` : ''}`;
    return fullWidth ? text.replace(/[0-9,.-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)) : text;
  });

const cellText = fc.oneof(
  amountText,
  fc.constantFrom(...LABELS, ...HEADERS, ...CODES, '', '-', '—', '≥95%', '2024年', '单位：万元'),
  fc.constantFrom(...CODES).chain((c) => fc.constantFrom(...LABELS).map((l) => `${c}-${l}`)),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
);

const row = fc.tuple(
  fc.array(cellText, { minLength: 1, maxLength: 8 }),
  fc.constantFrom('tab', 'pipe', 'html', 'spaces'),
);

function renderRow([cells, style]: [string[], string]): string {
  switch (style) {
    case 'tab':
      return cells.join('\t');
    case 'pipe':
      return `| ${cells.join(' | ')} |`;
    case 'html':
      return `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
    default:
      return cells.join('   ');
  }
}

const budgetLine = fc.oneof(
  { weight: 6, arbitrary: row.map(renderRow) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      ...TITLES,
      '单位：万元',
      '金额单位：元',
      '',
      '<table>',
      '</table>',
      '|---|---|---|',
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  {
    weight: 1,
    arbitrary: amountText.map((a) => `2024年收入总计${a}万元，支出总计${a}万元。`),
  },
);

/** A table as converters print them: a title, a unit, a header and rows of one width and syntax. */
const budgetTable = fc
  .tuple(
    fc.constantFrom(...TITLES),
    fc.constantFrom('单位：万元', '金额单位：元', ''),
    fc.integer({ min: 2, max: 6 }),
    fc.constantFrom('tab', 'pipe', 'html', 'spaces'),
  )
  .chain(([title, unit, width, style]) =>
    fc
      .tuple(
        fc.array(fc.constantFrom(...HEADERS), { minLength: width, maxLength: width }),
        fc.array(
          fc.tuple(
            fc.oneof(
              fc.constantFrom(...LABELS),
              fc.constantFrom(...CODES).map((c) => `${c} 行政运行`),
            ),
            fc.array(fc.oneof({ weight: 5, arbitrary: amountText }, { weight: 1, arbitrary: cellText }), {
              minLength: width - 1,
              maxLength: width - 1,
            }),
          ),
          { minLength: 1, maxLength: 25 },
        ),
      )
      .map(([header, rows]) => {
        const lines = [title, unit, renderRow([header, style])];
        if (style === 'pipe') lines.push(`|${'---|'.repeat(width)}`);
        for (const [label, cells] of rows) lines.push(renderRow([[label, ...cells], style]));
        return (
          style === 'html' ? [lines[0], lines[1], '<table>', ...lines.slice(2), '</table>'] : lines
        ).join('\n');
      }),
  );

/** Text that looks like a budget dump: tables, titles, units, rows in every cell syntax, prose, noise. */
export const budgetText = fc
  .array(fc.oneof({ weight: 3, arbitrary: budgetLine }, { weight: 1, arbitrary: budgetTable }), {
    maxLength: 30,
  })
  .map((lines) => lines.join('\n'));

type Mutation =
  | { kind: 'delete'; at: number }
  | { kind: 'duplicate'; at: number }
  | { kind: 'swap'; at: number; with: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'truncate'; at: number }
  | { kind: 'retab'; at: number }
  | { kind: 'splice'; at: number; column: number; text: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: budgetLine }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('retab' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('splice' as const), at: fc.nat(), column: fc.nat(), text: cellText }),
);

export function mutate(text: string, mutations: readonly Mutation[]): string {
  let lines = splitLines(text);
  for (const m of mutations) {
    if (lines.length === 0) break;
    const i = m.at % lines.length;
    switch (m.kind) {
      case 'delete':
        lines.splice(i, 1);
        break;
      case 'duplicate':
        lines.splice(i, 0, lines[i]!);
        break;
      case 'swap': {
        const j = m.with % lines.length;
        [lines[i], lines[j]] = [lines[j]!, lines[i]!];
        break;
      }
      case 'insert':
        lines.splice(i, 0, m.text);
        break;
      case 'truncate':
        lines = lines.slice(0, i + 1);
        break;
      case 'retab':
        lines[i] = lines[i]!.replace(/\t/g, '  ');
        break;
      case 'splice': {
        const line = lines[i]!;
        const c = line.length === 0 ? 0 : m.column % line.length;
        lines[i] = line.slice(0, c) + m.text + line.slice(c);
        break;
      }
    }
  }
  return lines.join('\n');
}

const seedMutation = fc.tuple(
  fc.nat({ max: SEED_TEXTS.length - 1 }),
  fc.array(mutation, { minLength: 1, maxLength: 12 }),
);

// ---- properties ------------------------------------------------------------------------------

export const PROPERTIES: readonly NamedProperty[] = [
  {
    name: 'detectInputType and decodeText read any bytes',
    testRuns: 300,
    property: fc.property(fc.uint8Array({ maxLength: 4096 }), (bytes) => {
      detectInputType(bytes);
      const decoded = decodeText(bytes);
      if (typeof decoded.text !== 'string') throw new Error('no text');
    }),
  },
  {
    name: 'readTextBlocks reads any text, every block on a line of the input',
    testRuns: 300,
    property: fc.property(fc.oneof(fc.string({ maxLength: 2000 }), budgetText), (text) => {
      const count = splitLines(text).length;
      for (const block of readTextBlocks(text)) {
        if (block.kind === 'page') continue;
        const line = block.at.line;
        if (line === undefined || line < 1 || line > count)
          throw new Error(`block at line ${line} of ${count}`);
      }
    }),
  },
  {
    name: 'readHtmlTable reads any markup, spans bounded',
    testRuns: 300,
    property: fc.property(
      fc.array(
        fc.oneof(
          fc.constantFrom(
            '<tr>',
            '</tr>',
            '<td>',
            '</td>',
            '<th colspan="3">',
            '<td rowspan=999999>',
            '<td colspan="200">',
            '&nbsp;',
            '\n',
          ),
          cellText,
        ),
        { maxLength: 80 },
      ),
      (parts) => {
        const rows = readHtmlTable(`<table>${parts.join('')}</table>`, 1);
        for (const r of rows)
          if (r.cells.length > 200 * 80) throw new Error(`${r.cells.length} cells in one row`);
      },
    ),
  },
  {
    name: 'readHtmlBlocks reads any page: blocks on lines of the input, never a script or style',
    testRuns: 300,
    property: fc.property(
      fc.array(
        fc.oneof(
          fc.constantFrom(
            '<html>',
            '<body>',
            '<table>',
            '</table>',
            '<tr>',
            '<td colspan="2">',
            '</td>',
            '<p>',
            '</p>',
            '<h2>',
            '<br>',
            '<div style="display:none">',
            '</div>',
            '<script>var n = 987654;',
            '<style>td { width: 987654px }',
            '</script>',
            '</style>',
            '<!-- 987654 -->',
            '\n',
          ),
          cellText,
        ),
        { maxLength: 80 },
      ),
      (parts) => {
        const text = parts.join('');
        const count = splitLines(text).length;
        for (const block of readHtmlBlocks(text)) {
          if (block.kind === 'page') continue;
          const line = block.at.line;
          if (line === undefined || line < 1 || line > count)
            throw new Error(`block at line ${line} of ${count}`);
          const printed =
            block.kind === 'text'
              ? block.raw
              : block.kind === 'row'
                ? block.cells.map((c) => c.raw).join(' ')
                : '';
          if (printed.includes('987654'))
            throw new Error(`script, style or comment read as text: ${printed}`);
        }
      },
    ),
  },
  {
    name: 'parseAmount reads only the printed digits',
    testRuns: 1000,
    property: fc.property(fc.oneof(fc.string({ maxLength: 30 }), amountText, cellText), (raw) => {
      const reading = parseAmount(raw);
      if (reading.kind !== 'amount') return;
      // The value is the printed number with its grouping commas, a plus sign and the space of a
      // number wrapped in its cell removed, nothing else.
      const printed = normalizeNumberText(stripMarkup(raw)).replace(/[,\s]/g, '').replace(/^\+/, '');
      if (printed !== reading.value) throw new Error(`"${raw}" read as ${reading.value}`);
    }),
  },
  {
    name: 'parseAmount reads every formatted amount exactly',
    testRuns: 1000,
    property: fc.property(amountText, (text) => {
      const reading = parseAmount(text);
      const expected = amountCharacters(text);
      if (reading.kind !== 'amount' || reading.value !== expected.replace(/^-0*(?=\d)/, (m) => m))
        throw new Error(`"${text}" read as ${JSON.stringify(reading)}, printed ${expected}`);
    }),
  },
  {
    name: 'cell and label cleaning is total and idempotent',
    testRuns: 500,
    property: fc.property(fc.oneof(fc.string({ maxLength: 60 }), cellText), (raw) => {
      const once = cleanCellText(raw);
      if (cleanCellText(once) !== once)
        throw new Error(`cleanCellText not idempotent on ${JSON.stringify(raw)}`);
      cleanLabel(raw);
      const collapsed = collapseWhitespace(raw);
      if (collapseWhitespace(collapsed) !== collapsed) throw new Error('collapseWhitespace not idempotent');
    }),
  },
  {
    name: 'subject codes and titles read any text',
    testRuns: 500,
    property: fc.property(
      fc.oneof(fc.string({ maxLength: 60 }), cellText, fc.constantFrom(...TITLES)),
      (raw) => {
        const code = readSubjectCode(raw);
        if (code && !/^\d+$/.test(code.code)) throw new Error(`code ${code.code}`);
        const split = splitCodedLabel(raw);
        if (split.code && !raw.includes(split.code.code))
          throw new Error(`code ${split.code.code} not in ${raw}`);
        matchTableTitle(raw);
      },
    ),
  },
  {
    name: 'extractDocument on budget-like text: a status, no invented amounts',
    testRuns: 150,
    property: fc.asyncProperty(budgetText, async (text) => {
      assertSound(await extractText(text), text);
    }),
  },
  {
    name: 'extractDocument on mutated seeds: a status, no invented amounts',
    testRuns: 25,
    property: fc.asyncProperty(seedMutation, async ([seed, mutations]) => {
      const text = mutate(SEED_TEXTS[seed]!, mutations);
      assertSound(await extractText(text), text);
    }),
  },
  {
    name: 'extractDocument on damaged PDFs: a status, pages within the document',
    testRuns: 12,
    property: fc.asyncProperty(fc.array(byteMutation, { minLength: 1, maxLength: 8 }), async (mutations) => {
      const bytes = mutateBytes(PDF_FIXTURE, mutations);
      const doc = await extractDocument(
        bytes,
        { documentId: 'fuzz', sourceFile: 'fuzz.pdf' },
        { ocr: 'never', maxPages: 20 },
      );
      if (doc.problems.some((p) => p.code === 'internal-error'))
        throw new Error(`internal error: ${doc.message}`);
      const pages = doc.metadata.pages ?? 0;
      for (const item of doc.line_items)
        if (item.page === undefined || item.page < 1 || item.page > pages)
          throw new Error(`item on page ${item.page} of ${pages}`);
    }),
  },
];
