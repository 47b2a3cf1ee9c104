import { GraphQLError } from 'graphql';
import { formatGraphQLError } from '../errors/graphql-errors';
import { unstorableText } from './validation.pipe';

const paths = (value: unknown, path: string): string[] =>
  unstorableText(value, path).map((field) => field.path);

describe('text PostgreSQL cannot store, in arguments', () => {
  it('finds every string holding U+0000 by its path from the argument name', () => {
    const input = {
      title: 'ok',
      notes: 'a\u0000b',
      findings: [
        { description: '好' },
        { description: '\u0000', evidence: [{ fileName: 'x\u0000' }] },
      ],
    };
    expect(paths(input, 'input')).toEqual([
      'input.notes',
      'input.findings[1].description',
      'input.findings[1].evidence[0].fileName',
    ]);
    expect(unstorableText('a\u0000', 'id')).toEqual([
      { path: 'id', message: { key: 'validation.nul' } },
    ]);
  });

  it('finds lone surrogates but accepts emoji, CJK and right-to-left text', () => {
    expect(paths({ a: 'x\uD800', b: '\uDC00y', c: 'z\uDBFF\uD800' }, 'input')).toEqual([
      'input.a',
      'input.b',
      'input.c',
    ]);
    expect(paths({ a: '🌶️🔥👍🏽', b: '调味面制品', c: 'مرحبا', d: '\u202Eevil' }, 'input')).toEqual(
      [],
    );
  });

  it('finds nothing in clean input, in numbers, or inside class instances and cycles', () => {
    class Request {
      body = 'a\u0000b';
    }
    const cycle: Record<string, unknown> = { name: '辣条' };
    cycle.self = cycle;
    expect(paths({ a: ['x', 1, null, true], b: { c: '🌶️' } }, 'input')).toEqual([]);
    expect(paths({ req: new Request() }, '')).toEqual([]);
    expect(paths(cycle, 'input')).toEqual([]);
  });

  it('searches arguments without a prototype (as graphql-js builds them) too', () => {
    const input = Object.assign(Object.create(null) as Record<string, unknown>, { name: '\u0000' });
    expect(paths(input, 'input')).toEqual(['input.name']);
  });
});

describe('the variable error limit of graphql-js', () => {
  it('is the client’s BAD_USER_INPUT, not an internal error', () => {
    const error = new GraphQLError(
      'Too many errors processing variables, error limit reached. Execution aborted.',
    );
    expect(formatGraphQLError(error.toJSON(), error).extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [],
    });
  });
});
