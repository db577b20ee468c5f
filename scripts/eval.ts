/**
 * npm run eval — accuracy of extraction against hand-verified gold (test/gold/), per document and
 * per table kind, and the regression gate: exits 1 when any document scores below the committed
 * baseline (test/gold/baseline.json).
 *
 *   npm run eval                      seeds against test/gold
 *   npm run eval -- --generic-only    the same with layout extractors disabled
 *   npm run eval -- --verbose         list every missing / unexpected record
 *   npm run eval -- --write-baseline  record the current scores as the baseline
 *
 * The layout fixtures (test/fixtures/layouts, and the held-out set test/fixtures/heldout that no
 * rule was written against) are always scored with the generic extractor alone: they are the
 * measure of a new city's file with no layout code.
 *
 * Real disclosures (../shared/realdocs, never committed) are scored too when that folder exists:
 * one hand-verified table per file (test/gold/realdocs), by page. Without the folder they are
 * skipped, and so are their baseline entries.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { type Baseline, type DocumentEvaluation, evaluateInputs, regressions } from '../src/eval/evaluate.ts';
import { readCsv } from '../src/eval/gold.ts';
import { addScores, f1, precision, recall, type Score, ZERO } from '../src/eval/score.ts';
import { findInputs } from '../src/pipeline/findInputs.ts';
import { shutdownOcr } from '../src/readers/ocr/engine.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    gold: { type: 'string', default: 'test/gold' },
    baseline: { type: 'string', default: 'test/gold/baseline.json' },
    'generic-only': { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
    'write-baseline': { type: 'boolean', default: false },
    /** Compare without line numbers (PDF and OCR inputs carry pages, the gold carries lines). */
    'ignore-place': { type: 'boolean', default: false },
    realdocs: { type: 'string', default: '../shared/realdocs' },
    'realdocs-gold': { type: 'string', default: 'test/gold/realdocs' },
  },
});

const fmt = (s: Score) =>
  `${String(s.truePositives).padStart(4)}/${String(s.truePositives + s.falseNegatives).padEnd(4)} P ${precision(s).toFixed(3)}  R ${recall(s).toFixed(3)}  F1 ${f1(s).toFixed(3)}`;

function reportDocuments(heading: string, evaluations: readonly DocumentEvaluation[]): void {
  console.log(`${heading}${values['generic-only'] ? ' (generic extractor only)' : ''}\n`);
  const width = Math.max(24, ...evaluations.map((e) => e.documentId.length + 1));
  console.log(`${'document'.padEnd(width)} ${'line items'.padEnd(40)} indicators`);
  for (const e of evaluations) {
    console.log(
      `${e.documentId.padEnd(width)} ${fmt(e.lineItems).padEnd(40)} ${e.indicators ? fmt(e.indicators) : '-'}`,
    );
  }
  console.log('');
}

function report(evaluations: readonly DocumentEvaluation[]): void {
  const byKind = new Map<string, { items: Score; indicators: Score }>();
  for (const e of evaluations) {
    for (const [kind, s] of e.lineItemsByKind) {
      const cur = byKind.get(kind) ?? { items: ZERO, indicators: ZERO };
      byKind.set(kind, { ...cur, items: addScores(cur.items, s) });
    }
    for (const [kind, s] of e.indicatorsByKind) {
      const cur = byKind.get(kind) ?? { items: ZERO, indicators: ZERO };
      byKind.set(kind, { ...cur, indicators: addScores(cur.indicators, s) });
    }
  }
  console.log(`${'table kind'.padEnd(30)} ${'line items'.padEnd(40)} indicators`);
  for (const [kind, s] of [...byKind].sort()) {
    const ind =
      s.indicators.truePositives + s.indicators.falseNegatives + s.indicators.falsePositives > 0
        ? fmt(s.indicators)
        : '-';
    console.log(`${kind.padEnd(30)} ${fmt(s.items).padEnd(40)} ${ind}`);
  }
  const total = evaluations.reduce((acc, e) => addScores(acc, e.lineItems), ZERO);
  const totalInd = evaluations.reduce((acc, e) => (e.indicators ? addScores(acc, e.indicators) : acc), ZERO);
  console.log(`\n${'all'.padEnd(30)} ${fmt(total).padEnd(40)} ${fmt(totalInd)}`);
  if (values.verbose) {
    for (const e of evaluations) {
      for (const [what, m] of [
        ['line item', e.lineItems],
        ['indicator', e.indicators],
      ] as const) {
        if (!m) continue;
        for (const k of m.missing) console.log(`${e.documentId} missing ${what}:    ${k}`);
        for (const k of m.unexpected) console.log(`${e.documentId} unexpected ${what}: ${k}`);
      }
    }
  }
}

