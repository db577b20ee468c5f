import { readFileSync } from 'node:fs';
import { withPdf } from '../src/readers/pdf/loadPdf.ts';
import { readPageContent } from '../src/readers/pdf/pageContent.ts';

const [file, a, b] = process.argv.slice(2);
await withPdf(readFileSync(file!), {}, async (doc) => {
  for (let p = Number(a); p <= Number(b); p++) {
    const c = await readPageContent(await doc.getPage(p));
    const codes = c.items.filter((i) => /^\d{7}-/.test(i.text));
    const amounts = c.items.filter((i) => /^[\d,]+\.\d{6}$/.test(i.text));
    console.log(
      p,
      'function-coded items',
      codes.length,
      'amount items',
      amounts.length,
      'items',
      c.items.length,
    );
    if (p === Number(b))
      for (const i of c.items.slice(-12))
        console.log(JSON.stringify(i.text), i.x0.toFixed(0), i.y.toFixed(0));
  }
});
