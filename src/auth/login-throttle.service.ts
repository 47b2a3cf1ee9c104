import { Injectable } from '@nestjs/common';
import { TooManyRequests } from '../common/errors/domain-errors';
import { Database } from '../database/database';
import { normalizeCertificate, throttleKeyOf } from './client-address';
import { LoginFailuresRepository } from './login-failures.repository';

/**
 * Login throttling. Attempts count per (certificate, client address) and per client address over a
 * sliding window. Keying the certificate limit by address too means an attacker elsewhere cannot
 * lock a real officer out: the attacker's own address is what gets blocked, and only for the
 * window. Across addresses a certificate is slowed, not locked: past `perCertificate` failures in
 * the window, one attempt per `certificateSpacingSeconds` (guessing from many addresses stays
 * slow, and the real officer still gets in). IPv6 addresses count by their /64.
 */
export const LOGIN_THROTTLE = {
  windowSeconds: 300,
  perCertificateAndAddress: 5,
  perAddress: 30,
  perCertificate: 10,
  certificateSpacingSeconds: 15,
};

@Injectable()
export class LoginThrottleService {
  constructor(
    private readonly database: Database,
    private readonly failures: LoginFailuresRepository,
  ) {}

  /**
   * Counts this attempt before the password is verified; refuses with TOO_MANY_REQUESTS (and
   * retryAfterSeconds) while a limit is reached.
   */
  async admit(certificateNumber: string, clientAddress: string): Promise<void> {
    const refusal = await this.database.transaction((manager) =>
      this.failures.admit(
        manager,
        normalizeCertificate(certificateNumber),
        throttleKeyOf(clientAddress),
        LOGIN_THROTTLE,
      ),
    );
    if (refusal) throw new TooManyRequests(refusal.retryAfterSeconds);
    if (Math.random() < 0.02) await this.failures.prune(this.database.manager);
  }

  /** A successful login clears that officer's failures (and this attempt) from that address. */
  async recordSuccess(certificateNumber: string, clientAddress: string): Promise<void> {
    await this.failures.clear(
      this.database.manager,
      normalizeCertificate(certificateNumber),
      throttleKeyOf(clientAddress),
    );
  }
}
