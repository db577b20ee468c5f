import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The CLI tests run bin/yusuan.js, i.e. the compiled dist/: build it once first.
    globalSetup: ['test/buildCli.ts'],
    testTimeout: 30_000,
    // beforeAll hooks extract whole documents; on a loaded 2-core machine the default 10 s is
    // not enough (a time limit is not what these tests measure: npm run bench does).
    hookTimeout: 60_000,
    // datapackage.json records when a dump was written; a fixed time keeps dumps comparable byte for byte.
    env: { SOURCE_DATE_EPOCH: '1767225600' },
  },
});
