import { readFileSync } from 'node:fs';
import type { CanonicalDocument } from '../schemas/document.ts';
import { parseAmount } from '../src/normalize/amount.ts';
import { formatDecimal, toDecimal } from '../src/normalize/decimal.ts';
import { extractDocument } from '../src/pipeline/extractDocument.ts';

/**
 * Realistic variants of the seed documents for tests and the benchmark: another department,
 * another year, amounts multiplied by a whole number (sums, totals and the prose still agree:
 * every printed figure scales alike), and a page break with a repeated title and header in a long
 * table. A seed whose printed totals already differ from their parts by rounding keeps its
 * amounts (scaling would multiply the rounding difference past the tolerance).
 */

export interface SeedModel {
  readonly name: string;
  readonly lines: readonly string[];
  readonly department: string;
  /** Source lines of every line item, with the values printed on them. */
  readonly amountsByLine: ReadonlyMap<number, ReadonlySet<string>>;
  /** Tables with a header above their first value and enough rows to break: [first line, first value line, last value line]. */
  readonly breakable: readonly (readonly [number, number, number])[];
  readonly scalable: boolean;
  /** The seed prints thousands separators (`9,032.213338`): scaled figures get them too. */
  readonly grouped: boolean;
  readonly lineItems: number;
}

export interface Variant {
  readonly text: string;
  readonly factor: number;
  readonly yearShift: number;
  readonly department: string;
  readonly pageBreak: boolean;
}

const DEPARTMENTS = [
  '市商务局',
  '市教育局',
  '市民政局',
  '市司法局',
  '市财政局',
  '市人力资源和社会保障局',
  '市自然资源局',
  '市生态环境局',
  '市住房和城乡建设局',
  '市交通运输局',
  '市水务局',
  '市农业农村局',
  '市文化广电旅游体育局',
  '市卫生健康委员会',
  '市应急管理局',
  '市审计局',
  '市市场监督管理局',
  '市统计局',
  '市医疗保障局',
  '市城市管理局',
];

const AMOUNT_KINDS = new Set([
  'income_expense_summary',
  'income_summary',
  'expense_summary',
  'fiscal_appropriation_summary',
  'general_budget_expense',
  'general_budget_basic_expense',
  'gov_fund_expense',
]);

export async function modelSeed(path: string, name: string): Promise<SeedModel> {
  const bytes = new Uint8Array(readFileSync(path));
  const doc: CanonicalDocument = await extractDocument(bytes, { documentId: name, sourceFile: path });
  const text = new TextDecoder().decode(bytes).replace(/^\ufeff/, '');
  const amountsByLine = new Map<number, Set<string>>();
  for (const it of doc.line_items) {
    if (it.line === undefined) continue;
    const set = amountsByLine.get(it.line) ?? new Set<string>();
    set.add(it.value);
    amountsByLine.set(it.line, set);
  }
  const breakable: [number, number, number][] = [];
  for (const t of doc.tables) {
    if (!AMOUNT_KINDS.has(t.table_kind) || t.line_start === undefined) continue;
    const lines = doc.line_items
      .filter((it) => it.table_index === t.table_index && it.line !== undefined)
      .map((it) => it.line!);
    const distinct = [...new Set(lines)].sort((a, b) => a - b);
    if (distinct.length >= 8 && distinct[0]! > t.line_start)
      breakable.push([t.line_start, distinct[0]!, distinct.at(-1)!]);
  }
  const scalable = doc.checks.every((c) => c.difference === '' || /^-?0(?:\.0+)?$/.test(c.difference));
  return {
    name,
    lines: text.split('\n'),
    department: doc.metadata.department,
    amountsByLine,
    breakable,
    scalable,
    grouped: /\d,\d{3}/.test(text),
    lineItems: doc.line_items.length,
  };
}

const NUMBER = /[0-9][0-9,]*(?:\.[0-9]+)?/g;

/** `value × factor` printed like `printed`: the same decimals, thousands separators if it had them. */
export function scalePrinted(printed: string, factor: number, grouped = false): string {
  const d = toDecimal(parseAmountValue(printed));
  const scaled = formatDecimal({ units: d.units * BigInt(factor), scale: d.scale });
  if (!printed.includes(',') && !grouped) return scaled;
  const [whole, fraction] = scaled.split('.');
  const withCommas = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? withCommas : `${withCommas}.${fraction}`;
}

function parseAmountValue(printed: string): string {
  const r = parseAmount(printed);
  if (r.kind !== 'amount') throw new Error(`not an amount: ${printed}`);
  return r.value;
}

function scaleLine(
  line: string,
  values: ReadonlySet<string> | undefined,
  factor: number,
  grouped: boolean,
): string {
  if (factor === 1) return line;
  if (values) {
    return line.replace(NUMBER, (token) => {
      const r = parseAmount(token);
      return r.kind === 'amount' && values.has(r.value) ? scalePrinted(token, factor, grouped) : token;
    });
  }
  // Prose: figures followed by 万元 / 元.
  return line.replace(/[0-9][0-9,]*(?:\.[0-9]+)?(?=\s*万?元)/g, (token) =>
    scalePrinted(token, factor, grouped),
  );
}

export function makeVariant(seed: SeedModel, random: () => number): Variant {
  const factor = seed.scalable ? 1 + Math.floor(random() * 9) : 1;
  const yearShift = Math.floor(random() * 8) - 3;
  // Keep the city: `厦门市人民政府外事办公室` becomes `厦门市商务局`.
  const city = /^(.{1,4}?市)/.exec(seed.department)?.[1] ?? '';
  const department = `${city}${DEPARTMENTS[Math.floor(random() * DEPARTMENTS.length)]!.slice(city ? 1 : 0)}`;
  const out: string[] = seed.lines.map((line, i) => {
    let l = scaleLine(line, seed.amountsByLine.get(i + 1), factor, seed.grouped);
    if (yearShift !== 0)
      l = l.replace(/20(\d\d)(?=\s*年)/g, (_, yy: string) => String(2000 + Number(yy) + yearShift));
    if (seed.department !== '' && l.includes(seed.department)) l = l.split(seed.department).join(department);
    return l;
  });
  let pageBreak = false;
  if (seed.breakable.length > 0 && random() < 0.5) {
    const [start, firstValue, lastValue] = seed.breakable[Math.floor(random() * seed.breakable.length)]!;
    const at = firstValue + 2 + Math.floor(random() * Math.max(1, lastValue - firstValue - 3));
    if (at <= lastValue) {
      out.splice(at - 1, 0, ...out.slice(start - 1, firstValue - 1));
      pageBreak = true;
    }
  }
  return { text: out.join('\n'), factor, yearShift, department, pageBreak };
}
