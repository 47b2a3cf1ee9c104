import { Loaders } from '../../../src/graphql/loaders';
import { OfficersRepository } from '../../../src/officers/officers.repository';
import { cityBureau, createBureau } from '../../factories/people';
import { mediumDatabase, type MediumDatabase } from '../medium';

describe('OfficersRepository', () => {
  let db: MediumDatabase;
  const officers = new OfficersRepository();

  beforeAll(async () => {
    db = await mediumDatabase();
  });
  afterAll(() => db.close());

  async function officer(bureauId: string, active = true, roles = ['INSPECTOR']): Promise<string> {
    const [row] = await db.query<{ id: string }>(
      `INSERT INTO officers (name, certificate_number, bureau_id, roles, password_hash, active)
       VALUES ('测试执法员', $1, $2, $4, 'hash', $3) RETURNING id`,
      [`C${Math.random().toString(36).slice(2, 12)}`, bureauId, active, roles],
    );
    return row.id;
  }

  it('gives an officer the jurisdiction of their bureau’s subtree, and nothing above or beside it', async () => {
    const city = await cityBureau(db);
    const county = await createBureau(db, { kind: 'COUNTY' });
    const station = await createBureau(db, { parentId: county.id });
    const deeper = await createBureau(db, { parentId: station.id });
    const sibling = await createBureau(db);

    const atCounty = await officers.withJurisdiction(db.manager, await officer(county.id));
    expect(atCounty).toMatchObject({ bureauId: county.id, roles: ['INSPECTOR'], active: true });
    expect([...atCounty!.jurisdiction].sort()).toEqual([county.id, station.id, deeper.id].sort());

    const atStation = await officers.withJurisdiction(db.manager, await officer(station.id));
    expect([...atStation!.jurisdiction].sort()).toEqual([station.id, deeper.id].sort());

    const atCity = await officers.withJurisdiction(db.manager, await officer(city.id));
    expect(atCity!.jurisdiction).toEqual(
      expect.arrayContaining([city.id, county.id, station.id, deeper.id, sibling.id]),
    );

    const deactivated = await officers.withJurisdiction(
      db.manager,
      await officer(sibling.id, false),
    );
    expect(deactivated).toMatchObject({ active: false, jurisdiction: [sibling.id] });

    expect(
      await officers.withJurisdiction(db.manager, '00000000-0000-4000-8000-000000000000'),
    ).toBeNull();
  });

  it('tells which officers may be named on a visit to premises of a bureau', async () => {
    const city = await cityBureau(db);
    const county = await createBureau(db, { kind: 'COUNTY' });
    const bureau = await createBureau(db, { parentId: county.id });
    const below = await createBureau(db, { parentId: bureau.id });
    const sibling = await createBureau(db, { parentId: county.id });
    const active = await officer(bureau.id);
    const supervisorAbove = await officer(county.id, true, ['SUPERVISOR']);
    const cityInspector = await officer(city.id, true, ['INSPECTOR', 'MANAGER']);
    const refused = [
      await officer(bureau.id, false),
      await officer(city.id, true, ['MANAGER']),
      await officer(bureau.id, true, ['ADMIN']),
      await officer(sibling.id),
      await officer(below.id),
      '00000000-0000-4000-8000-000000000000',
    ];

    const eligible = await officers.eligibleForVisit(
      db.manager,
      [active, supervisorAbove, cityInspector, ...refused, active],
      bureau.id,
    );
    expect(eligible).toEqual(new Set([active, supervisorAbove, cityInspector]));
    expect(await officers.eligibleForVisit(db.manager, [], bureau.id)).toEqual(new Set());
  });

  it('deactivates an officer and gives credentials by certificate number', async () => {
    const bureau = await createBureau(db);
    const id = await officer(bureau.id);
    const [{ certificate_number: certificate }] = await db.query<{ certificate_number: string }>(
      'SELECT certificate_number FROM officers WHERE id = $1',
      [id],
    );
    expect(await officers.credentials(db.manager, ` ${certificate.toUpperCase()} `)).toEqual({
      id,
      certificateNumber: certificate,
      passwordHash: 'hash',
      active: true,
    });
    await db.rollback(async (manager) => {
      expect((await officers.lockById(manager, id))?.active).toBe(true);
      await officers.deactivate(manager, id);
      expect((await officers.findById(manager, id))?.active).toBe(false);
    });
    expect((await officers.findById(db.manager, id))?.active).toBe(true);
    expect(await officers.credentials(db.manager, 'NO-SUCH-CERTIFICATE')).toBeNull();
  });

  it('tells whether any officer exists, and gives officers’ ids by certificate number', async () => {
    expect(await officers.any(db.manager)).toBe(true);
    const bureau = await createBureau(db);
    const id = await officer(bureau.id);
    const [{ certificate_number: certificate }] = await db.query<{ certificate_number: string }>(
      'SELECT certificate_number FROM officers WHERE id = $1',
      [id],
    );
    expect(
      await officers.idsByCertificateForSystem(db.manager, [certificate, 'NO-SUCH-CERTIFICATE']),
    ).toEqual(new Map([[certificate, id]]));
    expect(await officers.idsByCertificateForSystem(db.manager, [])).toEqual(new Map());
  });

  it('loads officers by id for one request, undefined for an unknown id', async () => {
    const bureau = await createBureau(db);
    const id = await officer(bureau.id);
    const loaders = new Loaders(db.database);
    const loader = officers.officerLoader(loaders);
    expect(officers.officerLoader(loaders)).toBe(loader);
    const [found, missing] = await loader.loadMany([id, '00000000-0000-4000-8000-000000000000']);
    expect(found).toMatchObject({ id, bureauId: bureau.id });
    expect(missing).toBeUndefined();
  });
});
