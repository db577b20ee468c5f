import { describe, expect, it } from 'vitest';
import { isOrganisationName } from '../../src/normalize/organisation.ts';

describe('isOrganisationName', () => {
  it.each([
    '广州市客运交通管理处',
    '杭州技师学院（杭州交通高级技工学校）',
    '某市交通运输局（本级）',
    '广州市中心区交通项目管理中心',
    '114 / 西安市人民政府办公厅',
    '广东省广州花都监狱',
    '无锡市 辅仁高级中学',
    '江苏省梅村高级中学',
    '无锡市少年宫',
  ])('reads %s as an organisation', (name) => {
    expect(isOrganisationName(name)).toBe(true);
  });
  it.each([
    '资本性支出',
    '城市更新规划经费',
    '信息化建设项目',
    '工资福利支出',
    '会议费',
    '增加珠实集团资本金，用于演艺投资平台',
    '高中教育',
    '局属国有特困企业退出市场',
    '辅仁高中工程教育实验室建设专项',
  ])('reads %s as a budget row, not an organisation', (name) => {
    expect(isOrganisationName(name)).toBe(false);
  });
});
