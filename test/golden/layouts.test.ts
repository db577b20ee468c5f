import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateDocument } from '../../src/eval/evaluate.ts';
import { extractDocument } from '../../src/pipeline/extractDocument.ts';
import { documentIdOf } from '../../src/pipeline/findInputs.ts';

/**
 * Golden tests of the layout fixtures made from the national templates (test/fixtures/layouts), read
 * by the generic extractor alone: a new city's file must need no layout code. The held-out set
 * (test/fixtures/heldout) is not asserted here: it measures generalisation in `npm run eval`, whose
 * baseline keeps it from regressing.
 */

const SETS = [['test/fixtures/layouts', 'test/gold/layouts']] as const;

function mismatches(m: { missing: readonly string[]; unexpected: readonly string[] } | undefined): string[] {
  if (!m) return [];
  return [...m.missing.map((k) => `missing    ${k}`), ...m.unexpected.map((k) => `unexpected ${k}`)].slice(
    0,
    20,
  );
}

for (const [dir, gold] of SETS) {
  if (!existsSync(gold)) continue;
  const files = readdirSync(dir)
    .filter((f) => existsSync(join(gold, `${documentIdOf(f)}.line_items.csv`)))
    .sort();
  describe.each(files)(`${dir}/%s with the generic extractor only`, (file) => {
    const evaluation = async () => {
      const path = join(dir, file);
      const doc = await extractDocument(
        readFileSync(path),
        { documentId: documentIdOf(path), sourceFile: path },
        { genericOnly: true },
      );
      return { doc, evaluation: evaluateDocument(doc, { goldDir: gold }) };
    };

    it('extracts every amount, indicator and table as the gold says', async () => {
      const { evaluation: e } = await evaluation();
      expect(e).toBeDefined();
      expect(mismatches(e?.lineItems)).toEqual([]);
      expect(mismatches(e?.indicators)).toEqual([]);
      expect(mismatches(e?.tables)).toEqual([]);
    });

    it('passes its own reconciliation checks', async () => {
      const { doc } = await evaluation();
      expect(doc.status).toBe('ok');
      expect(doc.checks.filter((c) => c.status === 'fail').map((c) => `${c.scope}: ${c.message}`)).toEqual(
        [],
      );
    });
  });
}
