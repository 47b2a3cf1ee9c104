import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { CurrentOfficer } from '../../auth/current-officer';
import { Conflict } from '../errors/domain-errors';

export interface Idempotent<T> {
  replayed: boolean;
  result: T;
}

/** Canonical JSON: object keys sorted, so the same input always has the same fingerprint. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([key, inner]) => inner !== undefined && key !== 'idempotencyKey')
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonical(inner)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function fingerprint(operation: string, input: unknown): string {
  return createHash('sha256').update(operation).update('\n').update(canonical(input)).digest('hex');
}

/**
 * Field phones retry over bad networks. A mutation with an idempotency key runs at most once per
 * officer and key: the key is claimed by inserting its record in the same transaction as the
 * change, so a concurrent duplicate waits on the primary key, then finds the record and replays
 * its stored result. The same key with a different input (or operation) is CONFLICT.
 */
@Injectable()
export class IdempotencyService {
  constructor(private readonly dataSource: DataSource) {}

  async run<T>(
    officer: CurrentOfficer,
    operation: string,
    key: string,
    input: unknown,
    work: (manager: EntityManager) => Promise<T>,
  ): Promise<Idempotent<T>> {
    const print = fingerprint(operation, input);
    return this.dataSource.transaction(async (manager) => {
      const claimed = await manager.query<unknown[]>(
        `INSERT INTO idempotency_records (officer_id, key, operation, fingerprint, result)
         VALUES ($1, $2, $3, $4, 'null'::jsonb) ON CONFLICT (officer_id, key) DO NOTHING RETURNING key`,
        [officer.id, key, operation, print],
      );
      if (claimed.length === 0) {
        const [stored] = await manager.query<{ fingerprint: string; result: T }[]>(
          `SELECT fingerprint, result FROM idempotency_records WHERE officer_id = $1 AND key = $2`,
          [officer.id, key],
        );
        if (!stored || stored.fingerprint !== print) {
          throw new Conflict('This idempotency key was already used for a different request', {
            idempotencyKey: key,
          });
        }
        return { replayed: true, result: stored.result };
      }
      const result = await work(manager);
      await manager.query(
        `UPDATE idempotency_records SET result = $3::jsonb WHERE officer_id = $1 AND key = $2`,
        [officer.id, key, JSON.stringify(result ?? null)],
      );
      return { replayed: false, result };
    });
  }
}
