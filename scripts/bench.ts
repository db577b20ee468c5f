/**
 * npm run bench — extraction speed, measured here and never in a timed test.
 *
 *   text: the five seed dumps extracted repeatedly in one process (documents/s, ms per document)
 *
 * Prints one line per measurement and the peak resident memory of the process.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { extractDocument } from '../src/pipeline/extractDocument.ts';
import { documentIdOf, findInputs } from '../src/pipeline/findInputs.ts';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '20' } } });
const rounds = Number(values.rounds);

const { inputs } = await findInputs(['seeds']);
const files = inputs.map((i) => ({ path: i.path, bytes: readFileSync(i.path) }));
const bytes = files.reduce((n, f) => n + f.bytes.length, 0);

// Warm up the JIT and module graph once; the first document of a process pays for both.
for (const f of files)
  await extractDocument(f.bytes, { documentId: documentIdOf(f.path), sourceFile: f.path });

const started = process.hrtime.bigint();
for (let r = 0; r < rounds; r++) {
  for (const f of files)
    await extractDocument(f.bytes, { documentId: documentIdOf(f.path), sourceFile: f.path });
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const documents = rounds * files.length;
console.log(
  `text   ${documents} documents (${files.length} seeds × ${rounds}), ${(bytes / 1024).toFixed(0)} KiB each round: ` +
    `${(documents / seconds).toFixed(1)} documents/s, ${((seconds / documents) * 1000).toFixed(1)} ms/document, ` +
    `${((bytes * rounds) / 1024 / 1024 / seconds).toFixed(2)} MiB/s (one core)`,
);
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
