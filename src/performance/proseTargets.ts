import type { Cell, Provenance } from '../model.ts';
import { cleanCellText } from '../normalize/cellText.ts';
import { parseTarget, type TargetReading } from './target.ts';
import { isLevelWord } from './vocabulary.ts';

/**
 * Indicators written as prose inside one cell:
 * - numbered items (Guangzhou): `1、效益指标：广州国际影响力，年度指标值：不断提升；2、产出指标：…`;
 * - numbered items with coded levels (Guangzhou 2026):
 *   `1、1-产出指标；11-数量指标；汇聚数据量；实施周期指标值:≥10亿条；年度指标值:≥10亿条。`;
 * - sentences with numeric targets (Shenzhen key projects): `…信息产品 >=10 期;车辆保障 >=25 辆;…`.
 */

export interface ProseIndicator {
  readonly level1: string;
  readonly level2?: string;
  readonly name: string;
  readonly targetText: string;
  readonly readings: readonly TargetReading[];
  readonly at: Provenance;
}

/** The cleaned text of a (possibly wrapped) cell, and where each piece of it came from. */
interface PlacedText {
  readonly text: string;
  placeOf(offset: number): Provenance;
}

export function placeText(cell: Cell): PlacedText {
  const pieces = cell.pieces ?? [cell];
  const starts: number[] = [];
  let text = '';
  for (const piece of pieces) {
    starts.push(text.length);
    text += cleanCellText(piece.raw);
  }
  return {
    text,
    placeOf(offset: number) {
      let k = 0;
      while (k + 1 < starts.length && (starts[k + 1] ?? Infinity) <= offset) k++;
      return pieces[k]?.at ?? cell.at;
    },
  };
}

const ITEM_START = /(?:^|[；;。])\s*\d{1,2}\s*[、]/g;
const ITEM =
  /^\s*\d{1,2}\s*[、]\s*(?:([^：:，,；;]{2,10}?)\s*[:：])?\s*(.*?)\s*[，,；;]?\s*(?:年度)?(?:指标值|目标值)\s*[:：]\s*(.*?)\s*[；;。.]*\s*$/u;

const CODED_LEVEL = /^\d{1,3}\s*[-－]\s*(\S.*)$/u;
const ANNUAL_TARGET = /^年度(?:指标值|目标值)\s*[:：]\s*(.*)$/u;
const PERIOD_TARGET = /^(?:实施周期|中期|周期)(?:指标值|目标值)\s*[:：]/u;

/**
 * `1、1-产出指标；11-数量指标；汇聚数据量；实施周期指标值:≥10亿条；年度指标值:≥10亿条。`: fields
 * separated by `；`, levels prefixed by their codes; the year's target is the one read.
 */
function readCodedItem(
  text: string,
): { level1: string; level2: string; name: string; targetText: string } | undefined {
  const body = text.replace(/^[；;。\s]*\d{1,2}\s*、\s*/u, '').replace(/[；;。.\s]+$/u, '');
  const fields = body.split(/\s*[；;]\s*/u);
  const levels: string[] = [];
  let name = '';
  let targetText: string | undefined;
  for (const field of fields) {
    const level = CODED_LEVEL.exec(field);
    const word = (level?.[1] ?? '').replace(/\s+/g, '');
    // A code in front makes it a level, so `31-服务对象满意度` counts even without 指标.
    if (level && (isLevelWord(word) || isLevelWord(`${word}指标`))) {
      levels.push(word);
      continue;
    }
    const annual = ANNUAL_TARGET.exec(field);
    if (annual) {
      targetText = annual[1]!.trim();
      continue;
    }
    if (PERIOD_TARGET.test(field)) continue;
    if (name === '') name = field.replace(/[.。]+$/u, '').trim();
  }
  if (levels.length === 0 || targetText === undefined || name === '') return undefined;
  return { level1: levels[0] ?? '', level2: levels[1] ?? '', name, targetText };
}

/** `1、效益指标：广州国际影响力，年度指标值：不断提升；2、…` → one indicator per numbered item. */
export function readNumberedIndicators(cell: Cell): ProseIndicator[] {
  const placed = placeText(cell);
  const starts = [...placed.text.matchAll(ITEM_START)].map(
    (m) => (m.index ?? 0) + (m[0].match(/^[；;。]/) ? 1 : 0),
  );
  const out: ProseIndicator[] = [];
  starts.forEach((start, k) => {
    const end = starts[k + 1] ?? placed.text.length;
    const coded = readCodedItem(placed.text.slice(start, end));
    if (coded) {
      out.push({ ...coded, readings: parseTarget(coded.targetText), at: placed.placeOf(start) });
      return;
    }
    const item = ITEM.exec(placed.text.slice(start, end));
    if (!item) return;
    const head = (item[1] ?? '').trim();
    const level1 = isLevelWord(head) || /指标$/.test(head) ? head : '';
    const name = level1 === '' && head !== '' ? `${head}${item[2] ?? ''}` : (item[2] ?? '').trim();
    const targetText = (item[3] ?? '').trim();
    if (name === '' || targetText === '') return;
    out.push({ level1, name, targetText, readings: parseTarget(targetText), at: placed.placeOf(start) });
  });
  return out;
}

const SEGMENT_TARGET =
  /^(.*?[\p{Script=Han}A-Za-z)）])\s*((?:≥|≤|>=|<=|>|<|=|＞|＜|≧|≦)?\s*\d+(?:\.\d+)?\s*(?:%|[\p{Script=Han}]{1,3})?)$/u;

/**
 * Sentences with numeric targets: each `;`-separated segment that ends in a number (with its
 * operator and unit) is an indicator named by the words before the number. Clauses without a
 * number (`车辆保障及时`) are left as prose.
 */
export function readSentenceIndicators(cell: Cell): ProseIndicator[] {
  const placed = placeText(cell);
  const out: ProseIndicator[] = [];
  let offset = 0;
  for (const segment of placed.text.split(/[;；]/)) {
    const segmentStart = offset;
    offset += segment.length + 1;
    const trimmed = segment.replace(/[。，,.、\s]*$/u, '').replace(/等$/u, '');
    const clause = trimmed.slice(trimmed.lastIndexOf('。') + 1).replace(/^[，,、\s]+/u, '');
    const match = SEGMENT_TARGET.exec(clause);
    if (!match) continue;
    const name = (match[1] ?? '').trim();
    const targetText = (match[2] ?? '').replace(/\s+/g, ' ').trim();
    if (!/\p{Script=Han}/u.test(name)) continue;
    const at = placed.placeOf(segmentStart + segment.indexOf(clause.slice(0, 4)));
    out.push({ level1: '', name, targetText, readings: parseTarget(targetText), at });
  }
  return out;
}
