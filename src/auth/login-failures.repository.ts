import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** The limits an attempt is counted against. */
export interface FailureWindow {
  windowSeconds: number;
  perCertificateAndAddress: number;
  perAddress: number;
  /** Failures of one certificate from every address after which its attempts are spaced out. */
  perCertificate: number;
  /** Seconds between two attempts on one certificate once `perCertificate` is reached. */
  certificateSpacingSeconds: number;
}

/** Why an attempt was not admitted: seconds until one would be. */
export interface Refusal {
  retryAfterSeconds: number;
}

/** Every SQL statement on login_failures, the failed logins kept a day for throttling. */
@Injectable()
export class LoginFailuresRepository {
  /**
   * Counts one attempt before its password is checked, atomically: the advisory locks of the
   * address and of the certificate serialise the count and the insert, so a parallel burst is
   * admitted exactly up to the limits (a check, then verify, then record lets a burst through).
   * Runs in the caller's transaction (the locks end with it). The attempt is recorded as a
   * failure; a successful login clears it. Returns the refusal, or null when admitted.
   */
  async admit(
    manager: EntityManager,
    certificateKey: string,
    addressKey: string,
    limits: FailureWindow,
  ): Promise<Refusal | null> {
    // Address first, then certificate, in every transaction: a fixed order cannot deadlock.
    await manager.query(
      `SELECT pg_advisory_xact_lock(hashtext('login-address:' || $1)),
              pg_advisory_xact_lock(hashtext('login-certificate:' || $2))`,
      [addressKey, certificateKey],
    );
    const [counts] = await manager.query<
      {
        pair: number;
        address: number;
        certificate: number;
        pair_retry: number | null;
        address_retry: number | null;
        spacing_retry: number | null;
      }[]
    >(
      `WITH window_start AS (SELECT now() - make_interval(secs => $3) AS at),
       pair AS (
         SELECT at FROM login_failures
         WHERE client_address = $2 AND certificate_number = $1 AND at > (SELECT at FROM window_start)
         ORDER BY at DESC LIMIT $4
       ), address AS (
         SELECT at FROM login_failures
         WHERE client_address = $2 AND at > (SELECT at FROM window_start)
         ORDER BY at DESC LIMIT $5
       ), certificate AS (
         SELECT at FROM login_failures
         WHERE certificate_number = $1 AND at > (SELECT at FROM window_start)
         ORDER BY at DESC LIMIT $6
       )
       SELECT (SELECT count(*)::int FROM pair) AS pair,
              (SELECT count(*)::int FROM address) AS address,
              (SELECT count(*)::int FROM certificate) AS certificate,
              (SELECT ceil(extract(epoch FROM min(at) + make_interval(secs => $3) - now()))::int FROM pair) AS pair_retry,
              (SELECT ceil(extract(epoch FROM min(at) + make_interval(secs => $3) - now()))::int FROM address) AS address_retry,
              (SELECT ceil(extract(epoch FROM max(at) + make_interval(secs => $7) - now()))::int FROM certificate) AS spacing_retry`,
      [
        certificateKey,
        addressKey,
        limits.windowSeconds,
        limits.perCertificateAndAddress,
        limits.perAddress,
        limits.perCertificate,
        limits.certificateSpacingSeconds,
      ],
    );
    if (counts.pair >= limits.perCertificateAndAddress)
      return { retryAfterSeconds: Math.max(1, counts.pair_retry ?? 1) };
    if (counts.address >= limits.perAddress)
      return { retryAfterSeconds: Math.max(1, counts.address_retry ?? 1) };
    if (counts.certificate >= limits.perCertificate && (counts.spacing_retry ?? 0) > 0)
      return { retryAfterSeconds: Math.max(1, counts.spacing_retry ?? 1) };
    await manager.query(
      `INSERT INTO login_failures (certificate_number, client_address) VALUES ($1, $2)`,
      [certificateKey.slice(0, 64), addressKey.slice(0, 64)],
    );
    return null;
  }

  /** Forgets failures older than a day. */
  async prune(manager: EntityManager): Promise<void> {
    await manager.query(`DELETE FROM login_failures WHERE at < now() - interval '1 day'`);
  }

  /** Forgets the failures of one certificate number from one address. */
  async clear(manager: EntityManager, certificateKey: string, addressKey: string): Promise<void> {
    await manager.query(
      `DELETE FROM login_failures WHERE certificate_number = $1 AND client_address = $2`,
      [certificateKey.slice(0, 64), addressKey.slice(0, 64)],
    );
  }
}
