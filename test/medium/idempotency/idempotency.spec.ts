import type { CurrentOfficer } from '../../../src/auth/current-officer';
import { Conflict } from '../../../src/common/errors/domain-errors';
import { IdempotencyRepository } from '../../../src/common/idempotency/idempotency.repository';
import { IdempotencyService } from '../../../src/common/idempotency/idempotency.service';
import { render } from '../../../src/common/messages/message';
import { Database } from '../../../src/database/database';
import { mediumDatabase, type MediumDatabase } from '../medium';

describe('IdempotencyService', () => {
  let db: MediumDatabase;
  let idempotency: IdempotencyService;
  const officer = { id: '00000000-0000-4000-8000-00000000000a' } as CurrentOfficer;
  const key = '00000000-0000-4000-8000-0000000000aa';

  beforeAll(async () => {
    db = await mediumDatabase();
    idempotency = new IdempotencyService(new Database(db.dataSource), new IdempotencyRepository());
  });
  afterAll(() => db.close());

  it('runs once per officer and key, replays the stored result, and refuses another input', async () => {
    let runs = 0;
    const work = () => Promise.resolve({ run: ++runs });
    expect(await idempotency.run(officer, 'Op', key, { a: 1 }, work)).toEqual({
      replayed: false,
      result: { run: 1 },
    });
    expect(await idempotency.run(officer, 'Op', key, { a: 1 }, work)).toEqual({
      replayed: true,
      result: { run: 1 },
    });
    const other = { ...officer, id: '00000000-0000-4000-8000-00000000000b' };
    expect(await idempotency.run(other, 'Op', key, { a: 1 }, work)).toEqual({
      replayed: false,
      result: { run: 2 },
    });

    const conflict = await idempotency
      .run(officer, 'Op', key, { a: 2 }, work)
      .catch((error: unknown) => error);
    expect(conflict).toBeInstanceOf(Conflict);
    expect((conflict as Conflict).extensions).toEqual({ idempotencyKey: key });
    expect(render((conflict as Conflict).described, 'zh')).toBe('该幂等键已用于另一个不同的请求');
    expect(runs).toBe(2);
  });

  it('keeps nothing of a run whose work failed, so a retry runs it again', async () => {
    const retried = '00000000-0000-4000-8000-0000000000bb';
    await expect(
      idempotency.run(officer, 'Op', retried, {}, () => Promise.reject(new Error('boom'))),
    ).rejects.toThrow('boom');
    expect(await new IdempotencyRepository().find(db.manager, officer.id, retried)).toBeNull();
    expect(await idempotency.run(officer, 'Op', retried, {}, () => Promise.resolve(7))).toEqual({
      replayed: false,
      result: 7,
    });
  });
});
