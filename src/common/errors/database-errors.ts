import { message, type Message } from '../messages/message';
import { Conflict, DomainError, ServiceUnavailable } from './domain-errors';

interface DriverError {
  code?: string;
  constraint?: string;
  message?: string;
}

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08006',
]);
/**
 * What pg and its pool say when the server or the network goes away (seen through a TCP proxy
 * cut in test/e2e/outage.e2e-spec.ts): pool acquisition timeout, connect timeout, a connection
 * dropped mid-query or during COMMIT, a client found broken, the driver's own read timeout.
 */
const CONNECTION_MESSAGES = [
  /timeout exceeded when trying to connect/i,
  /Connection terminated/i,
  /connect ECONN(REFUSED|RESET)/i,
  /read ECONNRESET/i,
  /Client has encountered a connection error/i,
  /Client was closed and is not queryable/i,
  /Query read timeout/i,
];

/**
 * Unique constraints the service relies on, with the conflict a client sees: a message and the
 * input field that conflicts, in the contract's terms. The constraint's own name never leaves the
 * service (it tells the schema).
 */
const UNIQUE_CONSTRAINTS: Record<string, { described: Message; field: string }> = {
  bureaus_code_key: { described: message('conflict.bureauCode'), field: 'input.code' },
  officers_certificate_number_key: {
    described: message('conflict.certificateNumber'),
    field: 'input.certificateNumber',
  },
  sweeps_code_key: { described: message('conflict.sweepCode'), field: 'input.code' },
  premises_credit_code_name_key: { described: message('conflict.creditCode'), field: 'creditCode' },
  sweep_assignments_sweep_bureau_category_key: {
    described: message('conflict.assignment'),
    field: 'input.assignments',
  },
};

/**
 * Turns what the driver throws into a domain error a client can act on, or undefined when it is a
 * real fault (the caller then reports INTERNAL_SERVER_ERROR without the driver's text).
 */
export function translateDatabaseError(error: unknown): DomainError | undefined {
  if (error instanceof DomainError) return error;
  const driver = ((error as { driverError?: DriverError }).driverError ?? error) as DriverError;
  if (!driver || typeof driver !== 'object') return undefined;
  if (
    (driver.code && CONNECTION_CODES.has(driver.code)) ||
    CONNECTION_MESSAGES.some((pattern) => pattern.test(driver.message ?? ''))
  ) {
    return new ServiceUnavailable();
  }
  if (driver.code === '57014') return new ServiceUnavailable(message('error.statementTimeout'));
  if (driver.code === '40001' || driver.code === '40P01')
    return new ServiceUnavailable(message('error.concurrentChange'));
  if (driver.code === '23505') {
    const known = driver.constraint ? UNIQUE_CONSTRAINTS[driver.constraint] : undefined;
    return known
      ? new Conflict(known.described, { field: known.field })
      : new Conflict(message('error.exists'));
  }
  return undefined;
}
