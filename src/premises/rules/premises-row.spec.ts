import { render } from '../../common/messages/message';
import { checkPremisesRow, PremisesRow } from './premises-row';

const BUREAU_ID = '00000000-0000-4000-8000-000000000001';
const bureauIdOf = (code: string) => (code === 'XINGQING' ? BUREAU_ID : undefined);
const base: PremisesRow = {
  name: '  宁夏塞上   面食品有限公司 ',
  kind: 'FOOD_PRODUCER',
  bureauCode: 'XINGQING',
  address: '兴庆区丽景北街88号',
};

describe('checking a registry row (市场主体名录)', () => {
  it('normalises a valid row and leaves omitted fields out, so an update keeps them', () => {
    const result = checkPremisesRow(
      {
        ...base,
        creditCode: '91640100ma75000049',
        licences: [{ kind: 'FOOD_PRODUCTION', number: 'sc10664010000123' }],
      },
      bureauIdOf,
    );
    expect(result).toEqual({
      ok: true,
      row: {
        name: '宁夏塞上 面食品有限公司',
        kind: 'FOOD_PRODUCER',
        bureauId: BUREAU_ID,
        address: '兴庆区丽景北街88号',
        creditCode: '91640100MA75000049',
        licences: [{ kind: 'FOOD_PRODUCTION', number: 'SC10664010000123', validUntil: null }],
      },
    });
  });

  it.each<[string, Partial<PremisesRow>, RegExp]>([
    ['a blank name', { name: ' ' }, /name .* missing/],
    ['a blank address', { address: '' }, /address .* missing/],
    ['an unknown bureau', { bureauCode: 'NOSUCH' }, /unknown bureau code "NOSUCH"/],
    ['an unknown kind', { kind: 'BAKERY' as PremisesRow['kind'] }, /unknown kind "BAKERY"/],
    ['an unknown risk level', { riskLevel: 'E' as PremisesRow['riskLevel'] }, /unknown risk level/],
    ['a wrong check character', { creditCode: '91350100M000100Y44' }, /should be 3/],
    [
      'a short SC number',
      { licences: [{ kind: 'FOOD_PRODUCTION', number: 'SC123' }] },
      /SC followed by 14 digits/,
    ],
    [
      'an impossible validity day',
      { licences: [{ kind: 'FOOD_TRADING', number: 'JY1', validUntil: '2024-02-30' }] },
      /not a day/,
    ],
    [
      'pharmacists at a food producer',
      { pharmacistRegistrations: ['640101201900123'] },
      /only for a PHARMACY/,
    ],
    ['a latitude without longitude', { latitude: 38.5 }, /both latitude and longitude/],
    ['a latitude out of range', { latitude: 95, longitude: 106 }, /latitude 95/],
    ['a longitude out of range', { latitude: 38, longitude: 190 }, /longitude 190/],
    [
      'coordinates that are not numbers',
      { latitude: Number('北纬38'), longitude: 106 },
      /must be numbers/,
    ],
  ])('rejects %s', (_case, change, reason) => {
    const result = checkPremisesRow({ ...base, ...change }, bureauIdOf);
    expect(result.ok).toBe(false);
    expect(!result.ok && render(result.reason, 'en')).toMatch(reason);
  });

  it('accepts pharmacist registrations at a pharmacy, without duplicates', () => {
    const result = checkPremisesRow(
      {
        ...base,
        kind: 'PHARMACY',
        pharmacistRegistrations: ['640101201900123', ' 640101201900123 '],
      },
      bureauIdOf,
    );
    expect(result.ok && result.row.pharmacistRegistrations).toEqual(['640101201900123']);
  });
});

describe('the reasons of a rejected row in Chinese', () => {
  const bureauIdOf = (code: string) => (code === 'XQ' ? 'b1' : undefined);
  const row: PremisesRow = {
    name: '某超市',
    kind: 'FOOD_RETAILER',
    bureauCode: 'XQ',
    address: '解放街1号',
  };

  it.each<[Partial<PremisesRow>, string]>([
    [{ name: ' ' }, '缺少名称'],
    [{ bureauCode: 'NOPE' }, '执法单位代码"NOPE"不存在'],
    [
      { creditCode: '91350100M000100Y44' },
      '统一社会信用代码"91350100M000100Y44"校验位错误（最后一位应为3）',
    ],
    [{ creditCode: '9135' }, '统一社会信用代码"9135"应为18位，实际为4位'],
    [
      { licences: [{ kind: 'FOOD_PRODUCTION', number: 'SC123' }] },
      '食品生产许可证编号"SC123"应为SC加14位数字',
    ],
    [
      { pharmacistRegistrations: ['640120180012'] },
      '只有药店可以登记执业药师注册证（本行类型为FOOD_RETAILER）',
    ],
    [{ latitude: 38.5 }, '经纬度须同时填写或同时留空'],
    [{ latitude: 95, longitude: 106 }, '纬度95不在-90到90之间'],
  ])('says %j as %s', (change, chinese) => {
    const result = checkPremisesRow({ ...row, ...change }, bureauIdOf);
    expect(result.ok).toBe(false);
    expect(!result.ok && render(result.reason, 'zh')).toBe(chinese);
  });

  it('keeps the English wording of each reason, as before the catalogue', () => {
    const result = checkPremisesRow({ ...row, creditCode: '9135' }, bureauIdOf);
    expect(!result.ok && render(result.reason, 'en')).toBe(
      '统一社会信用代码 must be 18 characters, got 4: "9135"',
    );
  });
});
