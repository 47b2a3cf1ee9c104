import { randomUUID } from 'node:crypto';
import { AuditService } from '../../../src/audit/audit.service';
import type { CurrentOfficer } from '../../../src/auth/current-officer';
import { InvalidState } from '../../../src/common/errors/domain-errors';
import { render } from '../../../src/common/messages/message';
import { Scope } from '../../../src/common/scope';
import { Database } from '../../../src/database/database';
import { CloseSweepRepository } from '../../../src/progress/close-sweep.repository';
import { CloseSweepService } from '../../../src/progress/close-sweep.service';
import { SweepsRepository } from '../../../src/sweeps/sweeps.repository';
import {
  createFinding,
  createInspection,
  createPremises,
  createSweep,
} from '../../factories/field-work';
import { cityBureau, createBureau } from '../../factories/people';
import type { TestApp } from '../../helpers/test-app';
import { mediumDatabase, type MediumDatabase } from '../medium';

describe('closing a sweep (结束专项整治行动)', () => {
  let db: MediumDatabase;
  let app: TestApp;
  let service: CloseSweepService;
  const repository = new CloseSweepRepository();
  const sweeps = new SweepsRepository();
  let manager: CurrentOfficer;

  beforeAll(async () => {
    db = await mediumDatabase();
    // The field-work factories only call query(), which a medium database has as well.
    app = db as unknown as TestApp;
    service = new CloseSweepService(
      new Database(db.dataSource),
      sweeps,
      repository,
      new AuditService(),
    );
    const city = await cityBureau(db);
    manager = {
      id: randomUUID(),
      name: '测试科长',
      bureauId: city.id,
      roles: ['MANAGER'],
      jurisdiction: [city.id],
      seesEverything: true,
    };
  });

  afterAll(() => db?.close());

  /** An ACTIVE sweep with one finding per status, in a bureau of its own. */
  async function sweepWithFindings(statuses: string[]) {
    const city = await cityBureau(db);
    const bureau = await createBureau(db);
    const sweep = await createSweep(app, {
      leadBureauId: city.id,
      categoryCodes: ['SEASONED_FLOUR_PRODUCTS'],
    });
    const premises = await createPremises(app, { bureauId: bureau.id });
    const inspection = await createInspection(app, {
      sweepId: sweep.id,
      categoryId: sweep.categoryIds.get('SEASONED_FLOUR_PRODUCTS')!,
      premisesId: premises.id,
      officerIds: [randomUUID(), randomUUID()],
    });
    const findingIds: string[] = [];
    for (const status of statuses)
      findingIds.push((await createFinding(app, { inspectionId: inspection.id, status })).id);
    return { sweepId: sweep.id, findingIds };
  }

  async function statusOf(sweepId: string): Promise<string> {
    const [row] = await db.query<{ status: string }>(`SELECT status FROM sweeps WHERE id = $1`, [
      sweepId,
    ]);
    return row.status;
  }

  it('refuses while findings are open, counting them in both languages, and changes nothing', async () => {
    // A rectified finding still needs its filing decision: three are open, the declined one is not.
    const { sweepId } = await sweepWithFindings(['RESOLVED', 'OPEN', 'RECTIFYING', 'NOT_FILED']);
    const refused = await service.close({ sweepId }, manager).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(InvalidState);
    const error = refused as InvalidState;
    expect(error.extensions).toEqual({ from: 'ACTIVE', action: 'CLOSE' });
    expect(render(error.described, 'en')).toBe(
      '3 finding(s) of the sweep are not yet finished on both tracks (rectification, and a filing declined or a case closed); settle them or close with carryOverOpenFindings',
    );
    expect(render(error.described, 'zh')).toContain('尚有3个问题');
    expect(await statusOf(sweepId)).toBe('ACTIVE');
    expect(
      await db.query(`SELECT 1 FROM findings WHERE sweep_id = $1 AND carried_over`, [sweepId]),
    ).toHaveLength(0);
  });

  it('closes once the open findings are carried over, and refuses a second close by status', async () => {
    const { sweepId, findingIds } = await sweepWithFindings(['CLOSED', 'OPEN']);
    const closed = await service.close({ sweepId, carryOverOpenFindings: true }, manager);
    expect(closed.status).toBe('CLOSED');
    const carried = await repository.carriedOverFindings(db.manager, Scope.of(manager), [sweepId]);
    expect(carried.map((finding) => finding.id)).toEqual([findingIds[1]]);
    // An officer of another bureau does not see them.
    const elsewhere = await createBureau(db);
    const outsider = Scope.of({
      ...manager,
      bureauId: elsewhere.id,
      roles: ['INSPECTOR'],
      jurisdiction: [elsewhere.id],
      seesEverything: false,
    });
    expect(await repository.carriedOverFindings(db.manager, outsider, [sweepId])).toEqual([]);

    const again = await service.close({ sweepId }, manager).catch((error: unknown) => error);
    expect(again).toBeInstanceOf(InvalidState);
    expect(render((again as InvalidState).described, 'zh')).toBe(
      '当前状态（已结束/已结案）下不能结束，只有进行中的专项整治行动才能结束',
    );
  });

  it('holds the sweep and its open findings while it decides, so no follow-up settles one meanwhile', async () => {
    const { sweepId, findingIds } = await sweepWithFindings(['OPEN']);
    await db.dataSource.transaction(async (closing) => {
      await sweeps.lock(closing, sweepId, 'update');
      expect(await repository.lockOpenFindingsUnscoped(closing, sweepId)).toEqual({
        ids: findingIds,
        underMeasure: 0,
      });
      // Another transaction (a follow-up) cannot change the finding until the close is done.
      await expect(
        db.dataSource.transaction(async (followUp) => {
          await followUp.query(`SET LOCAL lock_timeout = '200ms'`);
          await followUp.query(`UPDATE findings SET status = 'RESOLVED' WHERE id = $1`, [
            findingIds[0],
          ]);
        }),
      ).rejects.toMatchObject({ driverError: { code: '55P03' } });
    });
  });

  /** A compulsory measure on the finding (查封), IN_FORCE or RELEASED, with officers of its bureau. */
  async function imposeOn(findingId: string, status: 'IN_FORCE' | 'RELEASED') {
    const [finding] = await db.query<{ bureau_id: string }>(
      `SELECT bureau_id FROM findings WHERE id = $1`,
      [findingId],
    );
    const officers: string[] = [];
    for (const roles of [['SUPERVISOR'], ['INSPECTOR']]) {
      const [row] = await db.query<{ id: string }>(
        `INSERT INTO officers (name, certificate_number, bureau_id, roles, password_hash)
         VALUES ('测试执法员', $1, $2, $3, 'x') RETURNING id`,
        [`C-${randomUUID().slice(0, 12)}`, finding.bureau_id, roles],
      );
      officers.push(row.id);
    }
    await db.query(
      `INSERT INTO compulsory_measures (finding_id, sweep_id, bureau_id, premises_id, category_id,
         kind, decision_number, decided_on, approved_by_id, approved_on, officer_ids, status,
         items_value, due_on, released_on, release_reason, created_by_id)
       SELECT f.id, f.sweep_id, f.bureau_id, f.premises_id, f.category_id, 'SEAL', $2,
         '2019-03-20', $3, '2019-03-20', $4::uuid[], $5::varchar, 100, '2019-04-19',
         CASE WHEN $5::varchar = 'RELEASED' THEN '2019-03-25'::date END,
         CASE WHEN $5::varchar = 'RELEASED' THEN 'NO_VIOLATION' END, $3
       FROM findings f WHERE f.id = $1`,
      [findingId, `决定书-${randomUUID()}`, officers[0], officers, status],
    );
  }

  it('counts a finished finding with goods still sealed as open, saying so, until it is carried over', async () => {
    const { sweepId, findingIds } = await sweepWithFindings(['CLOSED', 'RESOLVED', 'CLOSED']);
    await imposeOn(findingIds[0], 'IN_FORCE');
    await imposeOn(findingIds[2], 'RELEASED');
    const refused = await service.close({ sweepId }, manager).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(InvalidState);
    const error = refused as InvalidState;
    expect(render(error.described, 'en')).toBe(
      '2 finding(s) of the sweep are not yet finished on both tracks (rectification, and a filing declined or a case closed) or still have goods sealed or seized (1 with a compulsory measure in force); settle them or close with carryOverOpenFindings',
    );
    expect(render(error.described, 'zh')).toContain('查封、扣押尚未解除：其中1个');
    expect(await statusOf(sweepId)).toBe('ACTIVE');
    await service.close({ sweepId, carryOverOpenFindings: true }, manager);
    const carried = await repository.carriedOverFindings(db.manager, Scope.of(manager), [sweepId]);
    expect(carried.map((finding) => finding.id).sort()).toEqual(
      [findingIds[0], findingIds[1]].sort(),
    );
  });
});
