import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, AppConfig } from '../config/config';
import { Unauthenticated } from '../common/errors/domain-errors';
import { message } from '../common/messages/message';
import { Database } from '../database/database';
import type { Officer } from '../officers/officer.entity';
import { OfficersRepository } from '../officers/officers.repository';
import type { CurrentOfficer } from './current-officer';
import { LoginThrottleService } from './login-throttle.service';
import { decoyHash, verifyPassword } from './password';

export const JWT_ALGORITHM = 'HS256';

interface TokenClaims {
  sub: string;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly database: Database,
    private readonly officers: OfficersRepository,
    private readonly jwt: JwtService,
    private readonly throttle: LoginThrottleService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Checks a certificate number and password; the same answer for every failure. */
  async login(
    certificateNumber: string,
    password: string,
    clientAddress: string,
  ): Promise<{ accessToken: string; expiresAt: Date; officer: Officer }> {
    await this.throttle.check(certificateNumber, clientAddress);
    const officer = await this.officers.credentials(this.database.manager, certificateNumber);
    const valid = officer
      ? await verifyPassword(officer.passwordHash, password)
      : await verifyPassword(await decoyHash(), password);
    if (!officer || !valid || !officer.active) {
      await this.throttle.recordFailure(certificateNumber, clientAddress);
      throw new Unauthenticated(message('auth.loginFailed'));
    }
    await this.throttle.recordSuccess(certificateNumber, clientAddress);
    const expiresAt = new Date(Date.now() + this.config.jwtTtlSeconds * 1000);
    const accessToken = await this.jwt.signAsync({ sub: officer.id } satisfies TokenClaims, {
      algorithm: JWT_ALGORITHM,
      expiresIn: this.config.jwtTtlSeconds,
    });
    const loggedIn = await this.officers.findById(this.database.manager, officer.id);
    if (!loggedIn) throw new Unauthenticated(message('auth.loginFailed'));
    return { accessToken, expiresAt, officer: loggedIn };
  }

  /** Verifies a bearer token (HS256 only, expiry enforced) and loads the officer behind it. */
  async authenticate(token: string): Promise<CurrentOfficer> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token, { algorithms: [JWT_ALGORITHM] });
    } catch {
      throw new Unauthenticated(message('auth.tokenExpired'));
    }
    if (typeof claims.sub !== 'string') throw new Unauthenticated(message('auth.tokenInvalid'));
    return this.loadOfficer(claims.sub);
  }

  /** The officer of a token with their jurisdiction; UNAUTHENTICATED once deactivated. */
  async loadOfficer(officerId: string): Promise<CurrentOfficer> {
    if (!/^[0-9a-f-]{36}$/i.test(officerId))
      throw new Unauthenticated(message('auth.tokenInvalid'));
    const officer = await this.officers.withJurisdiction(this.database.manager, officerId);
    if (!officer || !officer.active) throw new Unauthenticated(message('auth.officerInactive'));
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
