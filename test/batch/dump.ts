import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every published file of a dump (the run's own state folder left out), path → content. */
export function publishedFiles(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      if (name === '.yusuan') continue;
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.set(relative(dir, path), readFileSync(path, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

export function expectSameDump(actual: Map<string, string>, expected: Map<string, string>): void {
  const a = [...actual.keys()];
  const e = [...expected.keys()];
  if (a.join('\n') !== e.join('\n')) throw new Error(`different files:\n${a.join(' ')}\nvs\n${e.join(' ')}`);
  for (const [path, content] of expected)
    if (actual.get(path) !== content) throw new Error(`${path} differs`);
}
