import type { CanonicalDocument, ExtractedTableRecord } from '../../../schemas/document.ts';
import type { LineItem } from '../../../schemas/lineItem.ts';
import { type CoreKind, coreKindsPrinted } from '../../tables/coreKinds.ts';

/**
 * What a document of a crawl is, from its extraction alone (no gold): a full budget report, an
 * extract of one (a lone performance table, a narrative published apart), something that is not
 * a budget at all, or a file that could not be read. Only reports are held to "complete".
 */

export { CORE_KINDS, type CoreKind } from '../../tables/coreKinds.ts';

export type DocumentClass = 'report' | 'extract' | 'not-budget' | 'crash' | 'timeout' | 'unreadable';

const PERFORMANCE_KINDS = new Set(['project_performance', 'department_performance']);

/** Problem codes of a file yusuan itself failed on (a bug, a thread that died, the memory limit). */
const CRASH_CODES = new Set(['internal-error', 'schema-violation', 'extraction-stopped']);
/**
 * The per-file time limit: a file stopped by it is told apart from a crash, because whether it
 * is reached depends on how loaded the machine is (a 19-page file took 300 s on a busy one).
 */
const TIME_LIMIT = /time limit/;
/** Problem codes that say the file holds no budget. */
const NOT_BUDGET_CODES = new Set(['no-budget-table', 'unsupported-input', 'empty-file', 'not-a-budget']);

/** Words only budget tables are made of; a web page's menu years or a statistics table have none. */
const BUDGET_WORDS = /支出|收入|拨款|经费|预算|决算|合计|总计|小计/;

/** A report has at least this many core kinds, or a 收支总表, or this many budget tables. */
export const REPORT_MIN_TABLES = 3;

/** The core kinds a document prints (see coreKindsPrinted). */
export function coreKindsFound(doc: Pick<CanonicalDocument, 'tables'>): CoreKind[] {
  return coreKindsPrinted(doc.tables);
}

/**
 * A table reads as a budget table when it has a budget kind, or when most of its amounts stand in
 * rows or columns named with budget words or carry subject codes (an unrecognised 收支总表 does;
 * CSS, share counters and 建筑垃圾产生量 do not).
 */
export function readsAsBudgetTable(table: ExtractedTableRecord, items: readonly LineItem[]): boolean {
  if (table.table_kind !== 'other') return true;
  if (items.length === 0) return false;
  const worded = items.filter(
    (it) =>
      it.subject_code !== '' ||
      it.economic_code !== '' ||
      BUDGET_WORDS.test(`${it.table_title} ${it.row_label} ${it.column_label}`),
  );
  return worded.length * 2 >= items.length;
}

export function failureOf(
  doc: Pick<CanonicalDocument, 'status' | 'problems' | 'message'>,
): DocumentClass | undefined {
  if (doc.status !== 'failed') return undefined;
  const codes = new Set(doc.problems.map((p) => p.code));
  if (codes.has('extraction-stopped') && TIME_LIMIT.test(doc.message)) return 'timeout';
  if ([...codes].some((c) => CRASH_CODES.has(c))) return 'crash';
  if ([...codes].some((c) => NOT_BUDGET_CODES.has(c)) || /not a budget/i.test(doc.message))
    return 'not-budget';
  return 'unreadable';
}

export function classifyDocument(doc: CanonicalDocument): DocumentClass {
  const failure = failureOf(doc);
  if (failure) return failure;
  const itemsOf = new Map<number, LineItem[]>();
  for (const it of doc.line_items) {
    const list = itemsOf.get(it.table_index);
    if (list) list.push(it);
    else itemsOf.set(it.table_index, [it]);
  }
  const budgetTables = doc.tables.filter((t) => readsAsBudgetTable(t, itemsOf.get(t.table_index) ?? []));
  if (budgetTables.length === 0 && (doc.prose_amounts ?? []).length === 0) return 'not-budget';
  const core = coreKindsFound(doc);
  const amountTables = budgetTables.filter(
    (t) => t.line_item_count > 0 && !PERFORMANCE_KINDS.has(t.table_kind),
  );
  const isReport =
    core.length >= REPORT_MIN_TABLES ||
    core.includes('income_expense_summary') ||
    amountTables.length >= REPORT_MIN_TABLES;
  return isReport ? 'report' : 'extract';
}
