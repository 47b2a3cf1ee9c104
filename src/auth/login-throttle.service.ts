import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TooManyRequests } from '../common/errors/domain-errors';

/**
 * Login throttling. Failures count per (certificate, client address) and per client address over a
 * sliding window. Keying the certificate limit by address too means an attacker elsewhere cannot
 * lock a real officer out: the attacker's own address is what gets blocked, and only for the
 * window.
 */
export const LOGIN_THROTTLE = {
  windowSeconds: 300,
  perCertificateAndAddress: 5,
  perAddress: 30,
};

@Injectable()
export class LoginThrottleService {
  constructor(private readonly dataSource: DataSource) {}

  /** Refuses with TOO_MANY_REQUESTS (and retryAfterSeconds) while a limit is reached. */
  async check(certificateNumber: string, clientAddress: string): Promise<void> {
    const [counts] = await this.dataSource.query<
      { pair: number; address: number; pair_retry: number | null; address_retry: number | null }[]
    >(
      `WITH recent AS (
         SELECT certificate_number, at FROM login_failures
         WHERE client_address = $2 AND at > now() - make_interval(secs => $3)
       ), pair AS (
         SELECT at FROM recent WHERE certificate_number = $1 ORDER BY at DESC LIMIT $4
       ), address AS (
         SELECT at FROM recent ORDER BY at DESC LIMIT $5
       )
       SELECT (SELECT count(*)::int FROM pair) AS pair,
              (SELECT count(*)::int FROM address) AS address,
              (SELECT ceil(extract(epoch FROM min(at) + make_interval(secs => $3) - now()))::int FROM pair) AS pair_retry,
              (SELECT ceil(extract(epoch FROM min(at) + make_interval(secs => $3) - now()))::int FROM address) AS address_retry`,
      [
        certificateNumber,
        clientAddress,
        LOGIN_THROTTLE.windowSeconds,
        LOGIN_THROTTLE.perCertificateAndAddress,
        LOGIN_THROTTLE.perAddress,
      ],
    );
    if (counts.pair >= LOGIN_THROTTLE.perCertificateAndAddress)
      throw new TooManyRequests(Math.max(1, counts.pair_retry ?? 1));
    if (counts.address >= LOGIN_THROTTLE.perAddress)
      throw new TooManyRequests(Math.max(1, counts.address_retry ?? 1));
  }

  async recordFailure(certificateNumber: string, clientAddress: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO login_failures (certificate_number, client_address) VALUES ($1, $2)`,
      [certificateNumber.slice(0, 64), clientAddress.slice(0, 64)],
    );
    if (Math.random() < 0.02) {
      await this.dataSource.query(`DELETE FROM login_failures WHERE at < now() - interval '1 day'`);
    }
  }

  /** A successful login clears that officer's failures from that address. */
  async recordSuccess(certificateNumber: string, clientAddress: string): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM login_failures WHERE certificate_number = $1 AND client_address = $2`,
      [certificateNumber, clientAddress],
    );
  }
}
