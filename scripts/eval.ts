/**
 * npm run eval — accuracy of extraction against hand-verified gold (test/gold/), per document and
 * per table kind, and the regression gate: exits 1 when any document scores below the committed
 * baseline (test/gold/baseline.json).
 *
 *   npm run eval                      seeds against test/gold
 *   npm run eval -- --generic-only    the same with layout extractors disabled
 *   npm run eval -- --verbose         list every missing / unexpected record
 *   npm run eval -- --write-baseline  record the current scores as the baseline
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type Baseline, type DocumentEvaluation, evaluateInputs, regressions } from '../src/eval/evaluate.ts';
import { addScores, f1, precision, recall, type Score, ZERO } from '../src/eval/score.ts';
import { findInputs } from '../src/pipeline/findInputs.ts';

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
  },
});

const fmt = (s: Score) =>
  `${String(s.truePositives).padStart(4)}/${String(s.truePositives + s.falseNegatives).padEnd(4)} P ${precision(s).toFixed(3)}  R ${recall(s).toFixed(3)}  F1 ${f1(s).toFixed(3)}`;

function report(evaluations: readonly DocumentEvaluation[]): void {
  console.log(
    `accuracy against ${values.gold}${values['generic-only'] ? ' (generic extractor only)' : ''}\n`,
  );
  console.log(`${'document'.padEnd(24)} ${'line items'.padEnd(40)} indicators`);
  for (const e of evaluations) {
    console.log(
      `${e.documentId.padEnd(24)} ${fmt(e.lineItems).padEnd(40)} ${e.indicators ? fmt(e.indicators) : '-'}`,
    );
  }
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
  console.log(`\n${'table kind'.padEnd(30)} ${'line items'.padEnd(40)} indicators`);
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

const { inputs } = await findInputs(positionals.length > 0 ? positionals : ['seeds']);
const evaluations = await evaluateInputs(inputs, {
  goldDir: values.gold,
  genericOnly: values['generic-only'],
  place: values['ignore-place'] ? 'none' : 'line',
});
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
  const failures = regressions(evaluations, JSON.parse(readFileSync(values.baseline, 'utf8')) as Baseline);
  if (failures.length > 0) {
    console.log(`\nREGRESSION against ${values.baseline}:`);
    for (const f of failures) console.log(`  ${f}`);
    process.exitCode = 1;
  } else {
    console.log(`\nno regression against ${values.baseline}`);
  }
}
