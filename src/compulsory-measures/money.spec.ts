import { addMoney } from './money';

describe('addMoney (yuan, two decimals, never a float)', () => {
  it.each([
    [[], '0.00'],
    [['0.10', '0.20'], '0.30'],
    [['1234.5', '0.05'], '1234.55'],
    [['99999999999.99', '0.01'], '100000000000.00'],
    [['35000', '1.1', '0.01'], '35001.11'],
  ])('adds %j to %s', (amounts, sum) => {
    expect(addMoney(...amounts)).toBe(sum);
  });

  it('refuses what is not an amount', () => {
    expect(() => addMoney('1.234')).toThrow();
    expect(() => addMoney('-1.00')).toThrow();
  });
});
