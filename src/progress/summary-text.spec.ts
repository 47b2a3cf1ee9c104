import { EMPTY_FIGURES } from './figures';
import type { Figures } from './figures';
import { chineseDate, formatYuan, summaryText } from './summary-text';
import type { SummaryInput } from './summary-text';

function figures(overrides: Partial<Figures>): Figures {
  return { ...EMPTY_FIGURES, ...overrides };
}

/** The demo sweep of 2019 as the seed records it: two gala exposures, five categories. */
const DEMO: Omit<SummaryInput, 'asOfDay' | 'figures'> = {
  areaName: '全市',
  exposures: [
    { source: 'CCTV_315_GALA', title: '“3·15”晚会曝光辣条生产黑作坊' },
    { source: 'CCTV_315_GALA', title: '“3·15”晚会曝光执业药师挂证' },
  ],
  categoryNames: ['调味面制品', '校园及周边食品', '执业药师挂证', '疫苗', '农资'],
  premisesKinds: ['FOOD_WORKSHOP', 'PHARMACY', 'SCHOOL_CANTEEN', 'VACCINATION_SITE'],
};
const DEMO_LEAD_IN =
  '针对“3·15”晚会曝光的辣条生产黑作坊、执业药师挂证等问题，开展调味面制品、校园及周边食品、执业药师挂证、疫苗、农资大排查大整治行动。';

describe('summaryText', () => {
  it('writes the example of DOMAIN.md for the demo sweep, naming the source once', () => {
    const text = summaryText({
      ...DEMO,
      asOfDay: '2019-04-30',
      figures: figures({
        officerVisits: 36,
        inspections: 43,
        premisesInspected: 40,
        findings: 14,
        rectificationOrders: 6,
        rectified: 4,
        casesFiled: 4,
        fines: '55000.00',
        confiscations: '6600.00',
        transferredToPolice: 1,
      }),
    });
    expect(text).toBe(
      `${DEMO_LEAD_IN}截至2019年4月30日，全市共出动执法人员36人次，检查各类主体43户次（40户），发现问题14个，责令整改6户，已整改4户，立案4件，罚没款6.16万元，移送公安1件。`,
    );
  });

  it('says 抽检N批次（不合格M批次） after 发现问题 once samples were taken', () => {
    const text = summaryText({
      ...DEMO,
      asOfDay: '2019-04-30',
      figures: figures({
        officerVisits: 4,
        inspections: 2,
        premisesInspected: 2,
        findings: 1,
        samplesTaken: 18,
        samplesFailed: 2,
        rectificationOrders: 1,
      }),
    });
    expect(text).toBe(
      `${DEMO_LEAD_IN}截至2019年4月30日，全市共出动执法人员4人次，检查各类主体2户次（2户），发现问题1个，抽检18批次（不合格2批次），责令整改1户。`,
    );
  });

  it('prints 人次, 户次 and 发现问题 even when nothing has been inspected yet', () => {
    const text = summaryText({
      ...DEMO,
      premisesKinds: [],
      asOfDay: '2019-03-16',
      figures: figures({}),
    });
    expect(text).toBe(
      `${DEMO_LEAD_IN}截至2019年3月16日，全市共出动执法人员0人次，检查市场主体0户次（0户），发现问题0个。`,
    );
  });

  it('leaves out money and cases before any decision, for a range ending early', () => {
    const text = summaryText({
      ...DEMO,
      asOfDay: '2019-03-31',
      figures: figures({
        officerVisits: 20,
        inspections: 18,
        premisesInspected: 17,
        findings: 9,
        rectificationOrders: 5,
        rectified: 3,
        goodsRemovedValue: '1234.50',
        exposedProductsFound: 2,
      }),
    });
    expect(text).toBe(
      `${DEMO_LEAD_IN}截至2019年3月31日，全市共出动执法人员20人次，检查各类主体18户次（17户），发现问题9个，责令整改5户，已整改3户，下架查扣问题产品货值1234.5元，发现被曝光产品2批次。`,
    );
  });

  it('writes a single category, a bureau instead of 全市 and 市场主体 for businesses only', () => {
    const text = summaryText({
      areaName: '兴庆区分局',
      exposures: [{ source: 'CCTV_315_GALA', title: '“3·15”晚会曝光辣条生产黑作坊' }],
      categoryNames: ['调味面制品'],
      premisesKinds: ['FOOD_PRODUCER', 'FOOD_RETAILER'],
      asOfDay: '2019-04-02',
      figures: figures({
        officerVisits: 4,
        inspections: 3,
        premisesInspected: 3,
        findings: 1,
        casesFiled: 1,
        casesDeclined: 2,
        fines: '30000.00',
        transferredToPolice: 0,
      }),
    });
    expect(text).toBe(
      '针对“3·15”晚会曝光的辣条生产黑作坊等问题，开展调味面制品大排查大整治行动。截至2019年4月2日，兴庆区分局共出动执法人员4人次，检查市场主体3户次（3户），发现问题1个，立案1件，不予立案2件，罚没款3万元。',
    );
  });

  it('joins several sources, and writes large counts without separators', () => {
    const text = summaryText({
      areaName: '全市',
      exposures: [
        { source: 'CCTV_315_GALA', title: '辣条' },
        { source: 'SAMR_NOTICE', title: '国家市场监督管理总局曝光假冒疫苗' },
      ],
      categoryNames: ['疫苗'],
      premisesKinds: ['VACCINE_DISTRIBUTOR'],
      asOfDay: '2019-05-01',
      figures: figures({ officerVisits: 12345, inspections: 6789, premisesInspected: 5000 }),
    });
    expect(text).toBe(
      '针对“3·15”晚会、国家市场监督管理总局曝光的辣条、假冒疫苗等问题，开展疫苗大排查大整治行动。截至2019年5月1日，全市共出动执法人员12345人次，检查市场主体6789户次（5000户），发现问题0个。',
    );
  });

  it.each([
    ['61600.00', '6.16万元'],
    ['21000.00', '2.1万元'],
    ['10000.00', '1万元'],
    ['10049.99', '1万元'],
    ['10050.00', '1.01万元'],
    ['12345678.00', '1234.57万元'],
    ['9999.99', '9999.99元'],
    ['1234.50', '1234.5元'],
    ['80.00', '80元'],
  ])('writes %s yuan as %s', (yuan, expected) => {
    expect(formatYuan(yuan)).toBe(expected);
  });

  it('writes days the way the reports do', () => {
    expect(chineseDate('2019-03-05')).toBe('2019年3月5日');
  });
});
