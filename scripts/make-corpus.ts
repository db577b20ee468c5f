/**
 * Makes a corpus of realistic variants of the seed layouts (see scripts/corpus.ts):
 *
 *   npm run make-corpus -- --docs 2000 [--out output/corpus] [--seed 1] [--verify]
 *
 * --verify extracts every variant and fails unless it has the seed's number of amounts and no
 * failed check (the variants must reconcile as the seeds do).
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { extractDocument } from '../src/pipeline/extractDocument.ts';
import { makeVariant, modelSeed, type SeedModel } from './corpus.ts';
import { prng } from './prng.ts';

export async function makeCorpus(
  outDir: string,
  docs: number,
  options: { seed?: number; verify?: boolean; seedsDir?: string } = {},
): Promise<{ written: number; failures: string[] }> {
  const seedsDir = options.seedsDir ?? 'seeds';
  const seeds: SeedModel[] = [];
  for (const file of readdirSync(seedsDir)
    .filter((f) => f.endsWith('.txt'))
    .sort())
    seeds.push(await modelSeed(join(seedsDir, file), file.replace(/\.txt$/, '')));
  rmSync(outDir, { recursive: true, force: true });
  const random = prng(options.seed ?? 1);
  const failures: string[] = [];
  for (let i = 0; i < docs; i++) {
    const seed = seeds[i % seeds.length]!;
    const variant = makeVariant(seed, random);
    // 100 files per folder, as crawls are usually organised (by site or by year).
    const dir = join(outDir, `batch-${String(Math.floor(i / 100)).padStart(3, '0')}`);
    mkdirSync(dir, { recursive: true });
    const name = `doc${String(i).padStart(5, '0')}_${seed.name.slice(0, 3)}`;
    const path = join(dir, `${name}.txt`);
    writeFileSync(path, variant.text);
    if (options.verify) {
      const doc = await extractDocument(new TextEncoder().encode(variant.text), {
        documentId: name,
        sourceFile: path,
      });
      const failed = doc.checks.filter((c) => c.status === 'fail').length;
      if (doc.line_items.length !== seed.lineItems || failed > 0)
        failures.push(
          `${path} (from ${seed.name}, ×${variant.factor}, years ${variant.yearShift >= 0 ? '+' : ''}${variant.yearShift}, page break ${variant.pageBreak}): ${doc.line_items.length} amounts (seed ${seed.lineItems}), ${failed} failed checks`,
        );
    }
  }
  return { written: docs, failures };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      docs: { type: 'string', default: '2000' },
      out: { type: 'string', default: 'output/corpus' },
      seed: { type: 'string', default: '1' },
      verify: { type: 'boolean', default: false },
    },
  });
  const result = await makeCorpus(values.out, Number(values.docs), {
    seed: Number(values.seed),
    verify: values.verify,
  });
  for (const f of result.failures) console.error(f);
  console.log(
    `${result.written} documents written to ${values.out}/${values.verify ? `; ${result.failures.length} failed verification` : ''}`,
  );
  process.exitCode = result.failures.length > 0 ? 1 : 0;
}
