import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/config';
import { Unauthenticated } from '../common/errors/domain-errors';
import type { Role } from '../officers/officer.entity';
import type { CurrentOfficer } from './current-officer';
import { LoginThrottleService } from './login-throttle.service';
import { decoyHash, verifyPassword } from './password';

export const JWT_ALGORITHM = 'HS256';

interface TokenClaims {
  sub: string;
}

interface OfficerRow {
  id: string;
  name: string;
  bureau_id: string;
  roles: Role[];
  active: boolean;
  jurisdiction: string[];
}

/**
 * Loads an officer with their jurisdiction (own bureau and every descendant) in one statement.
 * Run on every request, so a deactivated officer's token stops working at once.
 */
const OFFICER_WITH_JURISDICTION = `
  WITH RECURSIVE subtree AS (
    SELECT b.id FROM bureaus b JOIN officers o ON o.bureau_id = b.id WHERE o.id = $1
    UNION ALL
    SELECT child.id FROM bureaus child JOIN subtree ON child.parent_id = subtree.id
  )
  SELECT o.id, o.name, o.bureau_id, o.roles, o.active, ARRAY(SELECT id FROM subtree) AS jurisdiction
  FROM officers o WHERE o.id = $1`;

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly throttle: LoginThrottleService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Checks a certificate number and password; the same answer for every failure. */
  async login(
    certificateNumber: string,
    password: string,
    clientAddress: string,
  ): Promise<{ accessToken: string; expiresAt: Date; officerId: string }> {
    await this.throttle.check(certificateNumber, clientAddress);
    const rows = await this.dataSource.query<
      { id: string; password_hash: string; active: boolean }[]
    >(`SELECT id, password_hash, active FROM officers WHERE certificate_number = $1`, [
      certificateNumber,
    ]);
    const officer = rows[0];
    const valid = officer
      ? await verifyPassword(officer.password_hash, password)
      : await verifyPassword(await decoyHash(), password);
    if (!officer || !valid || !officer.active) {
      await this.throttle.recordFailure(certificateNumber, clientAddress);
      throw new Unauthenticated(
        'Wrong certificate number or password, or the officer is deactivated',
      );
    }
    await this.throttle.recordSuccess(certificateNumber, clientAddress);
    const expiresAt = new Date(Date.now() + this.config.jwtTtlSeconds * 1000);
    const accessToken = await this.jwt.signAsync({ sub: officer.id } satisfies TokenClaims, {
      algorithm: JWT_ALGORITHM,
      expiresIn: this.config.jwtTtlSeconds,
    });
    return { accessToken, expiresAt, officerId: officer.id };
  }

  /** Verifies a bearer token (HS256 only, expiry enforced) and loads the officer behind it. */
  async authenticate(token: string): Promise<CurrentOfficer> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token, { algorithms: [JWT_ALGORITHM] });
    } catch {
      throw new Unauthenticated('The access token is invalid or has expired; log in again');
    }
    if (typeof claims.sub !== 'string') throw new Unauthenticated('The access token is invalid');
    return this.loadOfficer(claims.sub);
  }

  async loadOfficer(officerId: string): Promise<CurrentOfficer> {
    if (!/^[0-9a-f-]{36}$/i.test(officerId))
      throw new Unauthenticated('The access token is invalid');
    const rows = await this.dataSource.query<OfficerRow[]>(OFFICER_WITH_JURISDICTION, [officerId]);
    const row = rows[0];
    if (!row || !row.active) throw new Unauthenticated('The officer is unknown or deactivated');
    return {
      id: row.id,
      name: row.name,
      bureauId: row.bureau_id,
      roles: row.roles,
      jurisdiction: row.jurisdiction,
      seesEverything: row.roles.includes('MANAGER') || row.roles.includes('ADMIN'),
    };
  }
}
