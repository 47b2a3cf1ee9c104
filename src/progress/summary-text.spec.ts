import { EMPTY_FIGURES } from './figures';
import type { Figures } from './figures';
import { chineseDate, formatCount, formatYuan, summaryText } from './summary-text';

function figures(overrides: Partial<Figures>): Figures {
  return { ...EMPTY_FIGURES, ...overrides };
}

describe('summaryText', () => {
  it('writes the reference report sentence with thousands separators and money in 万元', () => {
    const text = summaryText({
      asOfDay: '2019-03-31',
      areaName: '全市',
      exposures: [],
      categoryNames: [],
      figures: figures({
        officerVisits: 1234,
        inspections: 567,
        findings: 89,
        rectificationOrders: 45,
        casesFiled: 12,
        fines: '30000.00',
        confiscations: '5000.00',
      }),
    });
    expect(text).toBe(
      '截至2019年3月31日，全市共出动执法人员1,234人次，检查市场主体567户次，发现问题89个，责令整改45户，立案12件，罚没款3.5万元。',
    );
  });

  it('leads in with the sweep’s exposures and categories in its own words', () => {
    const text = summaryText({
      asOfDay: '2019-04-02',
      areaName: '兴庆区分局',
      exposures: [
        { source: 'CCTV_315_GALA', title: '辣条' },
        { source: 'CCTV_315_GALA', title: '执业药师挂证' },
      ],
      categoryNames: ['调味面制品', '校园及周边食品'],
      figures: figures({ officerVisits: 4, inspections: 2 }),
    });
    expect(text).toBe(
      '针对“3·15”晚会曝光的辣条、执业药师挂证等问题，开展调味面制品、校园及周边食品大排查大整治行动，截至2019年4月2日，兴庆区分局共出动执法人员4人次，检查市场主体2户次。',
    );
  });

  it('leaves out figures that are zero and includes transfers, goods removed and exposed products', () => {
    const text = summaryText({
      asOfDay: '2019-03-20',
      areaName: '全市',
      exposures: [],
      categoryNames: [],
      figures: figures({
        officerVisits: 2,
        inspections: 1,
        findings: 3,
        rectified: 1,
        goodsRemovedValue: '1234.00',
        transferredToPolice: 1,
        exposedProductsFound: 2,
      }),
    });
    expect(text).toBe(
      '截至2019年3月20日，全市共出动执法人员2人次，检查市场主体1户次，发现问题3个，已整改1个，下架查扣货值0.12万元，移送公安1件，发现被曝光产品2批次。',
    );
    expect(text).not.toMatch(/立案|罚没款|责令整改/);
  });

  it.each([
    ['35000.00', '3.5万元'],
    ['1234.00', '0.12万元'],
    ['1250.00', '0.13万元'],
    ['100.00', '0.01万元'],
    ['99.99', '99.99元'],
    ['80.50', '80.5元'],
    ['12345678.00', '1,234.57万元'],
    ['10000.00', '1万元'],
  ])('writes %s yuan as %s', (yuan, expected) => {
    expect(formatYuan(yuan)).toBe(expected);
  });

  it('writes days and counts the way the reports do', () => {
    expect(chineseDate('2019-03-05')).toBe('2019年3月5日');
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(999)).toBe('999');
  });
});
