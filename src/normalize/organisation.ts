import { labelKey } from './cellText.ts';

/**
 * An organisation's name (a department or one of its units: `广州市客运交通管理处`,
 * `杭州技师学院（杭州交通高级技工学校）`, `某局（本级）`), known by the word it ends with. Budget row
 * names end otherwise (…支出, …费, …补助), so a unit row is told from the rows it heads.
 */
const ORGANISATION_END =
  /(?:办公室|办公厅|局|委员会|委|厅|中心|政府|院|站|所|队|馆|校|中学|小学|大学|处|会|社|部|园|场|台|团|室|宫|监狱|苗圃|保护区)$/u;

export function isOrganisationName(label: string): boolean {
  const name = labelKey(label).replace(/[（(][^（()）]*[)）]$/u, '');
  // `…平台` ends in 台 like 电视台, but is a system or a fund's vehicle, not a unit; `…退出市场` ends
  // in 场 like 林场, but is a task.
  return ORGANISATION_END.test(name) && !/(?:项目|经费|费|支出|平台|市场)$/u.test(name);
}
