import { describe, expect, it } from 'vitest';
import { type BaselineEntry, worseThanBaseline } from '../../../src/eval/real/baseline.ts';
import { matchGold, parseHeldOut, sourceMatches } from '../../../src/eval/real/crawlGold.ts';

const BASE: BaselineEntry = {
  documents: 10,
  budget_documents: 8,
  clean_share: 0.5,
  check_pass_rate: 0.9,
  crashes: 2,
  non_budget_ok: 3,
  line_number_amounts: 40,
  other_tables: 20,
  gold_f1: 0.8,
  heldout_gold_f1: 0.7,
};

describe('the eval:real baseline gate', () => {
  it('passes equal or better figures, also when unrelated counts move', () => {
    expect(worseThanBaseline(BASE, BASE)).toEqual([]);
    const better = {
      ...BASE,
      clean_share: 0.6,
      crashes: 0,
      line_number_amounts: 0,
      other_tables: 25,
      documents: 12,
    };
    expect(worseThanBaseline(better, BASE)).toEqual([]);
  });

  it('names every figure that moved the wrong way', () => {
    const worse = {
      ...BASE,
      budget_documents: 7,
      clean_share: 0.4,
      check_pass_rate: 0.89,
      crashes: 3,
      non_budget_ok: 4,
      line_number_amounts: 41,
      gold_f1: 0.79,
      heldout_gold_f1: 0.69,
    };
    expect(worseThanBaseline(worse, BASE)).toHaveLength(8);
    expect(worseThanBaseline({ ...BASE, crashes: 3 }, BASE)).toEqual(['crashes: 3 (baseline 2)']);
  });

  it('does not gate gold figures one side lacks (gold that just appeared)', () => {
    const { gold_f1: _a, heldout_gold_f1: _b, ...noGold } = BASE;
    expect(worseThanBaseline({ ...BASE, gold_f1: 0.1 }, noGold)).toEqual([]);
    expect(worseThanBaseline(noGold, BASE)).toEqual([]);
  });
});

describe('which crawl document a gold file scores', () => {
  it('matches the folder and the file stem at the end of the source path, whatever the root', () => {
    expect(sourceMatches('001_上海/a', '../shared/realdocs/renwu/001_上海/a.pdf')).toBe(true);
    expect(sourceMatches('001_上海/a', 'renwu\\001_上海\\a.pdf')).toBe(true);
    expect(sourceMatches('001_上海/a', '../renwu/002_北京/a.pdf')).toBe(false);
    expect(sourceMatches('001_上海/a', '../renwu/001_上海/ab.pdf')).toBe(false);
    // Only the last extension is the file's: `x.pdf.pdf` has the stem `x.pdf`.
    expect(sourceMatches('005_广州/x.pdf', 'renwu/005_广州/x.pdf.pdf')).toBe(true);
  });

  it('never guesses between two documents that fit', () => {
    const m = matchGold(
      [{ key: '001_上海/a', path: '', heldOut: false }],
      ['r/001_上海/a.pdf', 'r/001_上海/a.html'],
    );
    expect(m.get('001_上海/a')).toEqual({ problem: expect.stringMatching(/^2 documents match/) });
  });

  it('reads the held-out list with comments, blank lines and an optional .pdf', () => {
    expect([...parseHeldOut('# note\n001_上海/a\n\n002_北京/b.pdf  # blind\r\n')]).toEqual([
      '001_上海/a',
      '002_北京/b',
    ]);
  });
});
