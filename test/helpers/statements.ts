import { Client } from 'pg';
import { OfficerCache } from '../../src/officers/officer-cache';
import type { TestApp } from './test-app';

/**
 * Runs `run` and counts the SQL statements the app sends meanwhile (N+1 查询 checks, issue 15).
 * The app runs in this process, so a spy on pg's `Client.prototype.query` sees every statement.
 * The OfficerCache is emptied first, so every measured request reads its officer and two counts
 * compare the same work.
 */
export async function countStatements<T>(
  app: TestApp,
  run: () => Promise<T>,
): Promise<{ result: T; count: number }> {
  app.app.get(OfficerCache).forgetAll();
  const spy = jest.spyOn(Client.prototype, 'query');
  try {
    const result = await run();
    return { result, count: spy.mock.calls.length };
  } finally {
    spy.mockRestore();
  }
}
