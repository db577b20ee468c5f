import { createHash } from 'node:crypto';
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, sep } from 'node:path';

/**
 * Finds the input files under the given files and folders: recursive, hidden files skipped,
 * symlink loops broken, each file once, in a stable order. The document id is the file's path
 * below the folder given, without its extension, made a safe file name (`a/report.pdf` →
 * `a_report`; a file given directly or at the top of the folder keeps its bare name), so adding a
 * file never renames another. Only ids that still collide (`x.pdf` beside `x.txt`) keep their
 * extension, and a hash suffix is the last resort.
 */

export interface InputFile {
  readonly path: string;
  readonly documentId: string;
}

const SKIP = /^(?:\.|~\$|Thumbs\.db$|desktop\.ini$)/i;

/** Names Windows reserves whatever the extension (`CON.json` cannot be created there). */
const RESERVED_NAME = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?:\..*)?$/i;
const UNSAFE_CHARACTER = /[\\/:*?"<>|]/;
const hasControlCharacter = (text: string) =>
  [...text].some((ch) => ch.charCodeAt(0) < 0x20 || ch === '\u007f');
/** UTF-8 bytes: file names are limited to 255 bytes, and `__<hash>.json` is appended to some ids. */
const MAX_ID_BYTES = 200;

function truncateToBytes(text: string, max: number): string {
  let out = '';
  let bytes = 0;
  for (const ch of text) {
    bytes += Buffer.byteLength(ch);
    if (bytes > max) break;
    out += ch;
  }
  return out;
}

/**
 * A document id is safe when it can be a file name of the dump on any system: no separators or
 * control characters, no leading dot (`..`, hidden files), no trailing dot or space, not a reserved
 * device name, at most 200 bytes of UTF-8.
 */
export function isSafeDocumentId(id: string): boolean {
  return (
    id.length > 0 &&
    Buffer.byteLength(id) <= MAX_ID_BYTES &&
    !UNSAFE_CHARACTER.test(id) &&
    !hasControlCharacter(id) &&
    !id.startsWith('.') &&
    !/[. ]$/.test(id) &&
    !RESERVED_NAME.test(id)
  );
}

export function documentIdOf(path: string): string {
  return safeId(stemOf(basename(path)));
}

/** The id of a file below an input root: its relative path, separators made `_`. */
export function documentIdBelow(root: string, path: string, keepExtension = false): string {
  const below = relative(root, path).split(sep).join('/');
  const dir = below.includes('/') ? below.slice(0, below.lastIndexOf('/') + 1) : '';
  return safeId(dir + (keepExtension ? basename(path) : stemOf(basename(path))));
}

function stemOf(name: string): string {
  const ext = extname(name);
  return ext.length > 0 && ext.length < name.length ? name.slice(0, -ext.length) : name;
}

function safeId(stem: string): string {
  // Ids become file names of the dump: see isSafeDocumentId.
  const printable = [...stem].map((ch) => (ch.charCodeAt(0) < 0x20 || ch === '\u007f' ? '_' : ch)).join('');
  const safe = truncateToBytes(
    printable
      .replace(/[\\/:*?"<>|]/g, '_')
      .replace(/^\.+/, '_')
      .trim(),
    MAX_ID_BYTES,
  ).replace(/[. ]+$/, '_');
  if (safe === '') return '_';
  return RESERVED_NAME.test(safe) ? `_${safe}` : safe;
}

interface Found {
  readonly root: string;
  readonly path: string;
}

async function walk(
  root: string,
  path: string,
  seen: Set<string>,
  out: Found[],
  problems: string[],
): Promise<void> {
  let real: string;
  try {
    real = await realpath(path);
  } catch (error) {
    problems.push(`${path}: cannot be read (${(error as Error).message})`);
    return;
  }
  if (seen.has(real)) return;
  seen.add(real);
  const info = await stat(real);
  if (info.isFile()) {
    out.push({ root: root === path ? dirname(path) : root, path });
    return;
  }
  if (!info.isDirectory()) return;
  const entries = (await readdir(real)).filter((e) => !SKIP.test(e)).sort();
  for (const entry of entries) {
    const child = join(path, entry);
    const link = await lstat(child).catch(() => undefined);
    if (!link) continue;
    await walk(root, child, seen, out, problems);
  }
}

export async function findInputs(
  paths: readonly string[],
): Promise<{ inputs: InputFile[]; problems: string[] }> {
  const files: Found[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const p of paths) await walk(p, p, seen, files, problems);
  return { inputs: uniqueIds(files), problems };
}

function countIds(ids: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

function uniqueIds(files: readonly Found[]): InputFile[] {
  const plain = files.map((f) => documentIdBelow(f.root, f.path));
  const plainCount = countIds(plain);
  const withExt = files.map((f, i) =>
    (plainCount.get(plain[i]!) ?? 0) > 1 ? documentIdBelow(f.root, f.path, true) : plain[i]!,
  );
  const count = countIds(withExt);
  return files.map(({ path }, i) => {
    const id = withExt[i]!;
    if ((count.get(id) ?? 0) <= 1) return { path, documentId: id };
    // Two roots holding the same relative path, or names that differ only in unsafe characters.
    const suffix = createHash('sha256').update(relative('.', path)).digest('hex').slice(0, 8);
    return { path, documentId: `${id}__${suffix}` };
  });
}
