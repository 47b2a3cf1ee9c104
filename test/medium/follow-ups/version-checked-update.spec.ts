import { BureausRepository } from '../../../src/bureaus/bureaus.repository';
import { CaseClocksService } from '../../../src/cases/case-clocks.service';
import { CasesRepository } from '../../../src/cases/cases.repository';
import { CasesService } from '../../../src/cases/cases.service';
import { CalendarRepository } from '../../../src/reference/calendar.repository';
import { randomUUID } from 'node:crypto';
import { AuditService } from '../../../src/audit/audit.service';
import { Conflict } from '../../../src/common/errors/domain-errors';
import { IdempotencyRepository } from '../../../src/common/idempotency/idempotency.repository';
import { IdempotencyService } from '../../../src/common/idempotency/idempotency.service';
import { render } from '../../../src/common/messages/message';
import { Scope } from '../../../src/common/scope';
import { FollowUpsRepository } from '../../../src/follow-ups/follow-ups.repository';
import { FollowUpsService } from '../../../src/follow-ups/follow-ups.service';
import { Loaders } from '../../../src/graphql/loaders';
import { OfficersRepository } from '../../../src/officers/officers.repository';
import {
  createFinding,
  createInspection,
  createPremises,
  createSweep,
} from '../../factories/field-work';
import { cityBureau, createBureau, type BureauRecord } from '../../factories/people';
import { mediumDatabase, type MediumDatabase } from '../medium';
import { asApp, insertOfficer, officerOf } from '../sweeps/field';

