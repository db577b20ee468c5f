import type { LayoutExtractor } from './types.ts';

/**
 * The generic extractor: the core with no layout hints. It reads any document that uses the
 * national table titles and header vocabulary, and is the fallback when no layout claims a file.
 */
export const genericExtractor: LayoutExtractor = {
  family: 'generic',
  description: 'national budget / final-accounts templates, recognised by title and header vocabulary',
  detect: () => ({ score: 1, reason: 'fallback for every document' }),
};
