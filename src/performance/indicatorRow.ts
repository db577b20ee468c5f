import { type Cell, DOUBTFUL_CONFIDENCE, type Provenance } from '../model.ts';
import { parseAmount } from '../normalize/amount.ts';
import { cleanCellText } from '../normalize/cellText.ts';
import { type Operator, operatorFromDirection, parseTarget } from './target.ts';
import { isLevel1, isLevel2, isLevelWord, type PerformanceField, splitMergedLevels } from './vocabulary.ts';

/**
 * Reads one row of an indicator grid by anchors rather than by column positions, because converters
 * shift these rows freely (Beijing 预算12表, Shenzhen 表11, Xiamen 十). The anchors are the operator
 * cell (`≥`, `大于等于`, `定性`) where the grid has one, else the target as the last cell; the
 * indicator name stands just before it, level words before the name, and the project part (project
 * or task name, amounts, goal text) before the levels.
 */

export interface FilledCell {
  readonly text: string;
  readonly column: number;
  readonly at: Provenance;
}

export interface IndicatorRowReading {
  readonly project: FilledCell | undefined;
  readonly amounts: readonly FilledCell[];
  readonly goal: FilledCell | undefined;
  readonly level1: string | undefined;
  readonly level2: string | undefined;
  /** Absent when the row holds no indicator (a project row without one, or a row cut short). */
  readonly indicator:
    | {
        readonly name: FilledCell;
        readonly operator: Operator;
        readonly value: string;
        readonly unit: string;
        readonly targetText: string;
        /** A range gives a second bound. */
        readonly more: readonly {
          readonly operator: Operator;
          readonly value: string;
          readonly unit: string;
        }[];
      }
    | undefined;
  /** Level words with no name or target after them: the row was cut and continues below. */
  readonly cutShort: boolean;
  /**
   * Level words with cells after them but no operator among those cells, in a grid that has an
   * operator column (OCR read `≥` as `尹`): an indicator that cannot be read, whose target number
   * is not an amount either.
   */
  readonly unreadOperator?: FilledCell | undefined;
  readonly extraTexts: readonly FilledCell[];
  readonly extraAmounts: readonly FilledCell[];
}

export function filledCells(cells: readonly Cell[]): FilledCell[] {
  const out: FilledCell[] = [];
  cells.forEach((cell, column) => {
    const text = cleanCellText(cell.raw);
    if (text !== '') out.push({ text, column, at: cell.at });
  });
  return out;
}

function isAmount(text: string): boolean {
  return parseAmount(text).kind === 'amount';
}

function isShortUnit(text: string): boolean {
  return text.length <= 8 && !isAmount(text) && !/[，。；]/.test(text);
}

export interface RowSchema {
  readonly fields: ReadonlySet<PerformanceField>;
  /** Target columns side by side (`实施周期指标值 | 年度指标值`); the last one is the year's target. */
  readonly valueColumns?: number;
  /**
   * Grid columns of the operator and of the (year's) target, when the header names them. Only
   * consulted when a row has no readable operator: the rows themselves are read by anchors.
   */
  readonly operatorColumn?: number;
  readonly valueColumn?: number;
}

function looksLikeTarget(text: string): boolean {
  return parseTarget(text).some((t) => t.operator !== 'qualitative');
}

