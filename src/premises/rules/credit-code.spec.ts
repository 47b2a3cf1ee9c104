import { render } from '../../common/messages/message';
import {
  creditCodeCheckCharacter,
  creditCodeProblem,
  isValidCreditCode,
  isValidFoodProductionLicenceNumber,
} from './credit-code';

describe('unified social credit code (GB 32100-2015)', () => {
  it.each([
    ['91350100M000100Y43', 'the example of DOMAIN.md'],
    ['91640100MA7500000W', 'a company registered in a Ningxia-like city'],
    ['91640104MA76A1B2CK', 'a company of a district'],
    ['92640100L12345678W', 'a sole trader (个体工商户)'],
    ['12640000455800034C', 'a public institution (事业单位)'],
    ['52640100MJX0000121', 'a social organisation whose check character is a digit'],
  ])('accepts %s (%s)', (code) => {
    expect(creditCodeProblem(code)).toBeNull();
    expect(isValidCreditCode(code)).toBe(true);
  });

  it.each([
    ['91350100M000100Y44', /check character is wrong.*3/],
    ['91640100MA7500000X', /check character is wrong.*W/],
    ['91640104MA76A1B2C0', /check character is wrong/],
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

  it('refuses every wrong check character of a valid code', () => {
    const first17 = '91640100MA7500000';
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
