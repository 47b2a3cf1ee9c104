import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** The limits a throttle check counts failures against. */
export interface FailureWindow {
  windowSeconds: number;
  perCertificateAndAddress: number;
  perAddress: number;
}

/** Recent failures of one certificate number from one address, and of the address overall. */
export interface RecentFailures {
  /** Failures of the pair within the window (counted up to its limit). */
  pair: number;
  /** Failures from the address within the window (counted up to its limit). */
  address: number;
  /** Seconds until the oldest counted failure of the pair leaves the window. */
  pairRetrySeconds: number | null;
  /** Seconds until the oldest counted failure of the address leaves the window. */
  addressRetrySeconds: number | null;
}

/** Every SQL statement on login_failures, the failed logins kept a day for throttling. */
@Injectable()
export class LoginFailuresRepository {
  async recent(
    manager: EntityManager,
    certificateNumber: string,
    clientAddress: string,
    limits: FailureWindow,
  ): Promise<RecentFailures> {
    const [counts] = await manager.query<
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
        limits.windowSeconds,
        limits.perCertificateAndAddress,
        limits.perAddress,
      ],
    );
    return {
      pair: counts.pair,
      address: counts.address,
      pairRetrySeconds: counts.pair_retry,
      addressRetrySeconds: counts.address_retry,
    };
  }

  async insert(
    manager: EntityManager,
    certificateNumber: string,
    clientAddress: string,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO login_failures (certificate_number, client_address) VALUES ($1, $2)`,
      [certificateNumber.slice(0, 64), clientAddress.slice(0, 64)],
    );
  }

  /** Forgets failures older than a day. */
  async prune(manager: EntityManager): Promise<void> {
    await manager.query(`DELETE FROM login_failures WHERE at < now() - interval '1 day'`);
  }

  /** Forgets the failures of one certificate number from one address. */
  async clear(
    manager: EntityManager,
    certificateNumber: string,
    clientAddress: string,
  ): Promise<void> {
    await manager.query(
      `DELETE FROM login_failures WHERE certificate_number = $1 AND client_address = $2`,
      [certificateNumber, clientAddress],
    );
  }
}
