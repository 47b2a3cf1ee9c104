import { Injectable } from '@nestjs/common';
import { TooManyRequests } from '../common/errors/domain-errors';
import { Database } from '../database/database';
import { LoginFailuresRepository } from './login-failures.repository';

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
  constructor(
    private readonly database: Database,
    private readonly failures: LoginFailuresRepository,
  ) {}

  /** Refuses with TOO_MANY_REQUESTS (and retryAfterSeconds) while a limit is reached. */
  async check(certificateNumber: string, clientAddress: string): Promise<void> {
    const counts = await this.failures.recent(
      this.database.manager,
      certificateNumber,
      clientAddress,
      LOGIN_THROTTLE,
    );
    if (counts.pair >= LOGIN_THROTTLE.perCertificateAndAddress)
      throw new TooManyRequests(Math.max(1, counts.pairRetrySeconds ?? 1));
    if (counts.address >= LOGIN_THROTTLE.perAddress)
      throw new TooManyRequests(Math.max(1, counts.addressRetrySeconds ?? 1));
  }

  async recordFailure(certificateNumber: string, clientAddress: string): Promise<void> {
    await this.failures.insert(this.database.manager, certificateNumber, clientAddress);
    if (Math.random() < 0.02) await this.failures.prune(this.database.manager);
  }

  /** A successful login clears that officer's failures from that address. */
  async recordSuccess(certificateNumber: string, clientAddress: string): Promise<void> {
    await this.failures.clear(this.database.manager, certificateNumber, clientAddress);
  }
}
