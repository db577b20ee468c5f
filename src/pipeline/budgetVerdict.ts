import { labelKey } from '../normalize/cellText.ts';

/**
 * Whether a document is a budget disclosure at all. A crawler brings back web pages (listings,
 * notices, gazettes) whose menus, year pickers, share counters and statistics read as tables of
 * numbers; a budget is known by its tables, not by its file name. A budget table is a table of
 * amounts that names itself as one — a budget kind, a title or amount columns in budget words —
 * and whose rows are budget rows: subject codes, or the vocabulary of receipts and spending.
 * Performance tables (indicators) are budget tables whatever their rows.
 */

/** What the verdict needs of a table (an ExtractedTable has it). */
export interface TableEvidence {
  readonly kind: string;
  readonly title: string;
  readonly items: readonly {
    readonly rowLabel: string;
    readonly subjectCode: string;
    readonly economicCode: string;
    readonly govEconomicCode: string;
    readonly columnLabel: string;
  }[];
  readonly indicators: readonly unknown[];
}

/** Words a budget table's title or amount column is named with. */
const BUDGET_NAME =
  /预算|决算|收入|支出|收支|拨款|经费|资金|三公|绩效|采购|财政|金额|合计|小计|总计|本年|上年|年初/u;

/** Words of budget rows: receipts, spending classes, their totals. */
const BUDGET_ROW =
  /收入|支出|拨款|经费|资金|合计|总计|小计|结转|结余|工资|福利|津贴|补贴|奖金|保险|公积金|商品和服务|补助|公用|人员|事业|运行|购置|公务|出国|接待|会议|培训|办公|差旅|维修|租赁|印刷|物业|劳务|委托|事务|管理|服务|保障|建设|专项|项目|教育|科学|文化|卫生|健康|节能|环保|农林|交通|住房|城乡|社区|资源|债务|转移|上缴|其他/u;

function namesBudget(table: TableEvidence): boolean {
  if (table.kind !== 'other') return true;
  if (BUDGET_NAME.test(labelKey(table.title))) return true;
  return table.items.some((it) => BUDGET_NAME.test(labelKey(it.columnLabel)));
}

function isBudgetRow(item: TableEvidence['items'][number]): boolean {
  if (item.subjectCode !== '' || item.economicCode !== '' || item.govEconomicCode !== '') return true;
  return BUDGET_ROW.test(labelKey(item.rowLabel));
}

/** Most of its rows (at least half of those with amounts) are budget rows. */
function hasBudgetRows(table: TableEvidence): boolean {
  const rows = new Map<string, boolean>();
  for (const it of table.items) rows.set(it.rowLabel, (rows.get(it.rowLabel) ?? false) || isBudgetRow(it));
  const budgetRows = [...rows.values()].filter(Boolean).length;
  return budgetRows > 0 && budgetRows * 2 >= rows.size;
}

export function isBudgetTable(table: TableEvidence): boolean {
  if (table.indicators.length > 0) return true;
  return table.items.length > 0 && namesBudget(table) && hasBudgetRows(table);
}

/** Why a document with amounts is not a budget: what it holds instead, for the message. */
export function notBudgetReason(tables: readonly TableEvidence[]): string | undefined {
  if (tables.some(isBudgetTable)) return undefined;
  const withAmounts = tables.filter((t) => t.items.length > 0);
  if (withAmounts.length === 0) return undefined;
  const amounts = withAmounts.reduce((n, t) => n + t.items.length, 0);
  return `its ${withAmounts.length} table(s) with numbers (${amounts} in all) are none a budget table: no titled table of amounts with budget rows or subject codes`;
}
