/**
 * The legacy pdf.js build (the one that runs on Node 20) carries core-js polyfills that replace
 * built-ins of the whole process when it is loaded, for conformance details pdf.js does not use:
 * `Array.prototype.push`, `JSON.stringify`, `JSON.parse` and `Function.prototype.toString` become
 * JavaScript functions, and every array and every JSON document of the program pays for it. The
 * natives are put back once pdf.js (and its worker module) are loaded; what core-js added that Node
 * lacks (`Promise.withResolvers`, …) stays.
 */

const REPLACED: readonly (readonly [object, string])[] = [
  [Array.prototype, 'push'],
  [JSON, 'stringify'],
  [JSON, 'parse'],
  [Function.prototype, 'toString'],
];

export async function keepingNativeBuiltins<T>(load: () => Promise<T>): Promise<T> {
  const saved = REPLACED.map(
    ([owner, key]) => [owner, key, Object.getOwnPropertyDescriptor(owner, key)] as const,
  );
  try {
    return await load();
  } finally {
    for (const [owner, key, descriptor] of saved)
      if (descriptor) Object.defineProperty(owner, key, descriptor);
  }
}
