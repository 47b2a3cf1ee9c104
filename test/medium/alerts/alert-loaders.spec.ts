import { randomUUID } from 'node:crypto';
import type { CurrentOfficer } from '../../../src/auth/current-officer';
import { NotFound } from '../../../src/common/errors/domain-errors';
import { Scope } from '../../../src/common/scope';
import { Database } from '../../../src/database/database';
import { Loaders } from '../../../src/graphql/loaders';
import { FindingsRepository } from '../../../src/inspections/repositories/findings.repository';
import { InspectionsRepository } from '../../../src/inspections/repositories/inspections.repository';
import { PremisesRepository } from '../../../src/premises/premises.repository';
import {
  createExposure,
  createFinding,
  createInspection,
  createPremises,
  createSweep,
} from '../../factories/field-work';
import { cityBureau, createBureau, type BureauRecord } from '../../factories/people';
import type { TestApp } from '../../helpers/test-app';
import { mediumDatabase, type MediumDatabase } from '../medium';

function scopeOf(bureau: BureauRecord, seesEverything: boolean): Scope {
  const officer: CurrentOfficer = {
    id: randomUUID(),
    name: '测试执法员',
    bureauId: bureau.id,
    roles: [seesEverything ? 'MANAGER' : 'INSPECTOR'],
    jurisdiction: [bureau.id],
    seesEverything,
  };
  return Scope.of(officer);
}

describe('what an alert shows, through the owning areas’ scoped loaders', () => {
  let db: MediumDatabase;
  let database: Database;
  const findings = new FindingsRepository();
  const inspections = new InspectionsRepository();
  const premisesRepository = new PremisesRepository();
  let bureau: BureauRecord;
  let elsewhere: BureauRecord;
  let city: BureauRecord;
  let ids: {
    finding: string;
    inspection: string;
    premises: string;
    exposedProduct: string;
    exposure: string;
  };

  beforeAll(async () => {
    db = await mediumDatabase();
    database = new Database(db.dataSource);
    // The field-work factories only call query(), which a medium database has as well.
    const app = db as unknown as TestApp;
    city = await cityBureau(db);
    bureau = await createBureau(db);
    elsewhere = await createBureau(db);
    const exposure = await createExposure(app);
    const sweep = await createSweep(app, {
      leadBureauId: city.id,
      categoryCodes: ['SEASONED_FLOUR_PRODUCTS'],
      exposureIds: [exposure.id],
    });
    const premises = await createPremises(app, { bureauId: bureau.id });
    const inspection = await createInspection(app, {
      sweepId: sweep.id,
      categoryId: sweep.categoryIds.get('SEASONED_FLOUR_PRODUCTS')!,
      premisesId: premises.id,
      officerIds: [randomUUID(), randomUUID()],
    });
    const finding = await createFinding(app, {
      inspectionId: inspection.id,
      violationTypeCode: 'EXPOSED_PRODUCT_ON_SALE',
      exposedProductId: exposure.productIds[0],
    });
    ids = {
      finding: finding.id,
      inspection: inspection.id,
      premises: premises.id,
      exposedProduct: exposure.productIds[0],
      exposure: exposure.id,
    };
  });

  afterAll(() => db?.close());

  it('loads the finding, its inspection and premises within the scope', async () => {
    for (const scope of [scopeOf(city, true), scopeOf(bureau, false)]) {
      const loaders = new Loaders(database);
      const finding = await findings.findingLoader(loaders, scope).load(ids.finding);
      expect(finding).toMatchObject({
        id: ids.finding,
        inspectionId: ids.inspection,
        exposedProductId: ids.exposedProduct,
      });
      await expect(
        inspections.inspectionLoader(loaders, scope).load(ids.inspection),
      ).resolves.toMatchObject({ id: ids.inspection });
      await expect(
        premisesRepository.premisesLoader(loaders, scope).load(ids.premises),
      ).resolves.toMatchObject({ id: ids.premises, bureauId: bureau.id });
    }
  });

  it('answers NOT_FOUND for records outside the scope, or unknown', async () => {
    const loaders = new Loaders(database);
    const outside = scopeOf(elsewhere, false);
    // One at a time: a load started before the previous one is awaited would reject unobserved.
    for (const load of [
      () => findings.findingLoader(loaders, outside).load(ids.finding),
      () => inspections.inspectionLoader(loaders, outside).load(ids.inspection),
      () => premisesRepository.premisesLoader(loaders, outside).load(ids.premises),
    ]) {
      await expect(load()).rejects.toBeInstanceOf(NotFound);
    }
  });
});
