import { passwordProblem } from './password-policy';

describe('passwordProblem', () => {
  it.each([
    ['short-pass', 'officers.passwordTooShort'],
    ['JX-0001-and-more', 'officers.passwordIsCertificate'],
    ['xxjx-0001xxxx', 'officers.passwordIsCertificate'],
    ['Password1234', 'officers.passwordTooCommon'],
    ['1qaz2wsx3edc', 'officers.passwordTooCommon'],
    ['woaini1314520', 'officers.passwordTooCommon'],
    ['aaaaaaaaaaaa', 'officers.passwordTooCommon'],
    ['abcabcabcabc', 'officers.passwordTooCommon'],
  ])('refuses %s with %s', (password, key) => {
    expect(passwordProblem(password, 'jx-0001')?.key).toBe(key);
  });

  it('accepts a long password of its own', () => {
    expect(passwordProblem('river-lamp-quietly-73', 'jx-0001')).toBeNull();
  });
});
