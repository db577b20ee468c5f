import { readFileSync } from 'node:fs';
import { withPdf } from '../src/readers/pdf/loadPdf.ts';
import { readPageContent } from '../src/readers/pdf/pageContent.ts';

const [file, p = '1', y0 = '0', y1 = '9999'] = process.argv.slice(2);
await withPdf(readFileSync(file!), {}, async (doc) => {
  const c = await readPageContent(await doc.getPage(Number(p)));
  for (const i of c.items)
    if (i.y >= Number(y0) && i.y <= Number(y1))
      console.log(
        JSON.stringify(i.text),
        i.x0.toFixed(1),
        i.x1.toFixed(1),
        i.y.toFixed(1),
        i.size.toFixed(1),
      );
});
