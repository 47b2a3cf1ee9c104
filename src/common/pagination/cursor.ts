import { isUUID } from 'class-validator';
import { BadUserInput } from '../errors/domain-errors';
import { message } from '../messages/message';

/**
 * One cursor codec for every connection: a cursor is the sort key of an edge, as a base64url JSON
 * array, with each value's kind declared by the list that issues it. A cursor that does not decode
 * to exactly those kinds is the client's mistake (BAD_USER_INPUT on the argument that carried it),
 * never a value that reaches SQL.
 */
const KINDS = {
  uuid: (value: unknown): value is string => typeof value === 'string' && isUUID(value),
  text: (value: unknown): value is string => typeof value === 'string' && value.length <= 1000,
  /** A calendar day YYYY-MM-DD. */
  day: (value: unknown): value is string =>
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value),
  /** A UTC timestamp with microseconds, as PostgreSQL stores it (`2019-03-15T02:30:00.123456`). */
  instant: (value: unknown): value is string =>
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/.test(value),
  int: (value: unknown): value is number => Number.isSafeInteger(value),
  /** A nullable text (a sort key that may be absent: a day not set). */
  optionalText: (value: unknown): value is string | null =>
    value === null || (typeof value === 'string' && value.length <= 1000),
} as const;

type Kind = keyof typeof KINDS;
type ValueOf<K extends Kind> = (typeof KINDS)[K] extends (value: unknown) => value is infer T
  ? T
  : never;
type Values<Kinds extends readonly Kind[]> = { [Index in keyof Kinds]: ValueOf<Kinds[Index]> };

export interface CursorCodec<Kinds extends readonly Kind[]> {
  encode(values: Values<Kinds>): string;
  /** The values of `cursor`; BAD_USER_INPUT on `argument` when it is not a cursor of this list. */
  decode(cursor: string, argument?: string): Values<Kinds>;
}

/** A codec for cursors of these kinds: `cursorCodec(['day', 'uuid'])`. */
export function cursorCodec<const Kinds extends readonly Kind[]>(kinds: Kinds): CursorCodec<Kinds> {
  return {
    encode: (values) => Buffer.from(JSON.stringify(values), 'utf8').toString('base64url'),
    decode(cursor, argument = 'after') {
      let values: unknown;
      try {
        values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
      } catch {
        values = undefined;
      }
      if (
        Array.isArray(values) &&
        values.length === kinds.length &&
        kinds.every((kind, index) => KINDS[kind](values[index]))
      ) {
        return values as Values<Kinds>;
      }
      throw BadUserInput.field(argument, message('pagination.badCursor'));
    },
  };
}
