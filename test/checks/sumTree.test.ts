import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readSumTree, type SumNode } from '../../src/checks/sumTree.ts';
import { type Decimal, toDecimal } from '../../src/normalize/decimal.ts';

const d = (values: readonly string[]) => values.map(toDecimal);

function shape(nodes: readonly SumNode[]): unknown[] {
  return nodes.map((n) => (n.children.length > 0 ? [n.at, shape(n.children)] : n.at));
}

function valid(values: readonly Decimal[], total: Decimal, forest: readonly SumNode[]): boolean {
  const sum = (nodes: readonly SumNode[]) => nodes.reduce((s, n) => s + values[n.at]!.units, 0n);
  // Within the two units of rounding a reading allows.
  const near = (a: bigint, b: bigint) => a - b <= 2n && b - a <= 2n;
  const ok = (nodes: readonly SumNode[]): boolean =>
    nodes.every(
      (n) => n.children.length === 0 || (near(sum(n.children), values[n.at]!.units) && ok(n.children)),
    );
  return near(sum(forest), total.units) && ok(forest);
}

describe('readSumTree', () => {
  it('reads three unprinted levels of a project list (Xi’an 表10 shape)', () => {
    const values = d([
      '57.06',
      '2.00',
      '2.00',
      '19.80',
      '19.80',
      '34.96',
      '2.89',
      '0.50',
      '10.61',
      '20.96',
      '0.30',
      '0.30',
    ]);
    const forest = readSumTree(values, toDecimal('57.06'));
    expect(shape(forest!)).toEqual([
      [
        0,
        [
          [1, [2]],
          [3, [4]],
          [5, [6, 7, 8, 9]],
          [10, [11]],
        ],
      ],
    ]);
  });

  it('reads the function classes of a table without codes (Hangzhou 表5 shape)', () => {
    // 教育支出 = 职业教育 (= 技校教育) + 其他教育支出 (= 其他教育支出); 卫生健康支出 = 医疗 (= 行政 + 事业)
    const values = d([
      '22262.08',
      '22232.08',
      '22232.08',
      '30.00',
      '30.00',
      '2401.90',
      '2401.90',
      '1400.95',
      '1000.95',
    ]);
    const forest = readSumTree(values, toDecimal('24663.98'));
    expect(forest).toBeDefined();
    expect(shape(forest!)).toEqual([
      [
        0,
        [
          [1, [2]],
          [3, [4]],
        ],
      ],
      [5, [[6, [7, 8]]]],
    ]);
  });

  it('reads a parent its children miss by the rounding of their figures (Hangzhou 表3: 106,604.22 over 106,604.23)', () => {
    const values = d(['106604.22', '43003.71', '927.20', '62673.32', '177.92', '177.92']);
    const forest = readSumTree(values, toDecimal('106782.14'));
    expect(shape(forest!)).toEqual([
      [0, [1, 2, 3]],
      [4, [5]],
    ]);
  });

  it('finds no reading for figures that do not add up', () => {
    expect(readSumTree(d(['100.00', '60.00', '39.00']), toDecimal('100.00'))).toBeUndefined();
    expect(readSumTree(d(['100.00', '-60.00', '160.00']), toDecimal('100.00'))).toBeUndefined();
  });

  it('keeps zero rows after the forest as leaves', () => {
    const forest = readSumTree(d(['10', '10', '0']), toDecimal('10'));
    expect(shape(forest!)).toEqual([[0, [1]], 2]);
  });

  it('finds a valid reading for every printed hierarchy (property)', () => {
    type Tree = { value: bigint; children: Tree[] };
    const leaf = fc.bigInt({ min: 1n, max: 100_000n }).map((value): Tree => ({ value, children: [] }));
    const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        fc.array(tie('node'), { minLength: 1, maxLength: 4 }).map((children) => ({
          value: children.reduce((s, c) => s + c.value, 0n),
          children,
        })),
      ),
    })).node;
    const preorder = (t: Tree): bigint[] => [t.value, ...t.children.flatMap(preorder)];
    fc.assert(
      fc.property(fc.array(tree, { minLength: 1, maxLength: 5 }), (forest) => {
        const values = forest.flatMap(preorder).map((units): Decimal => ({ units, scale: 2 }));
        const total: Decimal = { units: forest.reduce((s, t) => s + t.value, 0n), scale: 2 };
        const read = readSumTree(values, total);
        return read !== undefined && valid(values, total, read);
      }),
      { numRuns: 300 },
    );
  });
});