export function readIndicatorRow(cells: readonly FilledCell[], schema: RowSchema): IndicatorRowReading {
  const hasOperator = schema.fields.has('operator');
  let anchor = -1;
  if (hasOperator) anchor = cells.findIndex((c, i) => i > 0 && operatorFromDirection(c.text) !== undefined);

  let nameIndex: number;
  let targetIndex: number;
  let afterTarget: number;
  if (anchor > 0) {
    nameIndex = anchor - 1;
    targetIndex = anchor;
    afterTarget = anchor + 1;
  } else {
    // No operator cell: the target is the last cell that is not an extra (amount, source) cell.
    let last = cells.length - 1;
    while (
      last > 0 &&
      isAmount(cells[last]!.text) &&
      schema.fields.has('amount') &&
      !schema.fields.has('value')
    )
      last--;
    targetIndex = last;
    nameIndex = last - 1;
    // Earlier target columns (the whole period's) stand between the name and the year's target.
    for (
      let k = 1;
      k < (schema.valueColumns ?? 1) && nameIndex > 0 && looksLikeTarget(cells[nameIndex]!.text);
      k++
    )
      nameIndex--;
    afterTarget = last + 1;
  }

  // Level words directly before the name.
  let levelStart = nameIndex;
  let level1: string | undefined;
  let level2: string | undefined;
  if (nameIndex >= 1 && isLevel2(cells[nameIndex - 1]!.text)) {
    level2 = cells[nameIndex - 1]!.text;
    levelStart = nameIndex - 1;
  }
  if (levelStart >= 1 && isLevel1(cells[levelStart - 1]!.text)) {
    level1 = cells[levelStart - 1]!.text;
    levelStart -= 1;
  }

  const nameCell = cells[nameIndex];
  const targetCell = cells[targetIndex];
  let cutShort = false;
  const firstLevelWord = cells.findIndex((c) => isLevelWord(c.text));
  const lastLevelWord = cells.findLastIndex((c) => isLevelWord(c.text));
  const operatorCell = cells.findIndex((c) => c.column === schema.operatorColumn);
  const operatorSlot =
    operatorCell > 0 ? operatorCell : cells.findIndex((c) => c.column === schema.valueColumn);
  let unreadOperator: FilledCell | undefined;
  let indicator: IndicatorRowReading['indicator'];
  // In a grid with an operator column, a row without an operator cell holds no complete indicator.
  const canHold = !hasOperator || anchor > 0;
  if (
    canHold &&
    nameCell &&
    targetCell &&
    nameIndex >= 0 &&
    !isLevelWord(nameCell.text) &&
    !isLevelWord(targetCell.text)
  ) {
    // A stray ASCII full stop after a Chinese name (`汇聚数据数量.`) is a typing slip, not part of it.
    let name = /\p{Script=Han}\.$/u.test(nameCell.text)
      ? { ...nameCell, text: nameCell.text.slice(0, -1) }
      : nameCell;
    const merged = splitMergedLevels(nameCell.text);
    if (merged) {
      level1 ??= merged.level1;
      level2 ??= merged.level2;
      name = { ...nameCell, text: merged.name };
    }
    if (anchor > 0) {
      const operator = operatorFromDirection(targetCell.text) ?? '=';
      // A quantitative operator is followed by its number; a mark between them, or what OCR
      // doubted (`:`, `国 国` for specks in the blank cells between 指标性质 and 指标值), is passed over.
      const between = cells[anchor + 1];
      const skip =
        operator !== 'qualitative' &&
        between &&
        !isAmount(between.text) &&
        isAmount(cells[anchor + 2]?.text ?? '') &&
        (!/\p{Script=Han}/u.test(between.text) || (between.at.confidence ?? 100) < DOUBTFUL_CONFIDENCE)
          ? 1
          : 0;
      const valueCell = cells[anchor + 1 + skip];
      const unitCell = cells[anchor + 2 + skip];
      const valueText = valueCell?.text ?? '';
      const numeric = parseAmount(valueText);
      const hasUnit =
        operator !== 'qualitative' &&
        unitCell !== undefined &&
        schema.fields.has('unit') &&
        isShortUnit(unitCell.text);
      afterTarget = anchor + skip + (valueCell ? 2 : 1) + (hasUnit ? 1 : 0);
      if (operator === 'qualitative' || numeric.kind !== 'amount') {
        indicator = { name, operator: 'qualitative', value: '', unit: '', targetText: valueText, more: [] };
      } else {
        const unit = hasUnit ? unitCell!.text : '';
        indicator = {
          name,
          operator,
          value: numeric.value,
          unit,
          targetText: `${targetCell.text}${valueText}${unit}`,
          more: [],
        };
      }
    } else {
      const [first, ...more] = parseTarget(targetCell.text);
      indicator = {
        name,
        operator: first?.operator ?? 'qualitative',
        value: first?.value ?? '',
        unit: first?.unit ?? '',
        // The cell's closing 。 ends the sentence, it is not part of the target.
        targetText: targetCell.text.replace(/[。；;]+$/u, ''),
        more,
      };
    }
  } else if (hasOperator && anchor <= 0 && operatorSlot > 0) {
    // The operator's own column holds something unreadable, or the target column a value with no
    // operator before it: the name stands before the operator's place.
    levelStart = operatorSlot - 1;
    if (levelStart >= 1 && isLevel2(cells[levelStart - 1]!.text)) {
      levelStart -= 1;
      level2 = cells[levelStart]!.text;
    }
    if (levelStart >= 1 && isLevel1(cells[levelStart - 1]!.text)) {
      levelStart -= 1;
      level1 = cells[levelStart]!.text;
    }
    unreadOperator = cells[operatorSlot];
  } else if (hasOperator && anchor <= 0 && firstLevelWord >= 0 && cells.length - lastLevelWord > 2) {
    levelStart = firstLevelWord;
    level1 = cells.slice(firstLevelWord).find((c) => isLevel1(c.text))?.text;
    level2 = cells.slice(firstLevelWord).find((c) => isLevel2(c.text))?.text;
    // A name and more after the level words: the cell after the name is where the operator stands.
    unreadOperator = cells[lastLevelWord + 2];
  } else if (
    cells.slice(Math.max(0, levelStart)).some((c) => isLevelWord(c.text)) ||
    (nameCell && isLevelWord(nameCell.text))
  ) {
    cutShort = true;
    // The row ends in level words: everything before them is the project part.
    levelStart = cells.findIndex((c) => isLevelWord(c.text));
    const l1 = cells.find((c) => isLevel1(c.text));
    const l2 = cells.find((c) => isLevel2(c.text));
    level1 = l1?.text;
    level2 = l2?.text;
  } else {
    // No indicator at all: the whole row is the project part.
    levelStart = cells.length;
  }

  const head = cells.slice(0, Math.max(0, levelStart));
  const amounts = head.filter((c) => isAmount(c.text));
  const texts = head.filter((c) => !isAmount(c.text));
  const tail = indicator ? cells.slice(afterTarget) : [];
  return {
    project: texts[0],
    amounts,
    goal: texts[1],
    level1,
    level2,
    indicator,
    cutShort,
    unreadOperator,
    extraTexts: tail.filter((c) => !isAmount(c.text)),
    extraAmounts: tail.filter((c) => isAmount(c.text)),
  };
}
