import { parseAmount } from '../normalize/amount.ts';
import { cleanCellText, labelKey } from '../normalize/cellText.ts';
import { readSubjectCode } from '../normalize/subjectCode.ts';
import type { RawRow } from './rawTable.ts';

/**
 * What each grid column holds, decided from its header vocabulary and its body cells:
 * `label` (row labels, left of the amounts), `code` (科目编码), `amount`, `text` (prose right of the
 * amounts, such as 绩效目标), `skip` (行次, 序号).
 */
export type ColumnRole = 'label' | 'code' | 'amount' | 'text' | 'skip';

const CODE_HEADER = /编码|代码|科目号/;
const SKIP_HEADER = /^(?:行次|栏次|序号|编号)$/;
/** Headers of columns whose numbers are never amounts (targets, units, years), whatever the cells hold. */
const NON_AMOUNT_HEADER =
  /指标|目标值|指标值|方向|性质|度量单位|计量单位|来源|投入计划|实施期限|期限|年度$|^年度|^年份/;
const PERCENT_HEADER = /[%％]|百分比|增长率|完成率/;
const QUOTA_AMOUNT_HEADER = /指标(?:结余|余额|金额)$/;
/**
 * Headers of prose columns: text right of or between the labels, never part of a row label; a
 * procurement table's 数量 (a count of items, no money) too.
 */
const TEXT_HEADER =
  /主要内容|绩效目标|总体目标|说明|备注|投入计划|资金使用范围|涉及项目|实施内容|用途|依据|^数量$|^采购数量$/;
/** Headers that name amounts even when they also contain a non-amount word (`项目支出`, `单位资金`). */
const AMOUNT_HEADER =
  /支出|收入|资金|拨款|金额|合计|小计|总计|总额|预算数|决算数|经费|费用|费$|结转|结余|数$/;

/** A column of unit numbers (单位编码 `201`, `201001`): codes of organisations, never of subjects. */
export function isUnitCodeHeader(path: readonly string[]): boolean {
  return /^(?:预算)?单位(?:编码|代码)$/u.test(labelKey(path[path.length - 1] ?? ''));
}

export interface ColumnStats {
  readonly amounts: number;
  readonly texts: number;
  readonly bareCodes: number;
}

export function columnStats(body: readonly RawRow[], c: number): ColumnStats {
  let amounts = 0;
  let texts = 0;
  let bareCodes = 0;
  for (const row of body) {
    const raw = row.cells[c]?.raw ?? '';
    const reading = parseAmount(raw);
    if (reading.kind === 'amount') {
      amounts++;
      if (readSubjectCode(cleanCellText(raw))) bareCodes++;
    } else if (reading.kind === 'text') {
      texts++;
    }
  }
  return { amounts, texts, bareCodes };
}

function headerRole(path: readonly string[]): ColumnRole | 'non-amount' | undefined {
  const last = labelKey(path[path.length - 1] ?? '');
  const all = labelKey(path.join('/'));
  if (SKIP_HEADER.test(last)) return 'skip';
  if (CODE_HEADER.test(last) && !/名称/.test(last)) return 'code';
  // 科目编码 split over three columns: 类 | 款 | 项 (Shanghai 决算).
  if (/^(?:类|款|项)$/.test(last) && (CODE_HEADER.test(all) || /科目/.test(all))) return 'code';
  // `决算数为年初预算数的%`: a percentage column names amounts but holds none.
  if (PERCENT_HEADER.test(last)) return 'non-amount';
  // `指标结余`, `指标余额`: money left of a budget quota (预算指标), not a performance indicator.
  if (QUOTA_AMOUNT_HEADER.test(last)) return undefined;
  if (AMOUNT_HEADER.test(last) && !/指标|目标值|名称|编码/.test(last)) return undefined;
  if (TEXT_HEADER.test(last)) return 'text';
  if (NON_AMOUNT_HEADER.test(last) || (last === '' && NON_AMOUNT_HEADER.test(all))) return 'non-amount';
  // Otherwise the cells decide: `…政府采购项目` heads amounts, `项目` heads labels.
  return undefined;
}

const NAME_HEADER = /名称|^项目$|科目$/;

/**
 * A second label column right of amounts (Jiangsu's `功能科目名称 | 金额 | 项目名称 | 金额`): followed by an
 * amount column, and headed as a name or heading a repeat of an earlier amount column.
 */
function namesTheAmountsRightOfIt(
  paths: readonly (readonly string[])[],
  roles: readonly (ColumnRole | 'non-amount')[],
  c: number,
): boolean {
  const offset = roles.slice(c + 1).findIndex((role) => role !== 'skip');
  if (offset < 0 || roles[c + 1 + offset] !== 'amount') return false;
  if (NAME_HEADER.test(labelKey(paths[c]?.[paths[c]!.length - 1] ?? ''))) return true;
  // `部门预算支出 | 预算金额 | 收入来源 | 预算金额`: the amount header repeats, so this column heads a second pair.
  const amountHeader = (paths[c + 1 + offset] ?? []).join('/');
  return (
    amountHeader !== '' &&
    paths.slice(0, c).some((p, i) => roles[i] === 'amount' && p.join('/') === amountHeader)
  );
}

export function assignColumnRoles(
  paths: readonly (readonly string[])[],
  allBody: readonly RawRow[],
): ColumnRole[] {
  // Rows with amounts decide what the columns hold; a prose row below a form's amount block
  // (`整体绩效目标 | 2026年，…`) must not turn an amount column into text.
  const withAmounts = allBody.filter((r) => r.cells.some((c) => parseAmount(c.raw).kind === 'amount'));
  const body = withAmounts.length > 0 ? withAmounts : allBody;
  const leaves = paths.map((p) => labelKey(p[p.length - 1] ?? ''));
  // `类 | 款 | 项` side by side is a 科目编码 split over three columns, with or without 科目编码 above.
  const splitCode = (c: number) =>
    ['类', '款', '项'].some((_, start) =>
      ['类', '款', '项'].every((word, k) => leaves[c - start + k] === word),
    );
  const provisional: (ColumnRole | 'non-amount')[] = paths.map((path, c) => {
    if (splitCode(c)) return 'code';
    const byHeader = headerRole(path);
    if (byHeader === 'skip' || byHeader === 'code' || byHeader === 'non-amount' || byHeader === 'text')
      return byHeader;
    const stats = columnStats(body, c);
    // A column of bare subject codes with no header saying otherwise is a code column.
    if (stats.amounts > 0 && stats.bareCodes === stats.amounts && stats.texts === 0 && path.length === 0) {
      return 'code';
    }
    if (stats.amounts > 0 && stats.texts <= stats.amounts / 10) return 'amount';
    // An empty column is an amount column when its header names an amount (a table with no data yet).
    if (stats.amounts === 0 && stats.texts === 0)
      return AMOUNT_HEADER.test(labelKey(path.join('/'))) ? 'amount' : 'skip';
    return 'non-amount';
  });
  const filledAmount = provisional.findIndex(
    (role, c) => role === 'amount' && columnStats(body, c).amounts > 0,
  );
  const firstAmount = filledAmount >= 0 ? filledAmount : provisional.indexOf('amount');
  return provisional.map((role, c) => {
    if (role !== 'non-amount') return role;
    if (firstAmount < 0 || c < firstAmount) return 'label';
    return namesTheAmountsRightOfIt(paths, provisional, c) ? 'label' : 'text';
  });
}
