import type { Check } from '../../schemas/check.ts';
import type { LineItem } from '../../schemas/lineItem.ts';
import { parseAmount } from '../normalize/amount.ts';
import { absDecimal, compareDecimals, subtractDecimals, toDecimal } from '../normalize/decimal.ts';
import type { CheckInput } from './model.ts';
import { runChecks } from './runChecks.ts';

/**
 * Check-guided repair of OCR misreadings. OCR confuses 0/8/6, 1/7, 3/5/8 and `,`/`.`; a misread
 * amount breaks the sums it is part of by exactly the misreading. Where exactly one amount has
 * exactly one plausible misreading that makes every check it broke pass again, without breaking
 * another, it is changed and marked `repaired` (the text as read kept in original_text). Where
 * two candidates fit, nothing is changed and the checks keep failing.
 */

export const CONFUSIONS: Readonly<Record<string, string>> = {
  '0': '869',
  '1': '74',
  '2': '7',
  '3': '85',
  '4': '1',
  '5': '638',
  '6': '580',
  '7': '12',
  '8': '63509',
  '9': '80',
  ',': '.',
  '.': ',',
};

/** Every text one confusion away from `text`. */
export function confusionsOf(text: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i < text.length; i++) {
    for (const replacement of CONFUSIONS[text[i]!] ?? '') {
      out.add(text.slice(0, i) + replacement + text.slice(i + 1));
    }
  }
  out.delete(text);
  return [...out];
}

export interface Repair {
  readonly item: LineItem;
  readonly value: string;
  readonly fixed: readonly string[];
}

const keyOf = (c: Check) => `${c.check}\u241f${c.scope}`;

function failingKeys(checks: readonly Check[]): Set<string> {
  return new Set(checks.filter((c) => c.status === 'fail').map(keyOf));
}

interface Candidate {
  readonly index: number;
  readonly value: string;
  readonly fixed: string[];
}

export function repairOcrAmounts(
  input: CheckInput,
  checks: readonly Check[],
  maxRounds = 10,
): { lineItems: LineItem[]; checks: Check[]; repairs: Repair[] } {
  const items = [...input.lineItems];
  let current = [...checks];
  const repairs: Repair[] = [];
  for (let round = 0; round < maxRounds; round++) {
    const failing = current.filter((c) => c.status === 'fail');
    if (failing.length === 0) break;
    const before = failingKeys(current);
    const differences = failing.map((c) => ({
      difference: absDecimal(toDecimal(c.difference || '0')),
      tolerance: toDecimal(c.tolerance || '0'),
    }));
    const accepted: Candidate[] = [];
    items.forEach((item, index) => {
      if (item.confidence === undefined || item.status === 'repaired') return;
      const read = item.original_text !== '' ? item.original_text : item.value;
      for (const text of confusionsOf(read)) {
        const reading = parseAmount(text);
        if (reading.kind !== 'amount') continue;
        const change = absDecimal(subtractDecimals(toDecimal(reading.value), toDecimal(item.value)));
        // Only a misreading by exactly what some check is off by can restore it.
        const explains = differences.some(
          (d) => compareDecimals(absDecimal(subtractDecimals(change, d.difference)), d.tolerance) <= 0,
        );
        if (!explains) continue;
        const trial = items.map((it, k) => (k === index ? { ...it, value: reading.value } : it));
        const after = failingKeys(runChecks({ ...input, lineItems: trial }));
        const broken = [...after].some((k) => !before.has(k));
        const fixed = [...before].filter((k) => !after.has(k));
        if (!broken && fixed.length > 0) accepted.push({ index, value: reading.value, fixed });
      }
    });
    // Two candidates for the same broken check: the checks cannot tell which is right.
    const unique = accepted.filter(
      (c) =>
        !accepted.some((o) => o !== c && (o.index === c.index || o.fixed.some((k) => c.fixed.includes(k)))),
    );
    if (unique.length === 0) break;
    for (const c of unique) {
      const item = items[c.index]!;
      const read = item.original_text !== '' ? item.original_text : item.value;
      items[c.index] = { ...item, value: c.value, status: 'repaired', original_text: read };
      repairs.push({ item, value: c.value, fixed: c.fixed });
    }
    current = runChecks({ ...input, lineItems: items });
  }
  return { lineItems: items, checks: current, repairs };
}
