import { parseAmount } from '../normalize/amount.ts';
import { collapseWhitespace } from '../normalize/whitespace.ts';

/**
 * A list of priced items written in one field (`1.传真机 2台 2800 元 2.扫描仪 3台 4200元 … 合计：127400元`),
 * as 2019 Shenzhen forms print their 采购品目. Each item is an amount of the form.
 */

export interface PricedItem {
  /** `1.传真机 2台`, or `合计` for the list's total. */
  readonly label: string;
  readonly value: string;
  /** Offset of the amount in the text, to place it. */
  readonly offset: number;
  readonly printed: string;
}

const ITEM = /(\d+\s*[.．、]\s*\S.*?)\s*(\d[\d,]*(?:\.\d+)?)\s*元/gu;
const TOTAL = /合计\s*[:：]?\s*(\d[\d,]*(?:\.\d+)?)\s*元/u;

export function readPricedList(text: string): PricedItem[] {
  const out: PricedItem[] = [];
  const total = TOTAL.exec(text);
  const body = total ? text.slice(0, total.index) : text;
  for (const m of body.matchAll(ITEM)) {
    const reading = parseAmount(m[2] ?? '');
    if (reading.kind !== 'amount') continue;
    out.push({
      label: collapseWhitespace(m[1] ?? ''),
      value: reading.value,
      offset: (m.index ?? 0) + m[0].lastIndexOf(m[2] ?? ''),
      printed: m[2] ?? '',
    });
  }
  if (total) {
    const reading = parseAmount(total[1] ?? '');
    if (reading.kind === 'amount')
      out.push({
        label: '合计',
        value: reading.value,
        offset: total.index + total[0].indexOf(total[1] ?? ''),
        printed: total[1] ?? '',
      });
  }
  return out;
}
