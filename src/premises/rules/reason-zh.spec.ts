import { checkPremisesRow } from './premises-row';
import { reasonInChinese } from './reason-zh';

describe('import reasons in Chinese', () => {
  const bureauIdOf = (code: string) => (code === 'XQ' ? 'b1' : undefined);
  const row = {
    name: '某超市',
    kind: 'FOOD_RETAILER' as const,
    bureauCode: 'XQ',
    address: '解放街1号',
  };

  it.each([
    [{ ...row, name: ' ' }, '缺少名称'],
    [{ ...row, bureauCode: 'NOPE' }, '执法单位代码"NOPE"不存在'],
    [
      { ...row, creditCode: '91350100M000100Y44' },
      '统一社会信用代码"91350100M000100Y44"校验位错误（最后一位应为3）',
    ],
    [{ ...row, creditCode: '9135' }, '统一社会信用代码"9135"应为18位，实际为4位'],
    [
      { ...row, licences: [{ kind: 'FOOD_PRODUCTION' as const, number: 'SC123' }] },
      '食品生产许可证编号"SC123"应为SC加14位数字',
    ],
    [
      { ...row, pharmacistRegistrations: ['640120180012'] },
      '只有药店可以登记执业药师注册证（本行类型为FOOD_RETAILER）',
    ],
    [{ ...row, latitude: 38.5 }, '经纬度须同时填写或同时留空'],
  ])('says %j as %s', (input, chinese) => {
    const result = checkPremisesRow(input, bureauIdOf);
    expect(result.ok).toBe(false);
    expect(reasonInChinese((result as { reason: string }).reason)).toBe(chinese);
  });

  it('keeps a reason it does not know', () => {
    expect(reasonInChinese('something new')).toBe('something new');
  });
});
