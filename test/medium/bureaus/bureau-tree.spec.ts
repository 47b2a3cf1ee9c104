import { ancestryOf, subtreeOf } from '../../../src/bureaus/bureau-tree';
import { cityBureau, createBureau } from '../../factories/people';
import { mediumDatabase, type MediumDatabase } from '../medium';

describe('the bureau tree in SQL', () => {
  let db: MediumDatabase;
  beforeAll(async () => {
    db = await mediumDatabase();
  });
  afterAll(() => db.close());

  it('gives a bureau and all its descendants, and a bureau and all its ancestors', async () => {
    const city = await cityBureau(db);
    const county = await createBureau(db, { kind: 'COUNTY' });
    const station = await createBureau(db, { parentId: county.id });
    const other = await createBureau(db);
    const ids = async (sql: string, id: string) =>
      (await db.query<{ id: string }>(`SELECT id FROM bureaus WHERE id IN ${sql}`, [id]))
        .map((row) => row.id)
        .sort();

    expect(await ids(subtreeOf('$1'), county.id)).toEqual([county.id, station.id].sort());
    expect(await ids(subtreeOf('$1'), city.id)).toEqual(
      expect.arrayContaining([city.id, county.id, station.id, other.id]),
    );
    expect(await ids(ancestryOf('$1'), station.id)).toEqual(
      [city.id, county.id, station.id].sort(),
    );
    expect(await ids(subtreeOf('$1'), station.id)).toEqual([station.id]);
  });
});
