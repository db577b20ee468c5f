import type { TableKind } from './tableKinds.ts';

/**
 * The tables every 部门预算 / 部门决算 report publishes (the Ministry of Finance's disclosure template;
 * 决算 tables take the same kinds), with the short names reports print them under. One list for the
 * verdict and for the crawl report, so "complete" means the same everywhere.
 */
export const CORE_KINDS = [
  ['income_expense_summary', '收支'],
  ['income_summary', '收入'],
  ['expense_summary', '支出'],
  ['fiscal_appropriation_summary', '财政'],
  ['general_budget_expense', '一般'],
  ['general_budget_basic_expense', '基本'],
  ['three_public_expense', '三公'],
] as const satisfies readonly (readonly [TableKind, string])[];

export type CoreKind = (typeof CORE_KINDS)[number][0];

export const CORE_KIND_IDS: readonly CoreKind[] = CORE_KINDS.map(([kind]) => kind);

/**
 * Templates that print another table in a core table's place: Shenzhen's 部门预算 has no
 * 一般公共预算基本支出表; its 基本支出总表 (all sources) and its 一般公共预算支出表（按经济分类）, which
 * carries the 基本支出 by economic class, stand there.
 */
const STANDS_FOR: Readonly<Partial<Record<CoreKind, readonly TableKind[]>>> = {
  general_budget_basic_expense: ['basic_expense_summary', 'general_budget_economic_expense'],
};

interface PrintedTable {
  readonly table_kind: TableKind;
  readonly line_item_count: number;
  readonly body_rows: number;
}

/**
 * The core kinds a document prints: a table with amounts, or with body rows whose cells are all
 * blank (a 三公 table printed empty is there; a title with no rows under it, as a list of tables
 * has, is not).
 */
export function coreKindsPrinted(tables: readonly PrintedTable[]): CoreKind[] {
  const found = new Set<TableKind>(
    tables.filter((t) => t.line_item_count > 0 || t.body_rows > 0).map((t) => t.table_kind),
  );
  return CORE_KIND_IDS.filter(
    (kind) => found.has(kind) || (STANDS_FOR[kind] ?? []).some((k) => found.has(k)),
  );
}
