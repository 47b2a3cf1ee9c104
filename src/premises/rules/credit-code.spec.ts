import { render } from '../../common/messages/message';
import {
  creditCodeCheckCharacter,
  creditCodeProblem,
  isValidCreditCode,
  isValidFoodProductionLicenceNumber,
  organisationCodeCheckCharacter,
} from './credit-code';

describe('unified social credit code (GB 32100-2015)', () => {
  it.each([
    ['91350100M000100Y43', 'the example of DOMAIN.md'],
    ['91640100MA75000049', 'a company registered in a Ningxia-like city'],
    ['91640104MA76A1B29A', 'a company of a district'],
    ['92640100L12345674G', 'a sole trader (个体工商户)'],
    ['126400004558000049', 'a public institution (事业单位)'],
    ['52640100MJX000018K', 'a social organisation'],
    ['91640121MA75C000X1', 'an organisation code whose check character is X'],
  ])('accepts %s (%s)', (code) => {
    expect(creditCodeProblem(code)).toBeNull();
    expect(isValidCreditCode(code)).toBe(true);
  });

  it.each([
    ['91350100M000100Y44', /check character is wrong.*3/],
    ['91640100MA7500004X', /check character is wrong.*9/],
    ['91640104MA76A1B290', /check character is wrong/],
    // The codes the unit test used to accept: right overall check, wrong organisation code.
    ['91640100MA7500000W', /organisation code.*MA7500000.*should be 4/],
    ['92640100L12345678W', /organisation code.*L12345678.*should be 4/],
    ['12640000455800034C', /organisation code.*455800034.*should be 9/],
    ['916401AB0M000100Y4', /division code.*"6401AB"/],
    ['91350100M000100Y4', /18 characters, got 17/],
    ['91350100M000100Y433', /18 characters, got 19/],
    ['91350100I000100Y43', /"I"/],
    ['91350100O000100Y43', /"O"/],
    ['91350100S000100Y43', /"S"/],
    ['91350100V000100Y43', /"V"/],
    ['91350100Z000100Y43', /"Z"/],
    ['91350100m000100y43', /"m"/],
  ])('refuses %s', (code, reason) => {
    const problem = creditCodeProblem(code);
    expect(problem && render(problem, 'en')).toMatch(reason);
    expect(isValidCreditCode(code)).toBe(false);
  });

  it('explains a wrong organisation code in Chinese, naming the part and the right character', () => {
    expect(render(creditCodeProblem('91640100MA7500000W')!, 'zh')).toBe(
      '统一社会信用代码"91640100MA7500000W"第9至17位主体标识码（组织机构代码）MA7500000校验码错误（第17位应为4）',
    );
  });

  it.each([
    ['M000100Y', '4'],
    ['MA750000', '4'],
    ['MA75C000', 'X'],
    ['45580003', '9'],
    ['00000000', '0'],
  ])('computes the GB 11714 check character of %s as %s', (first8, expected) => {
    expect(organisationCodeCheckCharacter(first8)).toBe(expected);
  });

  it('refuses every wrong organisation check character of a valid code', () => {
    for (const wrong of '0123456789X') {
      const first17 = `91640100MA750000${wrong}`;
      const code = first17 + creditCodeCheckCharacter(first17)!;
      expect(isValidCreditCode(code)).toBe(wrong === '4');
    }
  });

  it('refuses every wrong check character of a valid code', () => {
    const first17 = '91640100MA7500004';
    const right = creditCodeCheckCharacter(first17);
    for (const wrong of '0123456789ABCDEFGHJKLMNPQRTUWXY') {
      expect(isValidCreditCode(first17 + wrong)).toBe(wrong === right);
    }
  });

  it('computes no check character for a prefix with a forbidden character', () => {
    expect(creditCodeCheckCharacter('91350100I000100Y4')).toBeNull();
  });
});

describe('food production licence number (食品生产许可证)', () => {
  it.each([
    ['SC10664010000123', true],
    ['SC11164010200017', true],
    ['SC1066401000012', false],
    ['SC106640100001234', false],
    ['sc10664010000123', false],
    ['QS10664010000123', false],
    ['SC1066401000012A', false],
  ])('%s is valid: %s', (number, valid) => {
    expect(isValidFoodProductionLicenceNumber(number)).toBe(valid);
  });
});
