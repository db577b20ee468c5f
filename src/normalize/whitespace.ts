/**
 * PDF converters break Chinese text with spaces and newlines wherever a cell wrapped (`合 计`,
 * `一般公共预算 资金`). Whitespace between two Chinese characters is an artefact; elsewhere
 * (`2022 年`, `APEC 卡`) it is collapsed to one space.
 */

const CJK =
  /[\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3200-\u32ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffee“”‘’]/u;

export function isCjkChar(ch: string): boolean {
  return CJK.test(ch);
}

/** A single space between two Chinese characters (looked at as code points, as `CJK` is). */
const CJK_GAP = new RegExp(`(?<=${CJK.source}) (?=${CJK.source})`, 'gu');

export function collapseWhitespace(text: string): string {
  const spaced = text.replace(/[\s\u00a0\u3000\u200b]+/g, ' ').trim();
  // One pass of the engine: building the result a character at a time left a string per character
  // to the garbage collector (most of the time of a 1 MB line).
  return spaced.includes(' ') ? spaced.replace(CJK_GAP, '') : spaced;
}

/** Joins the pieces of a cell wrapped over several lines: Chinese joins without a space. */
export function joinWrappedPieces(pieces: readonly string[]): string {
  return collapseWhitespace(
    pieces
      .map((p) => p.trim())
      .filter((p) => p !== '')
      .join(' '),
  );
}
