import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOfficer, OfficerRecord } from '../factories/people';
import { createFieldWorld, FieldWorld, logInspection } from '../helpers/field-world';
import { startTestApp, TestApp } from '../helpers/test-app';

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');
const photo = (): Buffer =>
  Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF'), randomBytes(248)]);

const FINDING_EVIDENCE = `query FindingEvidence($id: ID!) {
  finding(id: $id) { id evidence { sha256 uploaded } }
}`;

/**
 * Issue 17, item 2: an evidence file belongs to the findings it was uploaded for. Before, JINFENG's
 * inspector cited XINGQING's photo hash in a finding of their own and downloaded the photo.
 */
describe('evidence ownership', () => {
  let app: TestApp;
  let world: FieldWorld;
  let evidenceDir: string;
  let supervisorOfA: OfficerRecord;

  beforeAll(async () => {
    evidenceDir = mkdtempSync(join(tmpdir(), 'evidence-ownership-'));
    app = await startTestApp({ EVIDENCE_DIR: evidenceDir });
    world = await createFieldWorld(app);
    supervisorOfA = await createOfficer(app, world.bureauA.id, ['SUPERVISOR']);
  });
  afterAll(async () => {
    await app.close();
    rmSync(evidenceDir, { recursive: true, force: true });
  });

  const put = (hash: string, bytes: Buffer, token: string) =>
    fetch(`${app.url}/evidence/${hash}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${token}` },
      body: bytes,
    });
  const get = (hash: string, token: string) => app.get(`/evidence/${hash}`, { token });
  const uploaded = async (findingId: string, token: string) => {
    const result = await app.gql(FINDING_EVIDENCE, { id: findingId }, { token });
    return (result.data!.finding.evidence as { uploaded: boolean }[])[0].uploaded;
  };

  /** A finding citing the file, logged by `inspector` on `premisesId`. */
  async function cite(bytes: Buffer, side: 'A' | 'B'): Promise<string> {
    const overrides =
      side === 'A'
        ? {}
        : {
            premisesId: world.shopB.id,
            officerIds: [world.inspectorB.id, world.supervisorB.id],
          };
    const inspection = await logInspection(
      app,
      world,
      {
        ...overrides,
        findings: [
          {
            violationTypeCode: 'THREE_NO_PRODUCTS',
            description: '货架上有无标签辣条',
            evidence: [
              { fileName: 'p.jpg', mediaType: 'image/jpeg', sizeBytes: 256, sha256: sha256(bytes) },
            ],
          },
        ],
      },
      side === 'A' ? world.inspectorA.token : world.inspectorB.token,
    );
    return inspection.findings[0].id;
  }

  it('does not serve a file to another bureau’s inspector who cites its hash, nor tell them it was uploaded', async () => {
    const bytes = photo();
    const hash = sha256(bytes);
    const own = await cite(bytes, 'A');
    expect((await put(hash, bytes, world.inspectorA.token)).status).toBe(201);

    const foreign = await cite(bytes, 'B');
    expect((await get(hash, world.inspectorB.token)).status).toBe(404);
    expect(await uploaded(foreign, world.inspectorB.token)).toBe(false);

    expect((await get(hash, world.inspectorA.token)).status).toBe(200);
    expect(await uploaded(own, world.inspectorA.token)).toBe(true);
    // Whose jurisdiction covers the finding it was uploaded for: the bureau's supervisor, a manager.
    expect((await get(hash, supervisorOfA.token)).status).toBe(200);
    expect((await get(hash, world.manager.token)).status).toBe(200);
  });

  it('gives the other bureau the file once it uploads the same bytes itself, stored once', async () => {
    const bytes = photo();
    const hash = sha256(bytes);
    await cite(bytes, 'A');
    expect((await put(hash, bytes, world.inspectorA.token)).status).toBe(201);
    const foreign = await cite(bytes, 'B');

    const again = await put(hash, bytes, world.inspectorB.token);
    expect(again.status).toBe(200);
    expect((await get(hash, world.inspectorB.token)).status).toBe(200);
    expect(await uploaded(foreign, world.inspectorB.token)).toBe(true);
    const rows = await app.query(
      `SELECT (SELECT count(*)::int FROM evidence_files WHERE sha256 = $1) AS files,
              (SELECT count(*)::int FROM evidence_uploads u JOIN evidence_files f ON f.id = u.evidence_file_id
                WHERE f.sha256 = $1) AS uploads`,
      [hash],
    );
    expect(rows).toEqual([{ files: 1, uploads: 2 }]);
    const [attached] = await app.query(
      `SELECT actor_id FROM audit_events WHERE action = 'evidence.attach' AND after->'findingIds' ? $1`,
      [foreign],
    );
    expect(attached).toEqual({ actor_id: world.inspectorB.id });
  });

  it('refuses an upload by an officer who has no finding of their own citing the file', async () => {
    const bytes = photo();
    const hash = sha256(bytes);
    await cite(bytes, 'A');
    // The bureau's supervisor sees the finding but neither logged it nor was on the visit.
    expect((await put(hash, bytes, supervisorOfA.token)).status).toBe(404);
    expect((await put(hash, bytes, world.inspectorB.token)).status).toBe(404);
  });
});
