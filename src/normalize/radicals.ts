/**
 * Some PDF fonts map common characters to CJK radical code points (`⻓` U+2ED3 for `长`,
 * `⻛` U+2EDB for `风`): the text looks right and compares wrong. Kangxi radicals (U+2F00–2FDF)
 * have NFKC decompositions; the CJK Radicals Supplement (U+2E80–2EFF) has none, so its
 * equivalents are listed here. The table was derived from Noto Sans CJK SC, where each of these
 * radicals and its unified ideograph share one glyph (Unicode lists the same pairs in
 * EquivalentUnifiedIdeograph.txt).
 */

const PAIRS =
  '⺂乛⺃乚⺅亻⺉刂⺋㔾⺏尣⺐尢⺒巳⺓幺⺔彑⺕彐⺖忄⺘扌⺙攵⺛旡⺞歺⺟母⺠民⺡氵⺣灬⺤爫⺦丬⺨犭⺭礻⺯糹⺰纟⺱罓⺳㓁⺹耂⺺肀⺾艹⻂衤⻅见⻆角⻈讠⻉贝⻋车⻌辶⻐钅⻑長⻒镸⻓长⻔门⻖阝⻘青⻙韦⻚页⻛风⻜飞⻝食⻟飠⻠饣⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻫斉⻬齐⻮齿⻯竜⻰龙⻱龜⻲亀⻳龟';

const SUPPLEMENT = new Map<string, string>();
for (let i = 0; i + 1 < PAIRS.length; i += 2) SUPPLEMENT.set(PAIRS[i]!, PAIRS[i + 1]!);

const RADICAL = /[\u2e80-\u2eff\u2f00-\u2fdf]/gu;

export function normalizeCjkRadicals(text: string): string {
  if (!/[\u2e80-\u2fdf]/u.test(text)) return text;
  return text.replace(RADICAL, (ch) => SUPPLEMENT.get(ch) ?? ch.normalize('NFKC'));
}
