import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, AppConfig } from '../config/config';
import { AuditService } from '../audit/audit.service';
import { BadUserInput, Unauthenticated } from '../common/errors/domain-errors';
import { message } from '../common/messages/message';
import { Database } from '../database/database';
import type { Officer } from '../officers/officer.entity';
import { OfficerCache } from '../officers/officer-cache';
import { OfficersRepository, type OfficerWithJurisdiction } from '../officers/officers.repository';
import type { CurrentOfficer } from './current-officer';
import { LoginThrottleService } from './login-throttle.service';
import { decoyHash, hashPassword, verifyPassword } from './password';
import { passwordProblem } from './password-policy';
import { SigningKeys } from './signing-keys';

export const JWT_ALGORITHM = 'HS256';

/** What a token says: the officer, their token version, and (always) when it expires. */
interface TokenClaims {
  sub: string;
  ver: number;
  exp?: number;
}

export interface SignedToken {
  accessToken: string;
  expiresAt: Date;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly database: Database,
    private readonly officers: OfficersRepository,
    private readonly jwt: JwtService,
    private readonly throttle: LoginThrottleService,
    private readonly keys: SigningKeys,
    private readonly audit: AuditService,
    private readonly officerCache: OfficerCache,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The officer's own new password, given the current one (counted by the login throttle, so a
   * stolen token cannot guess it quickly). Every earlier token of the officer stops working at
   * once; the answer carries a new one.
   */
  async changePassword(
    actor: CurrentOfficer,
    currentPassword: string,
    newPassword: string,
    clientAddress: string,
  ): Promise<SignedToken> {
    const stored = await this.officers.credentialsById(this.database.manager, actor.id);
    if (!stored || !stored.active) throw new Unauthenticated(message('auth.officerInactive'));
    await this.throttle.admit(stored.certificateNumber, clientAddress);
    if (!(await verifyPassword(stored.passwordHash, currentPassword)))
      throw BadUserInput.field('input.currentPassword', message('officers.currentPasswordWrong'));
    await this.throttle.recordSuccess(stored.certificateNumber, clientAddress);
    const problem = passwordProblem(newPassword, stored.certificateNumber);
    if (problem) throw BadUserInput.field('input.newPassword', problem);
    const passwordHash = await hashPassword(newPassword);
    const tokenVersion = await this.database.transaction(async (manager) => {
      const version = await this.officers.setPassword(manager, actor.id, passwordHash);
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'CHANGE_PASSWORD',
        entityType: 'Officer',
        entityId: actor.id,
        requestId: actor.requestId,
      });
      return version;
    });
    this.officerCache.forget(actor.id);
    return this.sign(actor.id, tokenVersion);
  }

  /**
   * Checks a certificate number and password; the same answer for every failure. The attempt is
   * counted (atomically) before the password is verified, so a parallel burst cannot outrun the
   * throttle.
   */
  async login(
    certificateNumber: string,
    password: string,
    clientAddress: string,
  ): Promise<SignedToken & { officer: Officer }> {
    await this.throttle.admit(certificateNumber, clientAddress);
    const officer = await this.officers.credentials(this.database.manager, certificateNumber);
    const valid = officer
      ? await verifyPassword(officer.passwordHash, password)
      : await verifyPassword(await decoyHash(), password);
    if (!officer || !valid || !officer.active)
      throw new Unauthenticated(message('auth.loginFailed'));
    await this.throttle.recordSuccess(certificateNumber, clientAddress);
    const current = await this.officers.withJurisdiction(this.database.manager, officer.id);
    const loggedIn = await this.officers.findById(this.database.manager, officer.id);
    if (!current || !loggedIn) throw new Unauthenticated(message('auth.loginFailed'));
    return { ...(await this.sign(officer.id, current.tokenVersion)), officer: loggedIn };
  }

  /** A token for this officer at this token version. */
  async sign(officerId: string, tokenVersion: number): Promise<SignedToken> {
    const expiresAt = new Date(Date.now() + this.config.jwtTtlSeconds * 1000);
    const accessToken = await this.jwt.signAsync(
      { sub: officerId, ver: tokenVersion } satisfies TokenClaims,
      { algorithm: JWT_ALGORITHM, expiresIn: this.config.jwtTtlSeconds, secret: this.keys.current },
    );
    return { accessToken, expiresAt };
  }

  /**
   * Verifies a bearer token (HS256 only, with an expiry, signed by a secret in force) and loads the
   * officer behind it; a token of an earlier version (before a password change, a reset or a
   * deactivation) is refused.
   */
  async authenticate(token: string): Promise<CurrentOfficer> {
    const claims = await this.verify(token);
    if (
      typeof claims.sub !== 'string' ||
      typeof claims.exp !== 'number' ||
      typeof claims.ver !== 'number'
    )
      throw new Unauthenticated(message('auth.tokenInvalid'));
    return this.loadOfficer(claims.sub, claims.ver);
  }

  private async verify(token: string): Promise<TokenClaims> {
    for (const key of this.keys.verifying) {
      try {
        return await this.jwt.verifyAsync<TokenClaims>(token, {
          algorithms: [JWT_ALGORITHM],
          // @nestjs/jwt types `secret` as string | Buffer but hands it to jsonwebtoken as it is,
          // which takes a KeyObject (and refuses one that is not a secret key for HS256).
          secret: key as unknown as Buffer,
        });
      } catch {
        // Not this secret (or expired): try the next one in force.
      }
    }
    throw new Unauthenticated(message('auth.tokenExpired'));
  }

  /** The officer as stored now: from the cache of recent ones (OfficerCache), else read. */
  private async currentOfficer(id: string): Promise<OfficerWithJurisdiction | null> {
    const kept = this.officerCache.get(id);
    if (kept) return kept;
    const generation = this.officerCache.generation;
    const officer = await this.officers.withJurisdiction(this.database.manager, id);
    if (officer) this.officerCache.keep(officer, generation);
    return officer;
  }

  /**
   * The officer of a token with their jurisdiction; UNAUTHENTICATED once deactivated or when the
   * token's version is not the officer's (the system jobs, which hold no token, pass none).
   */
  async loadOfficer(officerId: string, tokenVersion?: number): Promise<CurrentOfficer> {
    if (!/^[0-9a-f-]{36}$/i.test(officerId))
      throw new Unauthenticated(message('auth.tokenInvalid'));
    const officer = await this.currentOfficer(officerId);
    if (!officer || !officer.active) throw new Unauthenticated(message('auth.officerInactive'));
    if (tokenVersion !== undefined && tokenVersion !== officer.tokenVersion)
      throw new Unauthenticated(message('auth.tokenExpired'));
    return {
      id: officer.id,
      name: officer.name,
      bureauId: officer.bureauId,
      roles: officer.roles,
      jurisdiction: officer.jurisdiction,
      seesEverything: officer.roles.includes('MANAGER') || officer.roles.includes('ADMIN'),
    };
  }
}
