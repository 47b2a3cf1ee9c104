import type { EntityManager } from 'typeorm';
import { BadUserInput } from '../../../src/common/errors/domain-errors';
import { Loaders } from '../../../src/graphql/loaders';
import {
  SweepsRepository,
  sweepCursor,
  type SweepLock,
} from '../../../src/sweeps/sweeps.repository';
import { createExposure, createSweep } from '../../factories/field-work';
import { cityBureau, createBureau } from '../../factories/people';
import { mediumDatabase, type MediumDatabase } from '../medium';
import { asApp } from './field';

describe('SweepsRepository', () => {
  let db: MediumDatabase;
  const sweeps = new SweepsRepository();
  beforeAll(async () => {
    db = await mediumDatabase();
  });
  afterAll(() => db.close());

  describe('lock', () => {
    /** Runs `work` in its own transaction that gives up waiting for a lock after 300 ms. */
    async function inTransaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
      return db.dataSource.transaction(async (manager) => {
        await manager.query(`SET LOCAL lock_timeout = '300ms'`);
        return work(manager);
      });
    }

    /** Holds the sweep in `held` mode while `other` tries to take it in `wanted` mode. */
    async function whileHeld(id: string, held: SweepLock, wanted: SweepLock): Promise<string> {
      const runner = db.dataSource.createQueryRunner();
      await runner.startTransaction();
      try {
        expect(await sweeps.lock(runner.manager, id, held)).toMatchObject({ id });
        return await inTransaction(async (manager) => {
          const sweep = await sweeps.lock(manager, id, wanted);
          return sweep ? 'taken' : 'missing';
        }).catch((error: Error & { driverError?: { code?: string } }) => {
          if (error.driverError?.code === '55P03') return 'waits';
          throw error;
        });
      } finally {
        await runner.rollbackTransaction();
        await runner.release();
      }
    }

    it('lets writes under a sweep share it, and makes a change of the sweep wait for them', async () => {
      const city = await cityBureau(db);
      const { id } = await createSweep(asApp(db), { leadBureauId: city.id });
      expect(await whileHeld(id, 'share', 'share')).toBe('taken');
      expect(await whileHeld(id, 'share', 'update')).toBe('waits');
      expect(await whileHeld(id, 'update', 'share')).toBe('waits');
      expect(await whileHeld(id, 'update', 'update')).toBe('waits');
    });

    it('answers null for an unknown sweep', async () => {
      await db.rollback(async (manager) => {
        expect(await sweeps.lock(manager, '00000000-0000-4000-8000-000000000000', 'share')).toBe(
          null,
        );
      });
    });
  });

  describe('page', () => {
    it('finds sweeps assigned to the bureau or one of its ancestors, never to a descendant or a sibling', async () => {
      const city = await cityBureau(db);
      const county = await createBureau(db, { kind: 'COUNTY' });
      const station = await createBureau(db, { parentId: county.id });
      const sibling = await createBureau(db, { parentId: county.id });
      const assigned = async (bureauId: string) =>
        (
          await createSweep(asApp(db), {
            leadBureauId: city.id,
            categoryCodes: ['CAMPUS_FOOD'],
            assignments: [{ bureauId, categoryCode: 'CAMPUS_FOOD', target: 1 }],
          })
        ).id;
      const toCity = await assigned(city.id);
      const toCounty = await assigned(county.id);
      const toStation = await assigned(station.id);
      const toSibling = await assigned(sibling.id);
      const ids = async (bureauId: string) =>
        (await sweeps.page(db.manager, { assignedAboveOrTo: bureauId }, null, 1000)).rows.map(
          (row) => row.id,
        );

      const ofStation = await ids(station.id);
      expect(ofStation).toEqual(expect.arrayContaining([toCity, toCounty, toStation]));
      expect(ofStation).not.toContain(toSibling);
      const ofCounty = await ids(county.id);
      expect(ofCounty).toEqual(expect.arrayContaining([toCity, toCounty]));
      expect(ofCounty).not.toContain(toStation);
      expect(ofCounty).not.toContain(toSibling);
    });

    it('pages newest start date first by the cursor of the last row, with the count over all pages', async () => {
      const city = await cityBureau(db);
      const exposure = await createExposure(asApp(db));
      const created = [];
      for (const startDate of ['2020-01-01', '2020-02-01', '2020-02-01', '2020-03-01'])
        created.push(
          await createSweep(asApp(db), {
            leadBureauId: city.id,
            startDate,
            endDate: '2020-12-31',
            exposureIds: [exposure.id],
          }),
        );
      const filter = { exposureId: exposure.id };
      const all = await sweeps.page(db.manager, filter, null, 100);
      expect(all.totalCount).toBe(4);
      expect(all.rows.map((row) => row.startDate)).toEqual([
        '2020-03-01',
        '2020-02-01',
        '2020-02-01',
        '2020-01-01',
      ]);
      const paged: string[] = [];
      let after: readonly [string, string] | null = null;
      for (;;) {
        const page = await sweeps.page(db.manager, filter, after, 2);
        expect(page.totalCount).toBe(4);
        if (page.rows.length === 0) break;
        paged.push(...page.rows.map((row) => row.id));
        const last = page.rows[page.rows.length - 1];
        after = sweepCursor.decode(sweepCursor.encode([last.startDate, last.id]));
      }
      expect(paged).toEqual(all.rows.map((row) => row.id));
      expect(new Set(paged)).toEqual(new Set(created.map((sweep) => sweep.id)));
    });

    it('refuses a cursor whose values are not a day and a UUID as BAD_USER_INPUT on after', () => {
      const cursor = (values: unknown) => Buffer.from(JSON.stringify(values)).toString('base64url');
      for (const bad of [
        cursor(['2020-01-01', 'x']),
        cursor(['01/01/2020', '00000000-0000-4000-8000-000000000000']),
        cursor(['2020-01-01']),
        '%%%',
      ]) {
        let thrown: unknown;
        try {
          sweepCursor.decode(bad, 'after');
        } catch (error) {
          thrown = error;
        }
        expect(thrown).toBeInstanceOf(BadUserInput);
        expect((thrown as BadUserInput).fields.map((field) => field.path)).toEqual(['after']);
      }
    });
  });

  it('tells whether a category and exposed products belong to the sweep', async () => {
    const city = await cityBureau(db);
    const ofSweep = await createExposure(asApp(db));
    const other = await createExposure(asApp(db));
    const sweep = await createSweep(asApp(db), {
      leadBureauId: city.id,
      categoryCodes: ['CAMPUS_FOOD'],
      exposureIds: [ofSweep.id],
    });
    const [pharmacy] = await db.query<{ id: string }>(
      `SELECT id FROM target_categories WHERE code = 'PHARMACIST_CERTIFICATES'`,
    );
    expect(
      await sweeps.categoryInSweep(db.manager, sweep.id, sweep.categoryIds.get('CAMPUS_FOOD')!),
    ).toBe(true);
    expect(await sweeps.categoryInSweep(db.manager, sweep.id, pharmacy.id)).toBe(false);
    expect(
      await sweeps.exposedProductsOfSweep(db.manager, sweep.id, [
        ...ofSweep.productIds,
        ...other.productIds,
      ]),
    ).toEqual(new Set(ofSweep.productIds));
    expect(await sweeps.exposedProductsOfSweep(db.manager, sweep.id, [])).toEqual(new Set());
    const loaders = new Loaders(db.database);
    expect(await sweeps.sweepIdsByExposureLoader(loaders).load(ofSweep.id)).toEqual([sweep.id]);
    expect(await sweeps.sweepIdsByExposureLoader(loaders).load(other.id)).toEqual([]);
    expect(await sweeps.exposuresOf(db.manager, sweep.id)).toEqual([
      { source: 'CCTV_315_GALA', title: expect.any(String) },
    ]);
  });

  it('loads sweeps by id, an unknown one as NOT_FOUND, and closes one', async () => {
    const city = await cityBureau(db);
    const { id } = await createSweep(asApp(db), { leadBureauId: city.id });
    const loader = sweeps.sweepLoader(new Loaders(db.database));
    expect(await loader.load(id)).toMatchObject({ id, status: 'ACTIVE' });
    await expect(loader.load('00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      extensions: { entity: 'Sweep' },
    });
    expect(await sweeps.markClosed(db.manager, id)).toMatchObject({ id, status: 'CLOSED' });
    expect(await sweeps.byId(db.manager, id)).toMatchObject({
      status: 'CLOSED',
      closedAt: expect.any(Date),
    });
  });

  it('finds a sweep id by its code for the system job', async () => {
    const city = await cityBureau(db);
    const code = `CODE-${Date.now()}`;
    const { id } = await createSweep(asApp(db), { leadBureauId: city.id, code });
    expect(await sweeps.idByCodeForSystem(db.manager, code)).toBe(id);
    expect(await sweeps.idByCodeForSystem(db.manager, `${code}-NONE`)).toBeNull();
  });
});
