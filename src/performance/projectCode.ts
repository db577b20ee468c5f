import { collapseWhitespace } from '../normalize/whitespace.ts';
import { fieldOfHeader } from './vocabulary.ts';

/**
 * Beijing prints project codes in front of the project name, and its converter breaks them with a
 * space (`11000022T00000039 1739-培训类项目` is code `11000022T000000391739`, name `培训类项目`).
 */

const PROJECT_CODE = /^(\d{8}[A-Z]\d{8})\s*(\d{4})\s*[-－—]\s*(.+)$/u;
const GENERIC_CODE = /^([0-9A-Z]{8,24})\s*[-－—]\s*(.+)$/u;

export interface ProjectName {
  readonly code: string;
  readonly name: string;
}

export function splitProjectName(text: string): ProjectName {
  // A code wrapped inside its cell (`11000022T00000 039 1739-…`) is one code.
  const clean = collapseWhitespace(text).replace(/(?<=[0-9A-Z])\s+(?=[0-9A-Z])/g, '');
  const beijing = PROJECT_CODE.exec(clean);
  if (beijing)
    return {
      code: `${beijing[1]}${beijing[2]}`,
      name: collapseWhitespace((beijing[3] ?? '').replace(/\s+/g, ' ')),
    };
  const generic = GENERIC_CODE.exec(clean);
  if (generic && /\d/.test(generic[1] ?? '')) return { code: generic[1] ?? '', name: generic[2] ?? '' };
  return { code: '', name: clean };
}

/**
 * A form's merged group cell (`年度重点工作任务`) heads the column of task names: on the page that
 * prints it as the header's corner it is no label, and where a page break lets it stand beside a
 * row it names the group, not the row (`年度重点工作任务 / 深化数字政府建设…` is the task
 * `深化数字政府建设…`).
 */
export function withoutGroupHeading(label: string): string {
  const parts = label.split(' / ');
  return parts.length > 1 && fieldOfHeader(parts[0]!) === 'task' ? parts.slice(1).join(' / ') : label;
}
