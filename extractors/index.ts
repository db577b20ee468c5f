import type { SourceDocument } from '../src/model.ts';
import { beijingExtractor } from './beijing.ts';
import { genericExtractor } from './generic.ts';
import { guangzhouExtractor } from './guangzhou.ts';
import { shenzhenExtractor } from './shenzhen.ts';
import { shenzhen2019FormsExtractor } from './shenzhen2019Forms.ts';
import type { LayoutClaim, LayoutExtractor } from './types.ts';
import { xiamenExtractor } from './xiamen.ts';

/**
 * The layout registry. Adding a layout = one new module in this folder and one line here. A
 * duplicate family is an error; an unknown family names the known ones.
 */

const LAYOUTS: readonly LayoutExtractor[] = [
  shenzhenExtractor,
  shenzhen2019FormsExtractor,
  guangzhouExtractor,
  xiamenExtractor,
  beijingExtractor,
  genericExtractor,
];

function checkUnique(layouts: readonly LayoutExtractor[]): void {
  const seen = new Set<string>();
  for (const layout of layouts) {
    if (seen.has(layout.family)) throw new Error(`duplicate layout family "${layout.family}"`);
    seen.add(layout.family);
  }
}
checkUnique(LAYOUTS);

export function layoutFamilies(): string[] {
  return LAYOUTS.map((l) => l.family);
}

export function layoutByFamily(family: string): LayoutExtractor {
  const found = LAYOUTS.find((l) => l.family === family);
  if (!found) throw new Error(`unknown layout "${family}"; known layouts: ${layoutFamilies().join(', ')}`);
  return found;
}

export interface LayoutChoice {
  readonly layout: LayoutExtractor;
  readonly claim: LayoutClaim;
  /** Every layout's claim, for `yusuan inspect`. */
  readonly claims: readonly { readonly family: string; readonly claim: LayoutClaim }[];
}

export interface LayoutOptions {
  /** Use this layout whatever the claims. */
  readonly force?: string;
  /** Use the generic extractor only (measures what the layout overrides add). */
  readonly genericOnly?: boolean;
}

export function chooseLayout(
  doc: SourceDocument,
  plainText: string,
  options: LayoutOptions = {},
): LayoutChoice {
  const claims = LAYOUTS.map((layout) => ({ family: layout.family, claim: layout.detect(doc, plainText) }));
  if (options.force) {
    const layout = layoutByFamily(options.force);
    return { layout, claim: { score: Number.POSITIVE_INFINITY, reason: 'chosen with --layout' }, claims };
  }
  if (options.genericOnly) {
    return { layout: genericExtractor, claim: { score: 1, reason: 'layout extractors disabled' }, claims };
  }
  let best = 0;
  LAYOUTS.forEach((_, i) => {
    if ((claims[i]?.claim.score ?? 0) > (claims[best]?.claim.score ?? 0)) best = i;
  });
  return {
    layout: LAYOUTS[best] ?? genericExtractor,
    claim: claims[best]?.claim ?? { score: 1, reason: '' },
    claims,
  };
}
