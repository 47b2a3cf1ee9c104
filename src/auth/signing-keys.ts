import { randomBytes } from 'node:crypto';
import type { Provider } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { Database } from '../database/database';
import { ServerSecretsRepository } from './server-secrets.repository';

/**
 * The secrets tokens are signed and verified with: `current` signs; `accepted` (current first,
 * then the secrets of a rotation still in force) verify.
 */
export class SigningKeys {
  constructor(
    readonly current: string,
    readonly previous: readonly string[],
  ) {}

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
