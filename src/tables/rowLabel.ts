import type { Cell } from '../model.ts';
import { cleanLabel } from '../normalize/cellText.ts';
import { readSubjectCode, splitCodedLabel } from '../normalize/subjectCode.ts';

/** The row label and the codes printed in a row's label cells. */
export interface RowLabel {
  readonly label: string;
  readonly subjectCode: string;
  readonly economicCode: string;
  readonly govEconomicCode: string;
}

/**
 * Joins the label cells of a row with ` / `, splitting 科目编码 off into the code fields:
 * `2010301-行政运行 | 50101-工资奖金津补贴 | 30101-基本工资` →
 * `行政运行 / 工资奖金津补贴 / 基本工资`, 2010301, 30101 (部门), 50101 (政府).
 */
export function readRowLabel(cells: readonly Cell[], codeColumns: ReadonlySet<number> = new Set()): RowLabel {
  const parts: string[] = [];
  let subjectCode = '';
  let economicCode = '';
  let govEconomicCode = '';
  cells.forEach((cell, i) => {
    const text = cleanLabel(cell.raw);
    if (text === '') return;
    const coded = codeColumns.has(i)
      ? { code: readSubjectCode(text), name: readSubjectCode(text) ? '' : text }
      : splitCodedLabel(text);
    if (coded.code) {
      if (coded.code.scheme === 'function') subjectCode = coded.code.code;
      else if (coded.code.scheme === 'economic') economicCode = coded.code.code;
      else govEconomicCode = coded.code.code;
    }
    if (coded.name !== '') parts.push(coded.name);
  });
  return {
    label: parts.join(' / '),
    subjectCode,
    economicCode: economicCode || govEconomicCode,
    govEconomicCode,
  };
}
