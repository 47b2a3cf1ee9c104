import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** Every SQL statement on server_secrets. */
@Injectable()
export class ServerSecretsRepository {
  /**
   * The secret of this name, stored with `candidate` if there was none: the first instance to ask
   * writes it, every other one (and every restart) reads that one.
   */
  async getOrCreate(manager: EntityManager, name: string, candidate: string): Promise<string> {
    await manager.query(
      `INSERT INTO server_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`,
      [name, candidate],
    );
    const [row] = await manager.query<{ value: string }[]>(
      `SELECT value FROM server_secrets WHERE name = $1`,
      [name],
    );
    return row.value;
  }
}
