import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../../../src/audit/audit.service';
import type { CurrentOfficer } from '../../../src/auth/current-officer';
import { IdempotencyRepository } from '../../../src/common/idempotency/idempotency.repository';
import { IdempotencyService } from '../../../src/common/idempotency/idempotency.service';
import { CalendarService } from '../../../src/common/time/calendar.service';
import { Database } from '../../../src/database/database';
import type { LogInspectionInput } from '../../../src/inspections/dto/inspection.inputs';
import { ExposuresRepository } from '../../../src/exposures/exposures.repository';
import { InspectionsService } from '../../../src/inspections/inspections.service';
import { FindingsRepository } from '../../../src/inspections/repositories/findings.repository';
import { InspectionContextRepository } from '../../../src/inspections/repositories/inspection-context.repository';
import { InspectionsRepository } from '../../../src/inspections/repositories/inspections.repository';
import { OfficersRepository } from '../../../src/officers/officers.repository';
import { PremisesRepository } from '../../../src/premises/premises.repository';
import { CalendarRepository } from '../../../src/reference/calendar.repository';
import { ReferenceRepository } from '../../../src/reference/reference.repository';
import { ReferenceService } from '../../../src/reference/reference.service';
import { SweepsRepository } from '../../../src/sweeps/sweeps.repository';
import { mediumDatabase, type MediumDatabase } from '../medium';
import { inspectorOf, mediumField, MediumField } from './field';

/** An audit trail that refuses findings: the write fails after the inspection is inserted. */
class AuditRefusingFindings extends AuditService {
  refuse = false;

  override record(manager: EntityManager, ...events: Parameters<AuditService['record']>[1][]) {
    if (this.refuse && events.some((event) => event.entityType === 'Finding')) {
      return Promise.reject(new Error('audit unavailable'));
    }
    return super.record(manager, ...events);
  }
}

describe('logInspection in one transaction', () => {
  let db: MediumDatabase;
  let field: MediumField;
  let audit: AuditRefusingFindings;
  let service: InspectionsService;
  let officer: CurrentOfficer;

  beforeAll(async () => {
    db = await mediumDatabase();
    field = await mediumField(db);
    audit = new AuditRefusingFindings();
    const calendar = new CalendarService(new CalendarRepository());
    const sweeps = new SweepsRepository();
    const officers = new OfficersRepository();
    const premises = new PremisesRepository();
    service = new InspectionsService(
      new Database(db.dataSource),
      new IdempotencyService(db.database, new IdempotencyRepository()),
      audit,
      calendar,
      new ReferenceService(db.database, new ReferenceRepository()),
      new InspectionsRepository(),
      new FindingsRepository(),
      sweeps,
      officers,
      premises,
      new ExposuresRepository(),
      new InspectionContextRepository(sweeps, premises, officers, calendar),
    );
    officer = inspectorOf(field.officersA[0], field.bureauA.id, [
      field.bureauA.id,
      field.bureauA1.id,
    ]);
  });
  afterAll(() => db.close());

  const input = (): LogInspectionInput =>
    ({
      idempotencyKey: randomUUID(),
      sweepId: field.sweep.id,
      categoryId: field.categoryId,
      premisesId: field.shopA1,
      officerIds: [...field.officersA],
      inspectedAt: new Date('2019-03-20T02:00:00Z'),
      outcome: 'ISSUES_FOUND',
      checklist: [],
      findings: [
        { violationTypeCode: 'THREE_NO_PRODUCTS', description: '第一个问题' },
        { violationTypeCode: 'THREE_NO_PRODUCTS', description: '第二个问题' },
      ],
      notes: null,
    }) as unknown as LogInspectionInput;

  const counts = async () =>
    (
      await db.query<{ inspections: number; findings: number }>(
        `SELECT (SELECT count(*)::int FROM inspections) AS inspections,
                (SELECT count(*)::int FROM findings) AS findings`,
      )
    )[0];

  it("writes the inspection under the premises' bureau with its findings in the order given", async () => {
    const { replayed, inspection } = await service.logInspection(input(), officer);
    expect(replayed).toBe(false);
    expect(inspection).toMatchObject({ bureauId: field.bureauA1.id, premisesId: field.shopA1 });
    const findings = await db.query<{ description: string; bureau_id: string; due: string }>(
      `SELECT description, bureau_id, to_char(case_decision_due, 'YYYY-MM-DD') AS due
         FROM findings WHERE inspection_id = $1 ORDER BY created_at, id`,
      [inspection.id],
    );
    // 15 working days after 2019-03-20, skipping weekends and Qingming (2019-04-05).
    expect(findings).toEqual([
      // Found 2019-03-20, before the SAMR rule of 2019-04-01: 工商行政管理机关行政处罚程序规定 第十七条
      // gives 7 working days (21–29 March).
      { description: '第一个问题', bureau_id: field.bureauA1.id, due: '2019-03-29' },
      { description: '第二个问题', bureau_id: field.bureauA1.id, due: '2019-03-29' },
    ]);
  });

  it('leaves nothing behind when a step after the inspection insert fails', async () => {
    const before = await counts();
    audit.refuse = true;
    try {
      await expect(service.logInspection(input(), officer)).rejects.toThrow('audit unavailable');
    } finally {
      audit.refuse = false;
    }
    expect(await counts()).toEqual(before);
  });

  it('answers NOT_FOUND for premises outside the scope, and writes nothing', async () => {
    const before = await counts();
    await expect(
      service.logInspection({ ...input(), premisesId: field.shopB }, officer),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', extensions: { entity: 'Premises' } });
    expect(await counts()).toEqual(before);
  });
});
