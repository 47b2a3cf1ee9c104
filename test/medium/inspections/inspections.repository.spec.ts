import { pageOf } from '../../../src/common/pagination/connection';
import { BadUserInput, NotFound } from '../../../src/common/errors/domain-errors';
import { Scope } from '../../../src/common/scope';
import { Loaders } from '../../../src/graphql/loaders';
import {
  InspectionsRepository,
  premisesInspectionsCursor,
} from '../../../src/inspections/repositories/inspections.repository';
import { PremisesRepository } from '../../../src/premises/premises.repository';
import { createInspection } from '../../factories/field-work';
import { mediumDatabase, type MediumDatabase } from '../medium';
import { asApp, mediumField, MediumField, scopeOfA, scopeOfB } from './field';

describe('InspectionsRepository', () => {
  let db: MediumDatabase;
  let field: MediumField;
  const repository = new InspectionsRepository();
  /** Inspections of shop A logged while it was A's, newest visit first; then B's after it moved. */
  const ofA: string[] = [];
  let ofB: string;
  let voidedOfA: string;

  beforeAll(async () => {
    db = await mediumDatabase();
    field = await mediumField(db);
    const app = asApp(db);
    const inspect = async (day: string, officerIds: string[], voided = false) => {
      const { id } = await createInspection(app, {
        sweepId: field.sweep.id,
        categoryId: field.categoryId,
        premisesId: field.shopA,
        officerIds,
        voided,
      });
      // To the microsecond, as a device's instant may be stored: the cursor must keep it.
      await db.query(`UPDATE inspections SET inspected_at = $2::timestamptz WHERE id = $1`, [
        id,
        `${day}T02:00:00.123456Z`,
      ]);
      return id;
    };
    ofA.push(await inspect('2019-03-25', field.officersA));
    ofA.push(await inspect('2019-03-24', field.officersA));
    ofA.push(await inspect('2019-03-23', field.officersA));
    voidedOfA = await inspect('2019-03-26', field.officersA, true);
    // 管辖变更: the registry moves shop A to bureau B, which inspects it too (an earlier visit).
    await db.query(`UPDATE premises SET bureau_id = $1 WHERE id = $2`, [
      field.bureauB.id,
      field.shopA,
    ]);
    ofB = await inspect('2019-03-21', field.officersB);
  });
  afterAll(() => db.close());

  const page = (scope: Scope, first: number, after: readonly [string, string] | null = null) =>
    repository
      .pagesOfPremises(db.manager, scope, [field.shopA, field.shopB], {
        // the cursor string only tells the page it starts after one; the decoded key is `cursor`
        page: pageOf({ first, after: after ? 'given' : undefined }),
        cursor: after,
      })
      .then(([shopA, shopB]) => ({
        shopA: {
          totalCount: shopA.totalCount,
          ids: shopA.edges.map((edge) => edge.node.id),
          hasNextPage: shopA.pageInfo.hasNextPage,
          endCursor: shopA.pageInfo.endCursor,
        },
        shopB: shopB.totalCount,
      }));

  it('gives each bureau only the inspections it logged of a premises that moved, never voided ones', async () => {
    expect(await page(scopeOfA(field), 10)).toMatchObject({
      shopA: { totalCount: 3, ids: ofA, hasNextPage: false },
      shopB: 0,
    });
    expect(await page(scopeOfB(field), 10)).toMatchObject({
      shopA: { totalCount: 1, ids: [ofB] },
      shopB: 0,
    });
    expect(await page(Scope.system(), 10)).toMatchObject({
      shopA: { totalCount: 4, ids: [...ofA, ofB] },
    });
  });

  it('pages newest visit first by a cursor of (inspected_at to the microsecond, id)', async () => {
    const first = await page(Scope.system(), 2);
    expect(first.shopA).toMatchObject({ totalCount: 4, ids: ofA.slice(0, 2), hasNextPage: true });
    const after = premisesInspectionsCursor.decode(first.shopA.endCursor!);
    expect(after).toEqual(['2019-03-24T02:00:00.123456', ofA[1]]);
    const second = await page(Scope.system(), 2, after);
    expect(second.shopA).toMatchObject({ totalCount: 4, ids: [ofA[2], ofB], hasNextPage: false });
    // Paged past the end: the total still counts, by the second statement.
    const past = await page(scopeOfB(field), 2, ['2019-03-01T00:00:00.000000', ofB]);
    expect(past.shopA).toMatchObject({ totalCount: 1, ids: [] });
    expect(() => premisesInspectionsCursor.decode('garbage')).toThrow(BadUserInput);
    expect(() =>
      premisesInspectionsCursor.decode(
        Buffer.from(`["2019-03-24 10:00:00+08","${ofB}"]`).toString('base64url'),
      ),
    ).toThrow(BadUserInput);
  });

  it('gives the latest inspection of a premises within the scope', async () => {
    const latest = async (scope: Scope) =>
      repository.lastOfPremises(db.manager, scope, [field.shopA, field.shopB]);
    expect((await latest(scopeOfA(field))).get(field.shopA)?.id).toBe(ofA[0]);
    expect((await latest(scopeOfB(field))).get(field.shopA)?.id).toBe(ofB);
    expect((await latest(Scope.system())).get(field.shopA)?.id).toBe(ofA[0]);
    expect((await latest(Scope.system())).has(field.shopB)).toBe(false);
  });

  it('loads inspections and premises of a request as NOT_FOUND outside the scope', async () => {
    const loaders = new Loaders(db.database);
    const inspections = repository.inspectionLoader(loaders, scopeOfA(field));
    expect((await inspections.load(ofA[0])).id).toBe(ofA[0]);
    expect((await inspections.load(voidedOfA)).voided).toBe(true);
    await expect(inspections.load(ofB)).rejects.toBeInstanceOf(NotFound);
    await expect(
      repository
        .inspectionLoader(new Loaders(db.database), Scope.system())
        .load('00000000-0000-4000-8000-000000000000'),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', extensions: { entity: 'Inspection' } });
    // Shop A is B's now: to A, its own old inspection's premises is NOT_FOUND.
    const premises = new PremisesRepository().premisesLoader(loaders, scopeOfA(field));
    await expect(premises.load(field.shopA)).rejects.toBeInstanceOf(NotFound);
    expect((await premises.load(field.shopA1)).id).toBe(field.shopA1);
  });

  it('tells whether an inspection exists inside the scope, voided or not', async () => {
    expect(await repository.existsInScope(db.manager, scopeOfA(field), ofA[0])).toBe(true);
    expect(await repository.existsInScope(db.manager, scopeOfA(field), voidedOfA)).toBe(true);
    expect(await repository.existsInScope(db.manager, scopeOfA(field), ofB)).toBe(false);
    expect(await repository.existsInScope(db.manager, Scope.system(), ofB)).toBe(true);
  });

  it('tells the system job whether a sweep has an inspection', async () => {
    expect(await repository.anyOfSweepForSystem(db.manager, field.sweep.id)).toBe(true);
    const [other] = await db.query<{ id: string }>(
      `INSERT INTO sweeps (code, title, directive, lead_bureau_id, status, start_date, end_date)
       VALUES ('NO-VISITS', '专项整治', '文号', $1, 'DRAFT', '2019-03-16', '2019-04-30') RETURNING id`,
      [field.city.id],
    );
    expect(await repository.anyOfSweepForSystem(db.manager, other.id)).toBe(false);
  });

  it('locks an inspection only inside the scope', async () => {
    await db.rollback(async (manager) => {
      expect(await repository.lockInScope(manager, scopeOfB(field), ofA[0])).toBeNull();
      expect((await repository.lockInScope(manager, scopeOfA(field), ofA[0]))?.id).toBe(ofA[0]);
      // Another connection cannot take the row meanwhile.
      const other = db.dataSource.createQueryRunner();
      try {
        await expect(
          other.query(`SELECT id FROM inspections WHERE id = $1 FOR UPDATE NOWAIT`, [ofA[0]]),
        ).rejects.toThrow(/could not obtain lock/);
      } finally {
        await other.release();
      }
    });
  });
});
