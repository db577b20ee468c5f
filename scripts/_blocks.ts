import { readFileSync } from 'node:fs';
import { readSource } from '../src/readers/readSource.ts';

const [file, from = '1', to = '1'] = process.argv.slice(2);
const r = await readSource(readFileSync(file!), { documentId: 'x', sourceFile: file! });
if (!r.ok) throw new Error(r.problem.message);
for (const b of r.doc.blocks) {
  const page = b.kind === 'page' ? b.page : (b.at.page ?? 0);
  if (page < Number(from) || page > Number(to)) continue;
  if (b.kind === 'row')
    console.log(`ROW  p${b.at.page} y${b.at.bbox?.[1]}`, b.cells.map((c) => c.raw).join(' ⇥ '));
  else if (b.kind === 'text') console.log(`TEXT p${b.at.page} y${b.at.bbox?.[1]}`, b.raw);
  else console.log(b.kind, b.kind === 'page' ? b.page : '');
}
