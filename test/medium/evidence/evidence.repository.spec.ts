import { createHash, randomBytes } from 'node:crypto';
import { Scope } from '../../../src/common/scope';
import { CitingFindingsRepository } from '../../../src/evidence/citing-findings.repository';
import { EvidenceRepository } from '../../../src/evidence/evidence.repository';
import { Loaders } from '../../../src/graphql/loaders';
import {
  createFinding,
  createInspection,
  createPremises,
  createSweep,
} from '../../factories/field-work';
import { cityBureau, createBureau, type BureauRecord } from '../../factories/people';
import type { TestApp } from '../../helpers/test-app';
import { mediumDatabase, type MediumDatabase } from '../medium';
import { inspectorScope } from '../premises/scope';

const sha256 = (): string => createHash('sha256').update(randomBytes(32)).digest('hex');

describe('evidence files and the findings citing them', () => {
  let db: MediumDatabase;
  const files = new EvidenceRepository();
  const findings = new CitingFindingsRepository();
  let station: BureauRecord;
  let other: BureauRecord;
  let officerId: string;
  let cited: string;

  beforeAll(async () => {
    db = await mediumDatabase();
    // the field-work factories only write rows with `query`, which the medium database has
    const app = db as unknown as TestApp;
    const county = await createBureau(db, { kind: 'COUNTY' });
    station = await createBureau(db, { parentId: county.id });
    other = await createBureau(db);
    // two officers: an inspection needs two
    const officers = await db.query<{ id: string }>(
      `INSERT INTO officers (name, certificate_number, bureau_id, roles, password_hash)
       SELECT '测试执法员', 'C' || substr(md5(random()::text), 1, 8), $1, '{INSPECTOR}', 'x'
         FROM generate_series(1, 2) RETURNING id`,
      [station.id],
    );
    officerId = officers[0].id;
    const sweep = await createSweep(app, { leadBureauId: (await cityBureau(db)).id });
    const premises = await createPremises(app, { bureauId: station.id });
    const inspection = await createInspection(app, {
      sweepId: sweep.id,
      categoryId: [...sweep.categoryIds.values()][0],
      premisesId: premises.id,
      officerIds: officers.map((officer) => officer.id),
    });
    const finding = await createFinding(app, { inspectionId: inspection.id });
    cited = sha256();
    await db.query(`UPDATE findings SET evidence = $2::jsonb WHERE id = $1`, [
      finding.id,
      JSON.stringify([
        { fileName: 'a.jpg', mediaType: 'image/jpeg', sizeBytes: 10, sha256: cited },
      ]),
    ]);
  });
  afterAll(() => db.close());

  it('says a file is cited only when a finding inside the scope cites it', async () => {
    expect(await findings.anyInScope(db.manager, await inspectorScope(db, station.id), cited)).toBe(
      true,
    );
    expect(await findings.anyInScope(db.manager, Scope.system(), cited)).toBe(true);
    expect(await findings.anyInScope(db.manager, await inspectorScope(db, other.id), cited)).toBe(
      false,
    );
    expect(await findings.anyInScope(db.manager, Scope.system(), sha256())).toBe(false);
  });

  it('records a file once, and tells which files have arrived', async () => {
    const file = {
      sha256: cited,
      mediaType: 'image/jpeg' as const,
      sizeBytes: 10,
      uploadedById: officerId,
    };
    const first = await db.rollback(async (manager) => {
      const created = await files.insertIfAbsent(manager, file);
      const again = await files.insertIfAbsent(manager, { ...file, sizeBytes: 11 });
      return { created, again, found: await files.findBySha256(manager, cited) };
    });
    expect(first.created).toMatchObject({ created: true, file: { sha256: cited, sizeBytes: 10 } });
    expect(first.again).toMatchObject({
      created: false,
      file: { id: first.created.file.id, sizeBytes: 10 },
    });
    expect(first.found?.id).toBe(first.created.file.id);

    await files.insertIfAbsent(db.manager, file);
    const missing = sha256();
    const loader = files.uploadedLoader(new Loaders(db.database));
    expect(await loader.loadMany([cited, missing])).toEqual([true, false]);
    expect(await files.findBySha256(db.manager, missing)).toBeNull();
  });
});
