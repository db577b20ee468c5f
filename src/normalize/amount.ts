import { stripMarkup } from './markup.ts';

/**
 * The reading of one table cell as an amount. `blank` is "no value" (empty or a dash placeholder);
 * `amount` keeps the printed digits exactly; anything else is `text`.
 */
export type AmountReading =
  | { readonly kind: 'blank' }
  | { readonly kind: 'amount'; readonly value: string; readonly scale: number; readonly printed: string }
  | { readonly kind: 'text' };

const BLANK: AmountReading = { kind: 'blank' };
const TEXT: AmountReading = { kind: 'text' };

/** Dash-like placeholders that tables print for "no value". */
const PLACEHOLDER = /^[-—–－―‐‑]{1,3}$/;
/** Thousands groups must be well formed: `8,785`, `10,018.162211`; `1,2345` is not an amount. */
const AMOUNT = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;
const MINUS_SIGNS = /^[−–—－]/;

/**
 * Normalises the characters of a printed number without touching its digits: full-width digits and
 * separators (`１，２３４．５６`) and the minus sign variants. Inner spaces are not removed: `1 074` could
 * be two numbers, and a value must always be a reading of the printed characters.
 */
export function normalizeNumberText(raw: string): string {
  return raw.normalize('NFKC').trim().replace(MINUS_SIGNS, '-');
}

const WRAPPED = /^([+-]?[\d,]*[.,]\d*)\s+([\d,.]+)$/;

/**
 * A formatted number wrapped inside its narrow cell: `143,999.0` with `0` on the line below,
 * `1,234,` / `567.00`. Only a first piece with a separator in it is taken as a number cut short
 * (`1 074` may be two numbers); after a decimal point only digits may follow, and the joined
 * pieces must be one well-formed amount.
 */
function unwrapNumber(text: string): string | undefined {
  const m = WRAPPED.exec(text);
  if (!m) return undefined;
  const [, head = '', tail = ''] = m;
  if (head.includes('.') && !/^\d{1,4}$/.test(tail)) return undefined;
  const joined = `${head}${tail}`;
  return AMOUNT.test(joined) ? joined : undefined;
}

/** Reads a cell as an exact amount. Never rounds, never converts through a float. */
export function parseAmount(raw: string): AmountReading {
  // Most cells of a wide grid are empty, and the tables ask about each cell several times.
  if (raw === '') return BLANK;
  const printed = normalizeNumberText(stripMarkup(raw));
  if (printed === '') return BLANK;
  if (PLACEHOLDER.test(printed)) return BLANK;
  const text = unwrapNumber(printed) ?? printed;
  const match = AMOUNT.exec(text);
  if (!match) return TEXT;
  const [, sign = '', whole = '', fraction] = match;
  const digits = whole.replace(/,/g, '');
  const value = `${sign === '-' ? '-' : ''}${digits}${fraction === undefined ? '' : `.${fraction}`}`;
  return { kind: 'amount', value, scale: fraction?.length ?? 0, printed: raw.trim() };
}

const AMOUNT_WITH_UNIT = /^(.*?\d)\s*(万元|元)[。.]?$/;

/** Reads `621.70万元`-style form cells: an amount followed by its unit. */
export function parseAmountWithUnit(
  raw: string,
): { readonly value: string; readonly scale: number; readonly unit: '万元' | '元' } | undefined {
  const text = stripMarkup(raw).trim();
  const match = AMOUNT_WITH_UNIT.exec(text);
  if (!match) return undefined;
  const reading = parseAmount(match[1] ?? '');
  if (reading.kind !== 'amount') return undefined;
  return { value: reading.value, scale: reading.scale, unit: match[2] === '元' ? '元' : '万元' };
}
