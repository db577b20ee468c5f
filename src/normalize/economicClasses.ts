import { labelKey } from './cellText.ts';

/**
 * The 类 (top level) of the national 部门预算支出经济分类 and 政府预算支出经济分类, by name. Tables that
 * print economic categories without codes (工资福利支出 above 基本工资, 津贴补贴 …) show their hierarchy
 * only through these names.
 */
const CLASS_NAMES = new Map<string, string>([
  ['工资福利支出', '301'],
  ['商品和服务支出', '302'],
  ['对个人和家庭的补助', '303'],
  ['对个人和家庭补助', '303'],
  ['对个人和家庭的补助支出', '303'],
  ['债务利息及费用支出', '307'],
  ['资本性支出(基本建设)', '309'],
  ['资本性支出', '310'],
  ['对企业补助(基本建设)', '311'],
  ['对企业补助', '312'],
  ['对社会保障基金补助', '313'],
  // Short forms of the 2020 收支总表 (Xi'an 表4).
  ['对社保基金补助', '313'],
  ['债务利息及费用', '307'],
  ['机关工资福利支出', '501'],
  ['机关商品和服务支出', '502'],
  ['机关资本性支出(一)', '503'],
  ['机关资本性支出(二)', '504'],
  // As the 2019–2022 收支总表 of several cities name 503 and 504.
  ['机关资本性支出', '503'],
  ['机关资本性支出(基本建设)', '504'],
  ['对企业资本性支出', '508'],
  ['对事业单位经常性补助', '505'],
  ['对事业单位资本性补助', '506'],
]);

/** The class code an economic category name stands for (`工资福利支出` → 301), if it is a 类 name. */
export function economicClassOf(label: string): string | undefined {
  const key = labelKey(label).replace(
    /^(?:[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十]+\)|\d+[.、])/u,
    '',
  );
  return CLASS_NAMES.get(key);
}
