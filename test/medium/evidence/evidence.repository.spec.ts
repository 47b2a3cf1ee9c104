import { createHash, randomBytes } from 'node:crypto';
import { EvidenceRepository } from '../../../src/evidence/evidence.repository';
import { Scope } from '../../../src/common/scope';
import { Loaders } from '../../../src/graphql/loaders';
import { createBureau } from '../../factories/people';
import { mediumDatabase, type MediumDatabase } from '../medium';

const sha256 = (): string => createHash('sha256').update(randomBytes(32)).digest('hex');

describe('EvidenceRepository (evidence files)', () => {
  let db: MediumDatabase;
  const files = new EvidenceRepository();
  let officerId: string;
  let cited: string;

  beforeAll(async () => {
    db = await mediumDatabase();
    const station = await createBureau(db);
    const officers = await db.query<{ id: string }>(
      `INSERT INTO officers (name, certificate_number, bureau_id, roles, password_hash)
       SELECT '测试执法员', 'C' || substr(md5(random()::text), 1, 8), $1, '{INSPECTOR}', 'x'
         FROM generate_series(1, 2) RETURNING id`,
      [station.id],
    );
    officerId = officers[0].id;
    cited = sha256();
  });
  afterAll(() => db.close());

  it('records a file once, and reports no file uploaded for no finding', async () => {
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
    expect(
      await db.rollback(async (manager) => {
        const { file: recorded } = await files.insertIfAbsent(manager, file);
        return (await files.findById(manager, recorded.id))?.sha256;
      }),
    ).toBe(cited);

    await files.insertIfAbsent(db.manager, file);
    const missing = sha256();
    // Stored but uploaded for no finding: reported to nobody, not even an unrestricted scope.
    const loader = files.uploadedLoader(new Loaders(db.database), Scope.system());
    expect(await loader.loadMany([cited, missing])).toEqual([false, false]);
    expect(await files.findBySha256(db.manager, missing)).toBeNull();
  });
});
