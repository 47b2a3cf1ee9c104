import { BureausRepository } from '../../../src/bureaus/bureaus.repository';
import { Loaders } from '../../../src/graphql/loaders';
import { createBureau } from '../../factories/people';
import { mediumDatabase, type MediumDatabase } from '../medium';

describe('BureausRepository', () => {
  let db: MediumDatabase;
  const bureaus = new BureausRepository();

  beforeAll(async () => {
    db = await mediumDatabase();
  });
  afterAll(() => db.close());

  it('lists the municipal bureau first, then sub-bureaus, then county bureaus, each by code', async () => {
    await createBureau(db, { code: 'ZZ-SUB' });
    await createBureau(db, { code: 'AA-COUNTY', kind: 'COUNTY' });
    await createBureau(db, { code: 'MM-SUB' });
    const listed = (await bureaus.list(db.manager)).map((bureau) => [bureau.kind, bureau.code]);
    expect(listed).toEqual([
      ['MUNICIPAL', 'CITY'],
      ['SUB_BUREAU', 'MM-SUB'],
      ['SUB_BUREAU', 'ZZ-SUB'],
      ['COUNTY', 'AA-COUNTY'],
    ]);
  });

  it('tells whether a bureau and the root exist, and inserts one', async () => {
    expect(await bureaus.municipalExists(db.manager)).toBe(true);
    await db.rollback(async (manager) => {
      const [city] = await bureaus.list(manager);
      const inserted = await bureaus.insert(manager, {
        code: 'NEW',
        name: '新分局',
        kind: 'SUB_BUREAU',
        divisionCode: '640105',
        parentId: city.id,
      });
      expect(await bureaus.exists(manager, inserted.id)).toBe(true);
    });
    expect(await bureaus.exists(db.manager, '00000000-0000-4000-8000-000000000000')).toBe(false);
  });

  it('loads bureaus by id for one request, undefined for an unknown id', async () => {
    const bureau = await createBureau(db);
    const loaders = new Loaders(db.database);
    const loader = bureaus.bureauLoader(loaders);
    expect(bureaus.bureauLoader(loaders)).toBe(loader);
    const [found, missing] = await loader.loadMany([
      bureau.id,
      '00000000-0000-4000-8000-000000000000',
    ]);
    expect(found).toMatchObject({ id: bureau.id, code: bureau.code });
    expect(missing).toBeUndefined();
    expect(bureaus.bureauLoader(new Loaders(db.database))).not.toBe(loader);
  });

  it('finds bureaus by id, ids and code, and tells which ids and codes are bureaus', async () => {
    const one = await createBureau(db);
    const two = await createBureau(db);
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(await bureaus.findById(db.manager, one.id)).toMatchObject({ code: one.code });
    expect(await bureaus.findById(db.manager, unknown)).toBeNull();
    expect(await bureaus.findByCode(db.manager, two.code)).toMatchObject({ id: two.id });
    expect(await bureaus.findByCode(db.manager, 'NO-SUCH-CODE')).toBeNull();
    const found = await bureaus.findByIds(db.manager, [one.id, two.id, unknown]);
    expect(found.map((bureau) => bureau.id).sort()).toEqual([one.id, two.id].sort());
    expect(await bureaus.findByIds(db.manager, [])).toEqual([]);
    expect(await bureaus.knownIds(db.manager, [one.id, unknown])).toEqual(new Set([one.id]));
    expect(await bureaus.knownIds(db.manager, [])).toEqual(new Set());
    expect(await bureaus.idsByCode(db.manager, [one.code, two.code, 'NO-SUCH-CODE'])).toEqual(
      new Map([
        [one.code, one.id],
        [two.code, two.id],
      ]),
    );
  });

  it('gives the ids of a bureau’s subtree, and nothing above or beside it', async () => {
    const county = await createBureau(db, { kind: 'COUNTY' });
    const station = await createBureau(db, { parentId: county.id });
    const deeper = await createBureau(db, { parentId: station.id });
    await createBureau(db);
    expect((await bureaus.subtreeIds(db.manager, county.id)).sort()).toEqual(
      [county.id, station.id, deeper.id].sort(),
    );
    expect(await bureaus.subtreeIds(db.manager, deeper.id)).toEqual([deeper.id]);
  });
});