const REAL = 'realdocs/';
const { inputs } = await findInputs(positionals.length > 0 ? positionals : ['seeds']);
const seedEvaluations = await evaluateInputs(inputs, {
  goldDir: values.gold,
  genericOnly: values['generic-only'],
  place: values['ignore-place'] ? 'none' : 'line',
});
reportDocuments(`accuracy against ${values.gold}`, seedEvaluations);

/** Fixture sets of other layouts, scored with the generic extractor only: folder, gold, heading. */
const LAYOUT_SETS = [
  [
    'test/fixtures/layouts',
    'test/gold/layouts',
    'layout fixtures (the generic extractor was fixed against these)',
  ],
  ['test/fixtures/heldout', 'test/gold/heldout', 'held-out layout fixtures (no rule written against them)'],
] as const;
let layoutEvaluations: DocumentEvaluation[] = [];
if (positionals.length === 0) {
  for (const [dir, gold, heading] of LAYOUT_SETS) {
    if (!existsSync(gold)) continue;
    const found = await findInputs([dir]);
    const withGold = found.inputs.filter((i) => existsSync(`${gold}/${i.documentId}.line_items.csv`));
    const evaluations = (
      await evaluateInputs(withGold, { goldDir: gold, genericOnly: true, place: 'line' })
    ).map((e) => ({ ...e, documentId: `${dir.split('/').pop()}/${e.documentId}` }));
    reportDocuments(`${heading}, generic extractor only, against ${gold}`, evaluations);
    layoutEvaluations = [...layoutEvaluations, ...evaluations];
  }
}

// Only the default run scores the real files: an explicit list of inputs means "just these".
const realdocsPresent = positionals.length === 0 && existsSync(values.realdocs);
let realEvaluations: DocumentEvaluation[] = [];
if (realdocsPresent) {
  const real = await findInputs([values.realdocs]);
  // Gold is keyed by the file it was written for (sources.csv: gold id → path under realdocs), not by
  // document id: two cities publish a 统计局_2026年部门预算.pdf, and ids of colliding names change.
  const sources = new Map(
    readCsv(join(values['realdocs-gold'], 'sources.csv')).map((r) => [r.path ?? '', r.gold_id ?? '']),
  );
  const withGold = real.inputs.flatMap((input) => {
    const goldId = sources.get(relative(values.realdocs, input.path).split(sep).join('/'));
    return goldId ? [{ ...input, documentId: goldId }] : [];
  });
  realEvaluations = (
    await evaluateInputs(withGold, {
      goldDir: values['realdocs-gold'],
      genericOnly: values['generic-only'],
      place: 'page',
      scope: 'gold-tables',
      goldIdOf: (id) => id,
    })
  ).map((e) => ({ ...e, documentId: `${REAL}${e.documentId}` }));
  reportDocuments(
    `real disclosures in ${values.realdocs}: one hand-verified table per file (${values['realdocs-gold']})`,
    realEvaluations,
  );
} else if (positionals.length === 0) {
  console.log(`(${values.realdocs} not present: real disclosures skipped)\n`);
}
await shutdownOcr();
const evaluations = [...seedEvaluations, ...layoutEvaluations, ...realEvaluations];
report(evaluations);

if (values['write-baseline']) {
  const baseline: Record<string, { line_items_f1: number; indicators_f1?: number }> = {};
  for (const e of evaluations) {
    baseline[e.documentId] = {
      line_items_f1: Number(f1(e.lineItems).toFixed(4)),
      ...(e.indicators ? { indicators_f1: Number(f1(e.indicators).toFixed(4)) } : {}),
    };
  }
  writeFileSync(values.baseline, `${JSON.stringify(baseline, null, 2)}\n`);
  console.log(`\nbaseline written to ${values.baseline}`);
} else if (!values['generic-only'] && existsSync(values.baseline)) {
  const failures = regressions(
    evaluations,
    JSON.parse(readFileSync(values.baseline, 'utf8')) as Baseline,
    // A run over chosen inputs expects only those; the real files only where their folder is; the
    // layout sets are committed, so their entries are always expected in a default run.
    (id) => (id.startsWith(REAL) ? realdocsPresent : positionals.length === 0),
  );
  if (failures.length > 0) {
    console.log(`\nREGRESSION against ${values.baseline}:`);
    for (const f of failures) console.log(`  ${f}`);
    process.exitCode = 1;
  } else {
    console.log(`\nno regression against ${values.baseline}`);
  }
} else if (!values['generic-only']) {
  // A gate that silently passes without its baseline would be no gate.
  console.log(`\nno baseline at ${values.baseline}: run npm run eval -- --write-baseline and commit it`);
  process.exitCode = 1;
}
