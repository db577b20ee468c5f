import { readFileSync } from 'node:fs';
import { withPdf } from '../src/readers/pdf/loadPdf.ts';
import { readPageContent } from '../src/readers/pdf/pageContent.ts';

const [file, a, b] = process.argv.slice(2);
await withPdf(readFileSync(file!), {}, async (doc) => {
  let total = 0n;
  let n = 0;
  for (let p = Number(a); p <= Number(b); p++) {
    const c = await readPageContent(await doc.getPage(p));
    const xs = c.items.filter((i) => /^[\d,]+\.\d{6}$/.test(i.text)).map((i) => Math.round(i.x1));
    const first = Math.min(...xs);
    for (const i of c.items) {
      if (!/^[\d,]+\.\d{6}$/.test(i.text)) continue;
      if (Math.round(i.x1) > first + 40) continue; // the leftmost amount column (合计)
      total += BigInt(i.text.replace(/[,.]/g, ''));
      n++;
    }
    console.log(p, 'right edges', [...new Set(xs)].sort((x, y) => x - y).join(' '));
  }
  console.log('sum of 合计 column incl. total', n, total);
});
