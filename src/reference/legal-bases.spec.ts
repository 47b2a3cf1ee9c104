import { legalBasisOn, type LegalBasisRecord } from './legal-bases';

const basis = (overrides: Partial<LegalBasisRecord>): LegalBasisRecord => ({
  checklistItemCode: null,
  violationTypeCode: null,
  basis: '',
  authority: null,
  validFrom: '2000-01-01',
  validUntil: null,
  ...overrides,
});

/** The rows of migration LegalBases that the cases below rely on. */
const BASES = [
  basis({
    checklistItemCode: 'VAC-03',
    basis: '《药品管理法》（2015年修正）第七十三条、第七十四条（假药、劣药）',
    validFrom: '2015-04-24',
    validUntil: '2019-11-30',
  }),
  basis({ checklistItemCode: 'VAC-03', basis: '《疫苗管理法》第八十条', validFrom: '2019-12-01' }),
  basis({
    checklistItemCode: 'AGR-02',
    basis: '《农药管理条例》第二十六条、第二十七条（农药采购台账、销售台账）',
    authority: '农业农村主管部门',
    validFrom: '2017-06-01',
  }),
  basis({ violationTypeCode: 'NO_PURCHASE_LEDGER', basis: '《食品安全法》第一百二十六条' }),
  basis({ violationTypeCode: 'COUNTERFEIT', basis: '《产品质量法》第五十条' }),
  basis({
    violationTypeCode: 'COLD_CHAIN_BREACH',
    basis: '《疫苗流通和预防接种管理条例》（2016年修订）第六十五条',
    validFrom: '2016-04-23',
    validUntil: '2019-11-30',
  }),
  basis({
    violationTypeCode: 'COLD_CHAIN_BREACH',
    basis: '《疫苗管理法》第八十五条',
    validFrom: '2019-12-01',
  }),
];

describe('the legal basis a finding cites (法律依据)', () => {
  it.each([
    [
      'a counterfeit vaccine in March 2019',
      'VAC-03',
      'COUNTERFEIT',
      '2019-03-20',
      '《药品管理法》（2015年修正）第七十三条、第七十四条（假药、劣药）',
    ],
    [
      'a counterfeit vaccine on the day the vaccine law took effect',
      'VAC-03',
      'COUNTERFEIT',
      '2019-12-01',
      '《疫苗管理法》第八十条',
    ],
    [
      'counterfeit goods of an item without its own basis',
      'SFP-09',
      'COUNTERFEIT',
      '2019-03-20',
      '《产品质量法》第五十条',
    ],
    [
      'a pesticide ledger',
      'AGR-02',
      'NO_PURCHASE_LEDGER',
      '2019-03-20',
      '《农药管理条例》第二十六条、第二十七条（农药采购台账、销售台账）',
    ],
    ['a food ledger', 'CF-01', 'NO_PURCHASE_LEDGER', '2019-03-20', '《食品安全法》第一百二十六条'],
    [
      'a cold chain breach on the last day of the old regulation',
      null,
      'COLD_CHAIN_BREACH',
      '2019-11-30',
      '《疫苗流通和预防接种管理条例》（2016年修订）第六十五条',
    ],
    [
      'a cold chain breach now',
      null,
      'COLD_CHAIN_BREACH',
      '2026-11-29',
      '《疫苗管理法》第八十五条',
    ],
  ])('cites for %s the law in force that day', (_case, item, type, day, expected) => {
    expect(legalBasisOn(BASES, item, type, day)?.basis).toBe(expected);
  });

  it('names the authority that enforces a basis outside market regulation', () => {
    expect(legalBasisOn(BASES, 'AGR-02', 'NO_PURCHASE_LEDGER', '2019-03-20')?.authority).toBe(
      '农业农村主管部门',
    );
  });

  it('cites nothing before any basis was in force', () => {
    expect(legalBasisOn(BASES, null, 'COLD_CHAIN_BREACH', '2016-01-01')).toBeNull();
  });
});
