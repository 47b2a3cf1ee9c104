import { CasesRepository } from '../../../src/cases/cases.repository';
import { CompulsoryMeasuresRepository } from '../../../src/compulsory-measures/compulsory-measures.repository';
import { CluesRepository } from '../../../src/clues/clues.repository';
import { SamplesRepository } from '../../../src/samples/samples.repository';
import { AuditTrailService } from '../../../src/audit/audit-trail.service';
import { AuditRepository } from '../../../src/audit/audit.repository';
import { AuditService } from '../../../src/audit/audit.service';
import type { AuditedEntityType } from '../../../src/audit/audit-event.entity';
import type { CurrentOfficer } from '../../../src/auth/current-officer';
import { BadUserInput, DomainError, NotFound } from '../../../src/common/errors/domain-errors';
import { Scope } from '../../../src/common/scope';
import { BureausRepository } from '../../../src/bureaus/bureaus.repository';
import { Database } from '../../../src/database/database';
import { EvidenceRepository } from '../../../src/evidence/evidence.repository';
import { FindingsRepository } from '../../../src/inspections/repositories/findings.repository';
import { InspectionsRepository } from '../../../src/inspections/repositories/inspections.repository';
import { OfficersRepository } from '../../../src/officers/officers.repository';
import { PremisesRepository } from '../../../src/premises/premises.repository';
import { SelectionRepository } from '../../../src/selection/selection.repository';
import { cityBureau, createBureau } from '../../factories/people';
import { mediumDatabase, type MediumDatabase } from '../medium';

describe('the audit trail, within the reader’s scope', () => {
  let db: MediumDatabase;
  let trails: AuditTrailService;
  const audit = new AuditService(new AuditRepository());

  /** Ids of one record of each kind the test reads, inside and outside the county's subtree. */
  let world: {
    countyScope: Scope;
    premisesIn: string;
    premisesOut: string;
    officerIn: string;
    bureauIn: string;
    city: string;
    sweep: string;
  };

  beforeAll(async () => {
    db = await mediumDatabase();
    trails = new AuditTrailService(
      new Database(db.dataSource),
      new AuditRepository(),
      new PremisesRepository(),
      new InspectionsRepository(),
      new FindingsRepository(),
      new SelectionRepository(),
      new EvidenceRepository(),
      new OfficersRepository(),
      new BureausRepository(),
      new CasesRepository(),
      new CompulsoryMeasuresRepository(),
      new CluesRepository(),
      new SamplesRepository(),
    );
    const city = await cityBureau(db);
    const county = await createBureau(db, { kind: 'COUNTY' });
    const station = await createBureau(db, { parentId: county.id });
    const sibling = await createBureau(db);
    const premises = async (bureauId: string) =>
      (
        await db.query<{ id: string }>(
          `INSERT INTO premises (name, kind, bureau_id, address) VALUES ('测试食品店', 'FOOD_RETAILER', $1, $2) RETURNING id`,
          [bureauId, `兴庆区解放街${Math.random()}`],
        )
      )[0].id;
    const [officer] = await db.query<{ id: string }>(
      `INSERT INTO officers (name, certificate_number, bureau_id, roles, password_hash)
       VALUES ('县局负责人', 'AUDIT-SUP', $1, '{SUPERVISOR}', 'secret-hash') RETURNING id`,
      [county.id],
    );
    const [officerIn] = await db.query<{ id: string }>(
      `INSERT INTO officers (name, certificate_number, bureau_id, roles, password_hash)
       VALUES ('执法员', 'AUDIT-INS', $1, '{INSPECTOR}', 'secret-hash') RETURNING id`,
      [station.id],
    );
    const [sweep] = await db.query<{ id: string }>(
      `INSERT INTO sweeps (code, title, directive, lead_bureau_id, status, start_date, end_date)
       VALUES ('AUDIT-SWEEP', '专项整治', '文号', $1, 'DRAFT', '2019-03-16', '2019-04-30') RETURNING id`,
      [city.id],
    );
    const supervisor = await new OfficersRepository().withJurisdiction(db.manager, officer.id);
    const current: CurrentOfficer = { ...supervisor!, seesEverything: false };
    world = {
      countyScope: Scope.of(current),
      premisesIn: await premises(station.id),
      premisesOut: await premises(sibling.id),
      officerIn: officerIn.id,
      bureauIn: station.id,
      city: city.id,
      sweep: sweep.id,
    };
    const records: [AuditedEntityType, string][] = [
      ['Premises', world.premisesIn],
      ['Premises', world.premisesOut],
      ['Officer', world.officerIn],
      ['Bureau', world.bureauIn],
      ['Bureau', world.city],
      ['Sweep', world.sweep],
    ];
    await db.dataSource.transaction((manager) =>
      audit.record(
        manager,
        ...records.flatMap(([entityType, entityId]) => [
          {
            actorId: null,
            action: 'CREATE',
            entityType,
            entityId,
            after: { passwordHash: 'x', n: 1 },
          },
          {
            actorId: null,
            action: 'UPDATE',
            entityType,
            entityId,
            before: { n: 1 },
            after: { n: 2 },
          },
        ]),
      ),
    );
  });
  afterAll(() => db.close());

  async function refusal(work: Promise<unknown>): Promise<DomainError> {
    const error = await work.then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }

  it('gives the trail of a record in the scope’s subtree, oldest first, without secrets', async () => {
    for (const [type, id] of [
      ['Premises', world.premisesIn],
      ['Officer', world.officerIn],
      ['Bureau', world.bureauIn],
    ]) {
      const events = await trails.trail(type, id, world.countyScope);
      expect(events.map((event) => [event.entityId, event.action])).toEqual([
        [id, 'CREATE'],
        [id, 'UPDATE'],
      ]);
      expect(events[0].after).toEqual({ n: 1 });
    }
  });

  it('answers NOT_FOUND for a record outside the scope, above it, or city-wide', async () => {
    for (const [type, id] of [
      ['Premises', world.premisesOut],
      ['Bureau', world.city],
      ['Sweep', world.sweep],
      ['Premises', '00000000-0000-4000-8000-000000000000'],
    ]) {
      const error = await refusal(trails.trail(type, id, world.countyScope));
      expect(error).toBeInstanceOf(NotFound);
      expect(error.extensions).toEqual({ entity: type });
    }
  });

  it('gives every trail to the whole city’s scope', async () => {
    for (const [type, id] of [
      ['Premises', world.premisesOut],
      ['Bureau', world.city],
      ['Sweep', world.sweep],
    ]) {
      expect(await trails.trail(type, id, Scope.system())).toHaveLength(2);
    }
  });

  it('refuses an unknown kind of record on entityType', async () => {
    const error = await refusal(trails.trail('Nothing', world.premisesIn, Scope.system()));
    expect(error).toBeInstanceOf(BadUserInput);
    expect(error.extensions.fields).toEqual([
      expect.objectContaining({
        path: 'entityType',
        message: expect.objectContaining({ key: 'audit.unknownEntityType' }),
      }),
    ]);
  });
});
