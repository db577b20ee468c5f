import type { Block } from '../model.ts';
import { cleanCellText } from '../normalize/cellText.ts';

/**
 * What a reviewer needs to find a value on paper: each page's size (to scale boxes onto a page
 * image) and the page number the page prints (`- 9 -`, `第 9 页`), which is what a reader of the
 * printed document cites — the PDF's page index often runs ahead of it by the cover and contents.
 */

export interface PageInfo {
  readonly page: number;
  readonly width?: number;
  readonly height?: number;
  readonly folio?: string;
}

/** Lines at a page's top and bottom where a folio is printed. */
const EDGE_LINES = 3;

const FOLIO_PATTERNS: readonly RegExp[] = [
  /^[-—－–~]\s*(\d{1,4})\s*[-—－–~]$/u,
  /^第\s*(\d{1,4})\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?$/u,
  /^(\d{1,4})\s*[/／]\s*\d{1,4}$/u,
];

/** The folio a line prints, or undefined when the line is not a page number alone. */
export function folioOf(text: string): string | undefined {
  const line = cleanCellText(text).trim();
  for (const pattern of FOLIO_PATTERNS) {
    const match = pattern.exec(line);
    if (match) return String(Number(match[1]));
  }
  return undefined;
}

function edgeTexts(lines: readonly string[]): string[] {
  if (lines.length <= EDGE_LINES * 2) return [...lines].reverse();
  return [...lines.slice(-EDGE_LINES).reverse(), ...lines.slice(0, EDGE_LINES)];
}

/** A page's last line when it is a bare number (`2`): a folio only if the next or previous page agrees. */
function bareNumberAtFoot(lines: readonly string[]): number | undefined {
  const last = lines.at(-1);
  const text = last === undefined ? '' : cleanCellText(last).trim();
  return /^\d{1,3}$/.test(text) ? Number(text) : undefined;
}

/**
 * Bare numbers at the foot of pages are folios when they count up with the pages: a lone `2` at
 * the foot of one page is too weak alone (an amount, a footnote), `2` then `3` on the next is not.
 */
function countingFeet(feet: ReadonlyMap<number, number | undefined>): Map<number, string> {
  const folios = new Map<number, string>();
  for (const [page, n] of feet) {
    if (n === undefined) continue;
    const next = feet.get(page + 1);
    const previous = feet.get(page - 1);
    if (next === n + 1 || previous === n - 1) folios.set(page, String(n));
  }
  return folios;
}

/** Every page of a paged source, in order, with its size and printed folio when known. */
export function pageInfos(blocks: readonly Block[]): PageInfo[] {
  const pages = new Map<number, { width?: number; height?: number; lines: string[] }>();
  for (const b of blocks) {
    if (b.kind === 'page') {
      const size =
        b.width !== undefined && b.height !== undefined ? { width: b.width, height: b.height } : {};
      pages.set(b.page, { ...size, lines: pages.get(b.page)?.lines ?? [] });
    } else if (b.kind === 'text' && b.at.page !== undefined) {
      pages.get(b.at.page)?.lines.push(b.raw);
    }
  }
  const counted = countingFeet(new Map([...pages].map(([page, p]) => [page, bareNumberAtFoot(p.lines)])));
  return [...pages.entries()]
    .sort(([a], [b]) => a - b)
    .map(([page, p]) => {
      const printed = edgeTexts(p.lines)
        .map(folioOf)
        .find((f) => f !== undefined);
      const folio = printed ?? counted.get(page);
      return {
        page,
        ...(p.width !== undefined && p.height !== undefined ? { width: p.width, height: p.height } : {}),
        ...(folio !== undefined ? { folio } : {}),
      };
    });
}
