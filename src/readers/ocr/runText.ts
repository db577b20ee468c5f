/**
 * Misreadings of OCR that the printed text itself corrects, whatever the engine: each rewrites a
 * reading no budget page prints into the one it stands for, and leaves every other text alone.
 */

/**
 * The character 一 is one stroke, and OCR reads it as a dash now and then (`2010302-—般行政管理事务`).
 * A lone dash before a Chinese character, where a word starts (the run's start, after a code's
 * separator or a mark) or inside one (after another character), is 一: no label prints a dash
 * there. An ASCII hyphen between characters (`科目-不含`) is left alone.
 */
export function withOneForDash(text: string): string {
  return text.replace(/(^|[\p{Script=Han}\s\-:：、.．（(])[—─](?=\p{Script=Han})/gu, '$1一');
}

/**
 * A thousands comma read as a point (`3.324.404311`): a number has one decimal point, so points
 * that each stand before exactly three digits, with the decimals' point after them, are commas.
 * A last group of three digits says nothing of which point is the decimal one (`1.234.567` is
 * 1,234.567 or 1,234,567 in 元): such a reading is left as it is.
 */
export function withThousandsPoints(text: string): string {
  return text.replace(
    /(?<![\d.,A-Za-z])(\d{1,3})((?:\.\d{3})+)(\.(?:\d{1,2}|\d{4,}))(?![\d.,A-Za-z])/gu,
    (_, head: string, groups: string, decimals: string) => `${head}${groups.replace(/\./gu, ',')}${decimals}`,
  );
}

/**
 * The digit 0 read as the letter O (a lone `0` in an amounts column came out `O`, and the row lost
 * its amount). A group of digits, separators and O's with no Latin letter or digit beside it — a
 * lone `O`, or `1,2O4.5` — is a number: its O's are 0's. A word of letters (`OO`, `CO2`, `No`) is
 * left as it is.
 */
export function withZeroForLetterO(text: string): string {
  return text.replace(/(?<![A-Za-z\d.,])[\dOo][\d.,Oo]*(?![A-Za-z\d.,])/gu, (group) =>
    /[Oo]/u.test(group) && (/^[Oo]$/u.test(group) || /\d/u.test(group))
      ? group.replace(/[Oo]/gu, '0')
      : group,
  );
}

/** A run's text as the page prints it. */
export function correctedRunText(text: string): string {
  return withThousandsPoints(withZeroForLetterO(withOneForDash(text)));
}
