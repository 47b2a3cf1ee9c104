import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** A claimed key's record as a replay reads it. */
export interface StoredIdempotency<T> {
  fingerprint: string;
  result: T;
}

/** Every SQL statement on idempotency_records (field mutations already applied, per officer). */
@Injectable()
export class IdempotencyRepository {
  /**
   * Claims `key` for the officer in the caller's transaction: true when this call inserted it.
   * A concurrent claim of the same key waits on the primary key until this transaction ends.
   * `result`, when the caller knows it already, is stored with the claim (no `storeResult`).
   */
  async claim(
    manager: EntityManager,
    officerId: string,
    key: string,
    operation: string,
    fingerprint: string,
    result: unknown = null,
  ): Promise<boolean> {
    const claimed = await manager.query<unknown[]>(
      `INSERT INTO idempotency_records (officer_id, key, operation, fingerprint, result)
       VALUES ($1, $2, $3, $4, $5::jsonb) ON CONFLICT (officer_id, key) DO NOTHING RETURNING key`,
      [officerId, key, operation, fingerprint, JSON.stringify(result ?? null)],
    );
    return claimed.length > 0;
  }

  /** The record of a key already claimed, or null. */
  async find<T>(
    manager: EntityManager,
    officerId: string,
    key: string,
  ): Promise<StoredIdempotency<T> | null> {
    const [stored] = await manager.query<StoredIdempotency<T>[]>(
      `SELECT fingerprint, result FROM idempotency_records WHERE officer_id = $1 AND key = $2`,
      [officerId, key],
    );
    return stored ?? null;
  }

  /** Stores the result a replay answers with. */
  async storeResult(
    manager: EntityManager,
    officerId: string,
    key: string,
    result: unknown,
  ): Promise<void> {
    await manager.query(
      `UPDATE idempotency_records SET result = $3::jsonb WHERE officer_id = $1 AND key = $2`,
      [officerId, key, JSON.stringify(result ?? null)],
    );
  }
}
