import { QueryFailedError } from 'typeorm';
import { translateDatabaseError } from './database-errors';

/** An error as pg throws it: a message, sometimes a code. */
function driverError(message: string, code?: string): Error {
  return Object.assign(new Error(message), code ? { code } : {});
}

describe('translateDatabaseError', () => {
  it.each([
    ['the pool acquisition timeout', driverError('timeout exceeded when trying to connect')],
    ['a connect timeout', driverError('Connection terminated due to connection timeout')],
    ['a reset while connecting', driverError('connect ECONNRESET 127.0.0.1:5432', 'ECONNRESET')],
    ['a refused connection', driverError('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['a reset while reading', driverError('read ECONNRESET', 'ECONNRESET')],
    [
      'a connection dropped mid-statement or during COMMIT',
      new QueryFailedError('COMMIT', [], driverError('Connection terminated unexpectedly')),
    ],
    [
      'a broken client',
      driverError('Client has encountered a connection error and is not queryable'),
    ],
    ['a closed client', driverError('Client was closed and is not queryable')],
    ['the driver read timeout', driverError('Query read timeout')],
    [
      'an administrator shutdown',
      driverError('terminating connection due to administrator command', '57P01'),
    ],
    [
      'a server that cannot accept connections yet',
      driverError('the database system is starting up', '57P03'),
    ],
  ])('makes %s SERVICE_UNAVAILABLE', (_name, error) => {
    expect(translateDatabaseError(error)?.code).toBe('SERVICE_UNAVAILABLE');
  });

  it('makes a cancelled statement (statement_timeout) SERVICE_UNAVAILABLE', () => {
    const error = new QueryFailedError(
      'SELECT 1',
      [],
      driverError('canceling statement due to statement timeout', '57014'),
    );
    expect(translateDatabaseError(error)?.code).toBe('SERVICE_UNAVAILABLE');
  });

  it('makes a unique violation CONFLICT naming the input field, never the constraint', () => {
    const error = new QueryFailedError(
      'INSERT',
      [],
      Object.assign(driverError('duplicate key value', '23505'), {
        constraint: 'bureaus_code_key',
      }),
    );
    const translated = translateDatabaseError(error);
    expect(translated).toMatchObject({
      code: 'CONFLICT',
      message: 'A bureau with this code already exists',
      extensions: { field: 'input.code' },
    });
    expect(JSON.stringify(translated?.extensions)).not.toContain('bureaus_code_key');
  });

  it('says only that the record exists for a unique constraint it does not know', () => {
    const error = new QueryFailedError(
      'INSERT',
      [],
      Object.assign(driverError('duplicate key value', '23505'), {
        constraint: 'some_internal_idx',
      }),
    );
    const translated = translateDatabaseError(error);
    expect(translated?.code).toBe('CONFLICT');
    expect(JSON.stringify({ ...translated, message: translated?.message })).not.toContain(
      'some_internal_idx',
    );
  });

  it('leaves a real fault (a missing column) to INTERNAL_SERVER_ERROR', () => {
    const error = new QueryFailedError(
      'SELECT',
      [],
      driverError('column "x" does not exist', '42703'),
    );
    expect(translateDatabaseError(error)).toBeUndefined();
  });
});
