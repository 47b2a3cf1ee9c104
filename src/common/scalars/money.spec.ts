import { Kind } from 'graphql';
import { MoneyScalar } from './scalars';

describe('Money inputs', () => {
  it('accept strings of yuan, normalised to two decimals', () => {
    expect(MoneyScalar.parseValue('35000.5')).toBe('35000.50');
    expect(MoneyScalar.parseValue('35000')).toBe('35000.00');
    expect(MoneyScalar.parseLiteral({ kind: Kind.STRING, value: '0.1' })).toBe('0.10');
  });

  it('refuse JSON numbers and GraphQL number literals: a float has already lost the amount', () => {
    expect(() => MoneyScalar.parseValue(35000.5)).toThrow();
    expect(() => MoneyScalar.parseValue(35000)).toThrow();
    expect(() => MoneyScalar.parseLiteral({ kind: Kind.FLOAT, value: '35000.5' })).toThrow();
    expect(() => MoneyScalar.parseLiteral({ kind: Kind.INT, value: '35000' })).toThrow();
  });

  it('refuse more than two decimals and negative amounts', () => {
    expect(() => MoneyScalar.parseValue('100.125')).toThrow();
    expect(() => MoneyScalar.parseValue('-1.00')).toThrow();
  });
});
