import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../src/readers/ocr/collectGarbage.ts';

describe('collecting the garbage of the thread', () => {
  it('frees what nothing refers to any more, at once and without the --expose-gc flag', async () => {
    const freed: string[] = [];
    const registry = new FinalizationRegistry((name: string) => freed.push(name));
    (() => {
      registry.register({ page: new Uint8Array(1024) }, 'a dropped page');
    })();
    for (let i = 0; i < 5 && freed.length === 0; i++) {
      collectGarbage();
      await sleep(10);
    }
    expect(freed).toEqual(['a dropped page']);
  });
});
