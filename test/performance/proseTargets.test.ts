import { describe, expect, it } from 'vitest';
import { readNumberedIndicators, readSentenceIndicators } from '../../src/performance/proseTargets.ts';

const cell = (raw: string, line = 1) => ({ raw, at: { line } });

describe('numbered prose indicators (Guangzhou)', () => {
  it('reads level, name and target of each numbered item', () => {
    const found = readNumberedIndicators(
      cell(
        '1、效益指标：广州国际影响力，年度指标值：不断提升；2、产出指标：全年出访国家或地区数量，年度指标值：20个及以上；3、友好城区，年度指标值：不少于50个。4、产出指标：响应及时率；年度指标值：95%以上。',
      ),
    );
    expect(
      found.map((f) => [f.level1, f.name, f.targetText, f.readings[0]?.operator, f.readings[0]?.value]),
    ).toEqual([
      ['效益指标', '广州国际影响力', '不断提升', 'qualitative', ''],
      ['产出指标', '全年出访国家或地区数量', '20个及以上', '>=', '20'],
      ['', '友好城区', '不少于50个', '>=', '50'],
      ['产出指标', '响应及时率', '95%以上', '>=', '95'],
    ]);
  });
  it('reads items with coded levels and takes the year target, not the period one (Guangzhou 2026)', () => {
    const found = readNumberedIndicators(
      cell(
        '1、1-产出指标；11-数量指标；会议活动保障次数；实施周期指标值:每年≥20场；年度指标值:每年≥20场。2、1-产出指标；12 -质量指标；咨询事项一次性解答率.；实施周期指标值:≥80%；年度指标值:≥85%。3、3-满意度指标；31-服务对象满意度；线下培训效果评价；实施周期指标值:≥4.5分；年度指标值:≥4.5分。',
      ),
    );
    expect(
      found.map((f) => [
        f.level1,
        f.level2,
        f.name,
        f.targetText,
        f.readings[0]?.operator,
        f.readings[0]?.value,
      ]),
    ).toEqual([
      ['产出指标', '数量指标', '会议活动保障次数', '每年≥20场', '>=', '20'],
      ['产出指标', '质量指标', '咨询事项一次性解答率', '≥85%', '>=', '85'],
      ['满意度指标', '服务对象满意度', '线下培训效果评价', '≥4.5分', '>=', '4.5'],
    ]);
  });
  it('reads nothing from a withheld project', () => {
    expect(readNumberedIndicators(cell('项目不宜公开。'))).toEqual([]);
  });
  it('does not split at decimals', () => {
    const found = readNumberedIndicators(
      cell('1、产出指标：粉丝数量，年度指标值：2.7万人以上。2、质量指标：访问量，年度指标值：60万次以上。'),
    );
    expect(found.map((f) => f.targetText)).toEqual(['2.7万人以上', '60万次以上']);
  });
});

describe('sentence indicators (Shenzhen key projects)', () => {
  it('reads the segments that end in a numeric target, named by the words before it', () => {
    const found = readSentenceIndicators(
      cell(
        '推介深圳。计划本年度举办国际会议 1 场;开展推介活动 2 场;海外领事宣传 &gt;=1 场;签证业务服务水平达标;来访人员投诉率 &lt;10%等。',
      ),
    );
    expect(found.map((f) => `${f.name}|${f.targetText}`)).toEqual([
      '计划本年度举办国际会议|1 场',
      '开展推介活动|2 场',
      '海外领事宣传|>=1 场',
      '来访人员投诉率|<10%',
    ]);
  });
  it('places each indicator on the line of the piece it stands in', () => {
    const wrapped = {
      raw: '',
      at: { line: 10 },
      pieces: [cell('通过本项目的开展，完成任务;', 9), cell('车辆保障 >=25 辆;', 10)],
    };
    expect(readSentenceIndicators(wrapped).map((f) => f.at.line)).toEqual([10]);
  });
});
