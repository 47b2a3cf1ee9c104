import { createSecretKey, type KeyObject, randomBytes } from 'node:crypto';
import type { Provider } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { Database } from '../database/database';
import { ServerSecretsRepository } from './server-secrets.repository';

/**
 * The secrets tokens are signed and verified with: `current` signs; `accepted` (current first,
 * then the secrets of a rotation still in force) verify.
 */
export class SigningKeys {
  /**
   * The accepted secrets as HMAC key objects, made once: given a string, jsonwebtoken's verify
   * first tries `createPublicKey` on it (an exception caught per request) before making the same
   * secret key, on every request (issue 15's profile).
   */
  readonly verifying: readonly KeyObject[];

  constructor(
    readonly current: string,
    readonly previous: readonly string[],
  ) {
    // jsonwebtoken turns a string secret into Buffer.from(secret) (UTF-8): the same key.
    this.verifying = this.accepted.map((secret) => createSecretKey(Buffer.from(secret, 'utf8')));
  }

  get accepted(): readonly string[] {
    return [this.current, ...this.previous];
  }
}

/**
 * JWT_SECRET when set; otherwise the secret generated once and kept in the database, so every
 * instance and every restart signs with the same one (issue 17, item 7).
 */
export const signingKeysProvider: Provider = {
  provide: SigningKeys,
  inject: [APP_CONFIG, Database, ServerSecretsRepository],
  useFactory: async (
    config: AppConfig,
    database: Database,
    secrets: ServerSecretsRepository,
  ): Promise<SigningKeys> => {
    const current =
      config.jwtSecret ??
      (await secrets.getOrCreate(database.manager, 'jwt', randomBytes(48).toString('base64url')));
    return new SigningKeys(current, config.jwtPreviousSecrets);
  },
};
