import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { type GoldRow, readCsv } from '../gold.ts';

/**
 * Blind gold of a real crawl: `<goldDir>/<city-folder>/<file name without extension>.line_items.csv`,
 * and `<goldDir>/heldout.txt` naming the held-out ones (`<city-folder>/<stem>` a line). A gold file
 * belongs to the document whose source path ends with the same folder and file stem, whatever the
 * document's id.
 */

const SUFFIX = '.line_items.csv';

export interface CrawlGold {
  /** `<city-folder>/<stem>`, `/`-separated. */
  readonly key: string;
  readonly path: string;
  readonly heldOut: boolean;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : e.isFile() ? [join(dir, e.name)] : [],
  );
}

/** The held-out keys listed in `heldout.txt` (blank lines and `#` comments ignored). */
export function parseHeldOut(text: string): Set<string> {
  return new Set(
    text
      .split(/\r?\n/)
      .map((line) =>
        line
          .replace(/#.*/, '')
          .trim()
          .replace(/\.pdf$/i, ''),
      )
      .filter((line) => line !== ''),
  );
}

export function findCrawlGold(goldDir: string): CrawlGold[] {
  if (!existsSync(goldDir)) return [];
  const heldOutPath = join(goldDir, 'heldout.txt');
  const heldOut = existsSync(heldOutPath) ? parseHeldOut(readFileSync(heldOutPath, 'utf8')) : new Set();
  return filesUnder(goldDir)
    .filter((path) => path.endsWith(SUFFIX))
    .map((path) => {
      const key = relative(goldDir, path).split(sep).join('/').slice(0, -SUFFIX.length);
      return { key, path, heldOut: heldOut.has(key) };
    })
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

export function readCrawlGold(gold: CrawlGold): GoldRow[] {
  return readCsv(gold.path);
}

/** The path's segments with the file's last extension removed (`a/b/c.pdf` → a, b, c). */
function stemSegments(path: string): string[] {
  const segments = path.split(/[\\/]+/).filter((s) => s !== '' && s !== '.');
  const last = segments.pop() ?? '';
  const dot = last.lastIndexOf('.');
  return [...segments, dot > 0 ? last.slice(0, dot) : last];
}

/** Whether a document's source path is the one a gold key names (same trailing folders and stem). */
export function sourceMatches(goldKey: string, sourceFile: string): boolean {
  const want = goldKey.split('/');
  const have = stemSegments(sourceFile);
  if (have.length < want.length) return false;
  return want.every((segment, i) => have[have.length - want.length + i] === segment);
}

/**
 * Gold key → the source file it scores, or why none: no document of the dump, or several (two
 * files `a.pdf` and `a.html` in one folder) — never a guess.
 */
export function matchGold(
  golds: readonly CrawlGold[],
  sources: readonly string[],
): Map<string, { source?: string; problem?: string }> {
  const out = new Map<string, { source?: string; problem?: string }>();
  for (const gold of golds) {
    const found = sources.filter((s) => sourceMatches(gold.key, s));
    if (found.length === 1) out.set(gold.key, { source: found[0]! });
    else if (found.length === 0) out.set(gold.key, { problem: 'no document of the dump has this source' });
    else out.set(gold.key, { problem: `${found.length} documents match: ${found.join(', ')}` });
  }
  return out;
}
