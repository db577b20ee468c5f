import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readPdf } from '../../src/readers/pdf/pdfReader.ts';

/**
 * pdf.js's legacy build replaces a few built-ins with core-js polyfills when it loads; the reader puts
 * the natives back (every array push and JSON document of the process was paying for them).
 */

// Taken before pdf.js is loaded (the reader loads it at the first PDF). core-js's own toString makes
// its polyfills print as native code, so they are told apart by identity.
const natives = () => [Array.prototype.push, JSON.stringify, JSON.parse, Function.prototype.toString];
const before = natives();

describe('built-ins after reading a PDF', () => {
  it('are the natives, and pdf.js still reads', async () => {
    const reading = await readPdf(readFileSync('test/fixtures/pdf/002_a3edc1729d60384f.pdf'));
    expect(reading.blocks.length).toBeGreaterThan(0);
    expect(natives().map((f, i) => f === before[i])).toEqual([true, true, true, true]);
    // What core-js added that Node 20 lacks stays: pdf.js uses it.
    expect(typeof (Promise as unknown as { withResolvers?: unknown }).withResolvers).toBe('function');
  });
});
