import { readFileSync } from 'node:fs';
import { withPdf } from '../src/readers/pdf/loadPdf.ts';
import { readPageContent } from '../src/readers/pdf/pageContent.ts';

const [file, p = '1'] = process.argv.slice(2);
await withPdf(readFileSync(file!), {}, async (doc) => {
  const c = await readPageContent(await doc.getPage(Number(p)));
  const xs = [...new Set(c.vertical.map((s) => Math.round(s.x0)))].sort((a, b) => a - b);
  const ys = [...new Set(c.horizontal.map((s) => Math.round(s.y0)))].sort((a, b) => a - b);
  console.log('v', c.vertical.length, xs.join(' '));
  console.log('h', c.horizontal.length, ys.slice(0, 12).join(' '));
  console.log(c.vertical.slice(0, 8));
  for (const it of c.items.slice(0, 14))
    console.log(JSON.stringify(it.text), it.x0.toFixed(1), it.x1.toFixed(1), it.y.toFixed(1), it.size);
});
