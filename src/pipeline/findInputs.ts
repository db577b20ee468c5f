import { createHash } from 'node:crypto';
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { basename, extname, join, relative } from 'node:path';

/**
 * Finds the input files under the given files and folders: recursive, hidden files skipped,
 * symlink loops broken, each file once, in a stable order. The document id is the file name
 * without its extension (made unique when two folders hold the same name).
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
  const name = basename(path);
  const ext = extname(name);
  const stem = ext.length > 0 && ext.length < name.length ? name.slice(0, -ext.length) : name;
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

async function walk(path: string, seen: Set<string>, out: string[], problems: string[]): Promise<void> {
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
    out.push(path);
    return;
  }
  if (!info.isDirectory()) return;
  const entries = (await readdir(real)).filter((e) => !SKIP.test(e)).sort();
  for (const entry of entries) {
    const child = join(path, entry);
    const link = await lstat(child).catch(() => undefined);
    if (!link) continue;
    await walk(child, seen, out, problems);
  }
}

export async function findInputs(
  paths: readonly string[],
): Promise<{ inputs: InputFile[]; problems: string[] }> {
  const files: string[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const p of paths) await walk(p, seen, files, problems);
  const byId = new Map<string, number>();
  for (const f of files) byId.set(documentIdOf(f), (byId.get(documentIdOf(f)) ?? 0) + 1);
  const inputs = files.map((path) => {
    const id = documentIdOf(path);
    if ((byId.get(id) ?? 0) <= 1) return { path, documentId: id };
    const suffix = createHash('sha256').update(relative('.', path)).digest('hex').slice(0, 8);
    return { path, documentId: `${id}__${suffix}` };
  });
  return { inputs, problems };
}
