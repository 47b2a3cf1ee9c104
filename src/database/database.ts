import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { withReadManager, withReadTransaction } from './read-replica';

/**
 * Where services get a manager to hand their repositories: the primary, one transaction, or the
 * read replica. Services never inject DataSource or write SQL; repositories never open
 * transactions (one per mutation, opened by its service or the idempotency runner, passed down).
 */
@Injectable()
export class Database {
  constructor(private readonly dataSource: DataSource) {}

  /** The primary, outside any transaction: a read-back after a write, or a single statement. */
  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  /** One transaction; everything inside runs on the manager it passes. */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Reads that may lag a little: on the read replica when one is configured (DATABASE_READ_URL). */
  read<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return withReadManager(this.dataSource, work);
  }

  /** Reads that must agree with each other: one read-only REPEATABLE READ transaction, replica first. */
  snapshot<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return withReadTransaction(this.dataSource, work);
  }
}
