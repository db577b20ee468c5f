import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/pipeline/extractDocument.ts';

/** A department form whose merged 年度主要任务 cell stands beside one of its rows (⇥ is a TAB). */
const FORM = [
  '部门整体支出绩效目标表',
  '部门（单位）名称⇥某市人力资源和社会保障局',
  '年度主要任务⇥任务名称⇥预算金额（万元）',
  '⇥就业创业服务⇥3,325.40',
  '年度主要任务⇥职业能力建设⇥2,670.00',
  '⇥社会保险经办⇥1,898.75',
  '金额合计⇥⇥7,894.15',
];

describe('a form’s group cell beside a row', () => {
  it('names the group of tasks, not the row: the row is the task', async () => {
    const doc = await extractDocument(new TextEncoder().encode(FORM.join('\n').replace(/⇥/g, '\t')), {
      documentId: 'form',
      sourceFile: 'form.txt',
    });
    const labels = doc.line_items.map((i) => i.row_label);
    expect(labels).toEqual(expect.arrayContaining(['就业创业服务', '职业能力建设', '社会保险经办']));
    expect(labels.some((l) => l.startsWith('年度主要任务'))).toBe(false);
  });
});
