import { GraphQLError, GraphQLScalarType, Kind, ValueNode } from 'graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { scalarError } from '../messages/described-error';
import { message } from '../messages/message';

export const JSONScalar = GraphQLJSON;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;
const CALENDAR_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONEY = /^\d{1,12}(\.\d{1,2})?$/;

function literalString(ast: ValueNode, scalar: string): string {
  if (ast.kind !== Kind.STRING) throw scalarError(message('scalar.notString', { scalar }));
  return ast.value;
}

function parseInstant(value: unknown): Date {
  if (typeof value !== 'string' || !ISO_INSTANT.test(value)) {
    throw scalarError(message('scalar.dateTime'));
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw scalarError(message('scalar.invalidInstant'));
  return date;
}

/** An ISO 8601 instant, served in UTC (`2019-03-15T02:30:00.000Z`). */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description:
    'An ISO 8601 instant. Inputs must carry a time zone offset; outputs are always UTC, e.g. 2019-03-15T02:30:00.000Z.',
  serialize(value) {
    const date = value instanceof Date ? value : new Date(value as string);
    if (Number.isNaN(date.getTime()))
      throw new GraphQLError('DateTime cannot represent an invalid date');
    return date.toISOString();
  },
  parseValue: parseInstant,
  parseLiteral: (ast) => parseInstant(literalString(ast, 'DateTime')),
});

export function isCalendarDay(value: string): boolean {
  const match = CALENDAR_DAY.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return (
    date.getUTCFullYear() === Number(match[1]) &&
    date.getUTCMonth() === Number(match[2]) - 1 &&
    date.getUTCDate() === Number(match[3])
  );
}

function parseDay(value: unknown): string {
  if (typeof value !== 'string' || !isCalendarDay(value)) throw scalarError(message('scalar.date'));
  return value;
}

/** A calendar day `YYYY-MM-DD`, counted in Asia/Shanghai. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description:
    'A calendar day YYYY-MM-DD in Asia/Shanghai (the bureau works in China Standard Time).',
  serialize(value) {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    return parseDay(value);
  },
  parseValue: parseDay,
  parseLiteral: (ast) => parseDay(literalString(ast, 'Date')),
});

/** Normalises yuan to a string with exactly two decimals; never goes through a float. */
export function normaliseMoney(value: string): string {
  const [whole, fraction = ''] = value.split('.');
  return `${BigInt(whole).toString()}.${fraction.padEnd(2, '0')}`;
}

/**
 * Money inputs are strings only (the contract: "never a float"): the JSON number 35000.5 has
 * already been through a binary float by the time it arrives, so it is refused, not rounded.
 */
function parseMoney(value: unknown): string {
  if (typeof value !== 'string' || !MONEY.test(value)) {
    throw scalarError(message('scalar.money'));
  }
  return normaliseMoney(value);
}

/** Yuan as a string with exactly two decimals (`"35000.00"`), never a float. */
export const MoneyScalar = new GraphQLScalarType<string, string>({
  name: 'Money',
  description:
    'An amount of yuan (元) as a string with exactly two decimals, e.g. "35000.00"; never a float. Inputs are strings too (a JSON or GraphQL number is refused) and may omit trailing zeros.',
  serialize(value) {
    if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) {
      const negative = value.startsWith('-');
      const [whole, fraction = ''] = value.replace('-', '').split('.');
      return `${negative ? '-' : ''}${BigInt(whole).toString()}.${fraction.padEnd(2, '0').slice(0, 2)}`;
    }
    throw new GraphQLError('Money must be a decimal string');
  },
  parseValue: parseMoney,
  parseLiteral(ast) {
    if (ast.kind === Kind.STRING) return parseMoney(ast.value);
    throw scalarError(message('scalar.money'));
  },
});
