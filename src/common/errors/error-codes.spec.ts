import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { codeOfHttpStatus, ERROR_CODES, httpStatusOf, isClientFacingCode } from './error-codes';

describe('the table of error codes', () => {
  it('lists every code the contract README names, as a code services may raise', () => {
    const readme = readFileSync(join(__dirname, '../../../test/contract/README.md'), 'utf8');
    const paragraph = readme.slice(readme.indexOf('`extensions.code`')).split(/\n\s*\n/)[0];
    const named = [...paragraph.matchAll(/`([A-Z][A-Z_]+)`/g)].map((match) => match[1]);
    expect(named.length).toBeGreaterThanOrEqual(9);
    for (const code of named)
      expect([
        code,
        code in ERROR_CODES && ERROR_CODES[code as keyof typeof ERROR_CODES].domain,
      ]).toEqual([code, true]);
  });

  it('gives REST answers the status of their code', () => {
    expect(httpStatusOf('NOT_FOUND')).toBe(404);
    expect(httpStatusOf('INVALID_STATE')).toBe(409);
    expect(codeOfHttpStatus(409)).toBe('CONFLICT');
    expect(codeOfHttpStatus(401)).toBe('UNAUTHENTICATED');
  });

  it('lets every code but INTERNAL_SERVER_ERROR reach the client as it is', () => {
    expect(isClientFacingCode('GRAPHQL_VALIDATION_FAILED')).toBe(true);
    expect(isClientFacingCode('INTERNAL_SERVER_ERROR')).toBe(false);
    expect(isClientFacingCode('SOMETHING_ELSE')).toBe(false);
  });
});
