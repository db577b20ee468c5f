import { readFileSync } from 'node:fs';
import { indicatorKey, lineItemKey, matchKeys } from '../src/eval/score.ts';
import { extractDocument } from '../src/pipeline/extractDocument.ts';

for (const id of process.argv.slice(2)) {
  const t = await extractDocument(readFileSync(`seeds/${id}.txt`), { documentId: id, sourceFile: id });
  const p = await extractDocument(readFileSync(`test/fixtures/pdf/${id}.pdf`), {
    documentId: id,
    sourceFile: id,
  });
  const li = matchKeys(
    t.line_items.map((r) => lineItemKey(r, 'none')),
    p.line_items.map((r) => lineItemKey(r, 'none')),
  );
  const ind = matchKeys(
    t.indicators.map((r) => indicatorKey(r, 'none')),
    p.indicators.map((r) => indicatorKey(r, 'none')),
  );
  console.log(
    id,
    'items',
    li.truePositives,
    '/',
    t.line_items.length,
    'pdf',
    p.line_items.length,
    '| indicators',
    ind.truePositives,
    '/',
    t.indicators.length,
    'pdf',
    p.indicators.length,
    '| no page:',
    p.line_items.filter((x) => !x.page).length,
    '| checks fail',
    p.checks.filter((c) => c.status === 'fail').length,
  );
  for (const k of li.missing.slice(0, 8)) console.log('  missing ', k);
  for (const k of li.unexpected.slice(0, 8)) console.log('  extra   ', k);
  for (const k of ind.missing.slice(0, 5)) console.log('  missing ind ', k);
  for (const k of ind.unexpected.slice(0, 5)) console.log('  extra ind   ', k);
}
