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

/** Unique constraints the service relies on, with the conflict a client sees. */
const UNIQUE_CONSTRAINTS: Record<string, string> = {
  bureaus_code_key: 'A bureau with this code already exists',
  officers_certificate_number_key: 'An officer with this certificate number already exists',
  sweeps_code_key: 'A sweep with this code already exists',
  premises_credit_code_key: 'A premises with this credit code already exists',
  sweep_assignments_sweep_bureau_category_key: 'A bureau has this category assigned twice',
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
  if (driver.code === '57014')
    return new ServiceUnavailable('The request took too long; retry later');
  if (driver.code === '40001' || driver.code === '40P01')
    return new ServiceUnavailable('A concurrent change interfered; retry');
  if (driver.code === '23505') {
    const message =
      (driver.constraint && UNIQUE_CONSTRAINTS[driver.constraint]) ?? 'This record already exists';
    return new Conflict(message, { constraint: driver.constraint });
  }
  return undefined;
}
