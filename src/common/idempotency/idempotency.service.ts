import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CurrentOfficer } from '../../auth/current-officer';
import { Database } from '../../database/database';
import { Conflict } from '../errors/domain-errors';
import { message } from '../messages/message';
import { IdempotencyRepository } from './idempotency.repository';

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
  constructor(
    private readonly database: Database,
    private readonly records: IdempotencyRepository,
  ) {}

  async run<T>(
    officer: CurrentOfficer,
    operation: string,
    key: string,
    input: unknown,
    work: (manager: EntityManager) => Promise<T>,
  ): Promise<Idempotent<T>> {
    const print = fingerprint(operation, input);
    return this.database.transaction(async (manager) => {
      if (!(await this.records.claim(manager, officer.id, key, operation, print))) {
        return { replayed: true, result: await this.replay<T>(manager, officer, key, print) };
      }
      const result = await work(manager);
      await this.records.storeResult(manager, officer.id, key, result);
      return { replayed: false, result };
    });
  }

  /**
   * `run` for a mutation whose result is known before its work runs (the id of the record it
   * creates, made in Node): the claim stores the result at once, one statement fewer (issue 15).
   * The claim and the work share the transaction, so work that fails leaves no record behind.
   */
  async runWithResult<T>(
    officer: CurrentOfficer,
    operation: string,
    key: string,
    input: unknown,
    result: T,
    work: (manager: EntityManager) => Promise<void>,
  ): Promise<Idempotent<T>> {
    const print = fingerprint(operation, input);
    return this.database.transaction(async (manager) => {
      if (!(await this.records.claim(manager, officer.id, key, operation, print, result))) {
        return { replayed: true, result: await this.replay<T>(manager, officer, key, print) };
      }
      await work(manager);
      return { replayed: false, result };
    });
  }

  /** The stored result of a key already claimed with the same input; CONFLICT otherwise. */
  private async replay<T>(
    manager: EntityManager,
    officer: CurrentOfficer,
    key: string,
    print: string,
  ): Promise<T> {
    const stored = await this.records.find<T>(manager, officer.id, key);
    if (!stored || stored.fingerprint !== print) {
      throw new Conflict(message('error.idempotencyKeyReused'), { idempotencyKey: key });
    }
    return stored.result;
  }
}
