import { labelKey } from './cellText.ts';

/**
 * Column headings every “三公” table prints, in the words of the national templates. Excel exports
 * clip a heading to its cell (Xi'an 表13 prints `公务用车运行维护` and `因公出国（`, the rest hidden by
 * the cell's edge): a heading that is the start of exactly one of these, four characters or more,
 * is that heading. Two that share a start (`公务用车运行` of 运行费 and 运行维护费) stay as printed.
 */
const THREE_PUBLIC_HEADINGS = [
  '因公出国（境）费',
  '公务接待费',
  '公务用车购置及运行维护费',
  '公务用车购置及运行费',
  '公务用车购置费',
  '公务用车购置经费',
  '公务用车运行维护费',
  '公务用车运行费',
] as const;

const MIN_CHARS = 4;

const KEYS = THREE_PUBLIC_HEADINGS.map((full) => ({ full, key: labelKey(full) }));

export function completeClippedHeading(heading: string): string {
  const key = labelKey(heading);
  if ([...key].length < MIN_CHARS) return heading;
  const starts = KEYS.filter((k) => k.key.startsWith(key));
  return starts.length === 1 && starts[0]!.key !== key ? starts[0]!.full : heading;
}