describe('follow-ups: the version-checked update of a finding, and scope', () => {
  let db: MediumDatabase;
  const repository = new FollowUpsRepository();
  let service: FollowUpsService;
  let bureau: BureauRecord;
  let other: BureauRecord;
  let officerIds: string[];
  let scope: Scope;
  let otherScope: Scope;

  beforeAll(async () => {
    db = await mediumDatabase();
    const cases = new CasesRepository();
    const clocks = new CaseClocksService(cases, new CalendarRepository());
    service = new FollowUpsService(
      db.database,
      repository,
      new OfficersRepository(),
      new IdempotencyService(db.database, new IdempotencyRepository()),
      new AuditService(),
      cases,
      new CasesService(
        db.database,
        cases,
        clocks,
        new OfficersRepository(),
        new BureausRepository(),
        new IdempotencyService(db.database, new IdempotencyRepository()),
        new AuditService(),
      ),
      clocks,
    );
    bureau = await createBureau(db);
    other = await createBureau(db);
    officerIds = [await insertOfficer(db, bureau.id), await insertOfficer(db, bureau.id)];
    scope = Scope.of(officerOf(officerIds[0], bureau.id, [bureau.id]));
    otherScope = Scope.of(
      officerOf(await insertOfficer(db, other.id), other.id, [other.id], ['SUPERVISOR']),
    );
  });
  afterAll(() => db.close());

  async function newFinding(status = 'OPEN', version = 1): Promise<string> {
    const city = await cityBureau(db);
    const sweep = await createSweep(asApp(db), { leadBureauId: city.id });
    const premises = await createPremises(asApp(db), { bureauId: bureau.id });
    const inspection = await createInspection(asApp(db), {
      sweepId: sweep.id,
      categoryId: sweep.categoryIds.get('CAMPUS_FOOD')!,
      premisesId: premises.id,
      officerIds,
    });
    return (await createFinding(asApp(db), { inspectionId: inspection.id, status, version })).id;
  }

  async function stored(findingId: string) {
    const [finding] = await db.query<{ status: string; version: number; case_number: string }>(
      `SELECT status, version, case_number FROM findings WHERE id = $1`,
      [findingId],
    );
    const [{ follow_ups, audit }] = await db.query<{ follow_ups: number; audit: number }>(
      `SELECT (SELECT count(*)::int FROM follow_ups WHERE finding_id = $1) AS follow_ups,
              (SELECT count(*)::int FROM audit_events WHERE entity_id = $1) AS audit`,
      [findingId],
    );
    return { ...finding, follow_ups, audit };
  }

  it('writes the move at the version read, and refuses a stale version with the current one, writing nothing', async () => {
    const findingId = await newFinding();
    await db.rollback(async (manager) => {
      expect(
        await repository.updateFindingAtVersion(manager, findingId, 1, 'CASE_FILED', {
          case_number: '立〔2019〕1号',
        }),
      ).toEqual({ updated: true });
      expect(
        await repository.updateFindingAtVersion(manager, findingId, 1, 'CLOSED', {
          closed_reason: 'stale',
        }),
      ).toEqual({ updated: false, currentVersion: 2 });
      const [row] = await manager.query<{ status: string; version: number }[]>(
        `SELECT status, version FROM findings WHERE id = $1`,
        [findingId],
      );
      expect(row).toEqual({ status: 'CASE_FILED', version: 2 });
    });
    expect(await stored(findingId)).toMatchObject({ status: 'OPEN', version: 1 });
  });

  it('refuses a follow-up whose finding changed between its read and its write as CONFLICT, and writes nothing', async () => {
    const findingId = await newFinding();
    const caller = officerOf(officerIds[0], bureau.id, [bureau.id], ['SUPERVISOR']);
    // Someone else moves the finding to version 2 after the caller read version 1, just before
    // this request locks the finding (FOR UPDATE: no write can slip in after that read).
    const read = repository.findingInScope.bind(repository);
    const spy = jest
      .spyOn(repository, 'findingInScope')
      .mockImplementationOnce(async (manager, scopeOf, id, options) => {
        await db.query(`UPDATE findings SET version = version + 1 WHERE id = $1`, [findingId]);
        return read(manager, scopeOf, id, options);
      });
    let thrown: unknown;
    try {
      await service.fileCase(caller, {
        idempotencyKey: randomUUID(),
        findingId,
        expectedVersion: 1,
        caseNumber: '立〔2019〕2号',
        filedOn: '2019-04-10',
      });
    } catch (error) {
      thrown = error;
    } finally {
      spy.mockRestore();
    }
    expect(thrown).toBeInstanceOf(Conflict);
    expect(thrown).toMatchObject({ code: 'CONFLICT', extensions: { currentVersion: 2 } });
    expect(render((thrown as Conflict).described, 'zh')).toBe('该记录已被他人修改，请刷新后重试');
    expect(await stored(findingId)).toEqual({
      status: 'OPEN',
      version: 2,
      case_number: null,
      follow_ups: 0,
      audit: 0,
    });
    const [{ n }] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM idempotency_records WHERE officer_id = $1`,
      [caller.id],
    );
    expect(n).toBe(0);
  });

  it('reads a finding and its follow-ups only within the scope', async () => {
    const findingId = await newFinding('RECTIFYING', 1);
    await repository.insert(db.manager, {
      findingId,
      action: 'RECTIFICATION_ORDERED',
      fromStatus: 'OPEN',
      toStatus: 'RECTIFYING',
      at: new Date('2019-03-21T00:00:00+08:00'),
      officerId: officerIds[0],
      officerIds: [],
      dueDate: '2019-04-05',
      documentNumber: null,
      fine: null,
      confiscation: null,
      note: null,
    });
    expect(
      await repository.findingInScope(db.manager, scope, findingId, { includeVoided: false }),
    ).toMatchObject({ id: findingId });
    expect(
      await repository.findingInScope(db.manager, otherScope, findingId, { includeVoided: true }),
    ).toBeNull();
    expect(
      await repository.followUpsLoader(new Loaders(db.database), scope).load(findingId),
    ).toEqual([expect.objectContaining({ action: 'RECTIFICATION_ORDERED' })]);
    expect(
      await repository.followUpsLoader(new Loaders(db.database), otherScope).load(findingId),
    ).toEqual([]);
    expect(await repository.latestRectificationOrder(db.manager, findingId)).toEqual(
      new Date('2019-03-21T00:00:00+08:00'),
    );
  });
});
