/**
 * Converters leave HTML fragments (`<p>`, `<b>`, `&gt;`), markdown emphasis and inline LaTeX
 * (`$\geq 4$`) in cells. These functions remove the markup and keep the text.
 */

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ge: '≥',
  le: '≤',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  middot: '·',
  times: '×',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  yen: '¥',
};

const LATEX_SYMBOLS: Readonly<Record<string, string>> = {
  geq: '≥',
  ge: '≥',
  leq: '≤',
  le: '≤',
  neq: '≠',
  times: '×',
  '%': '%',
  approx: '≈',
  pm: '±',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body.startsWith('#x') || body.startsWith('#X'))
      return safeCodePoint(Number.parseInt(body.slice(2), 16), whole);
    if (body.startsWith('#')) return safeCodePoint(Number.parseInt(body.slice(1), 10), whole);
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

function safeCodePoint(code: number, fallback: string): string {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : fallback;
}

/** `$\geq 4$` → `≥ 4`; only short inline math is rewritten, dollar amounts in prose are left alone. */
export function replaceInlineLatex(text: string): string {
  return text.replace(/\$([^$\n]{1,40})\$/g, (whole, body: string) => {
    if (!body.includes('\\')) return whole;
    return body.replace(/\\([a-zA-Z]+|%)/g, (cmd, name: string) => LATEX_SYMBOLS[name] ?? cmd).trim();
  });
}

const TAG = /<\/?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?\/?>/g;
const BOLD = /<(?:b|strong)\b[^<>]*>|\*\*/i;

export function hasBoldMarkup(raw: string): boolean {
  return BOLD.test(raw);
}

/** Removes tags, entities, emphasis markers and inline LaTeX; does not touch whitespace. */
export function stripMarkup(raw: string): string {
  if (!/[<&$*]/.test(raw)) return raw;
  return decodeEntities(replaceInlineLatex(raw.replace(TAG, ' ').replace(/\*\*/g, '')));
}
