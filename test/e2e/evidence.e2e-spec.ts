import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFieldWorld, FieldWorld, logInspection } from '../helpers/field-world';
import { startTestApp, TestApp } from '../helpers/test-app';
import { countStatements } from '../helpers/statements';
import { createOfficer } from '../factories/people';

const MiB = 1024 * 1024;

/** Tiny files that start like the real thing, with random bytes so each test has its own hash. */
const SAMPLES = {
  jpeg: { mediaType: 'image/jpeg', head: [Buffer.from([0xff, 0xd8, 0xff, 0xe0]), 'JFIF'] },
  png: {
    mediaType: 'image/png',
    head: [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'IHDR'],
  },
  pdf: { mediaType: 'application/pdf', head: ['%PDF-1.7\n'] },
  heic: { mediaType: 'image/heic', head: [Buffer.from([0, 0, 0, 0x18]), 'ftypheic'] },
} as const;

function sample(kind: keyof typeof SAMPLES, size = 256): Buffer {
  const head = Buffer.concat(
    SAMPLES[kind].head.map((part) => (typeof part === 'string' ? Buffer.from(part) : part)),
  );
  return Buffer.concat([head, randomBytes(size - head.length)]);
}

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

const FINDING_EVIDENCE = `query FindingEvidence($id: ID!) {
  finding(id: $id) { id evidence { sha256 mediaType uploaded } }
}`;

describe('evidence files (证据文件)', () => {
  let app: TestApp;
  let world: FieldWorld;
  let evidenceDir: string;

  beforeAll(async () => {
    evidenceDir = mkdtempSync(join(tmpdir(), 'evidence-e2e-'));
    app = await startTestApp({ EVIDENCE_DIR: evidenceDir });
    world = await createFieldWorld(app);
  });
  afterAll(async () => {
    await app.close();
    rmSync(evidenceDir, { recursive: true, force: true });
  });

  /** Logs an inspection by inspector A whose finding cites these files. */
  async function citeInFinding(...files: { bytes: Buffer; mediaType: string }[]) {
    const inspection = await logInspection(app, world, {
      findings: [
        {
          violationTypeCode: 'THREE_NO_PRODUCTS',
          description: '货架上有无标签辣条',
          evidence: files.map((file, index) => ({
            fileName: `photo-${index}`,
            mediaType: file.mediaType,
            // The metadata allows no empty file; the upload of one is refused anyway.
            sizeBytes: Math.max(1, file.bytes.length),
            sha256: sha256(file.bytes),
          })),
        },
      ],
    });
    return inspection.findings[0].id;
  }

  function put(
    hash: string,
    body: Buffer | ReadableStream<Uint8Array>,
    token: string | undefined = world.inspectorA.token,
    contentType = 'application/octet-stream',
  ): Promise<Response> {
    return fetch(`${app.url}/evidence/${hash}`, {
      method: 'PUT',
      headers: {
        'content-type': contentType,
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body,
      duplex: 'half',
    });
  }

  const get = (
    hash: string,
    token = world.inspectorA.token,
    headers: Record<string, string> = {},
  ) => app.get(`/evidence/${hash}`, { token, headers });

  /** Every file under the evidence folder, temporary ones included. */
  function storedFiles(): string[] {
    return readdirSync(evidenceDir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => entry.name);
  }

  function storedPath(hash: string): string {
    return join(evidenceDir, hash.slice(0, 2), hash.slice(2, 4), hash);
  }

  it.each(Object.keys(SAMPLES) as (keyof typeof SAMPLES)[])(
    'stores a %s cited by a finding and serves it back with its type, ETag and private caching',
    async (kind) => {
      const bytes = sample(kind);
      const hash = sha256(bytes);
      await citeInFinding({ bytes, mediaType: SAMPLES[kind].mediaType });

      // A misleading Content-Type does not matter: the kind is read from the bytes.
      const response = await put(hash, bytes, world.inspectorA.token, 'text/plain');
      expect(response.status).toBe(201);
      expect(await response.json()).toMatchObject({
        sha256: hash,
        mediaType: SAMPLES[kind].mediaType,
        sizeBytes: bytes.length,
      });
      expect(readFileSync(storedPath(hash))).toEqual(bytes);
      const [row] = await app.query(
        `SELECT media_type, size_bytes, uploaded_by_id FROM evidence_files WHERE sha256 = $1`,
        [hash],
      );
      expect(row).toEqual({
        media_type: SAMPLES[kind].mediaType,
        size_bytes: bytes.length,
        uploaded_by_id: world.inspectorA.id,
      });

      const served = await get(hash);
      expect(served.status).toBe(200);
      expect(served.headers.get('content-type')).toBe(SAMPLES[kind].mediaType);
      expect(served.headers.get('etag')).toBe(`"${hash}"`);
      expect(served.headers.get('cache-control')).toMatch(/\bprivate\b/);
      expect(Buffer.from(await served.arrayBuffer())).toEqual(bytes);
    },
  );

  it('answers a matching If-None-Match with 304 and no body', async () => {
    const bytes = sample('jpeg');
    const hash = sha256(bytes);
    await citeInFinding({ bytes, mediaType: 'image/jpeg' });
    expect((await put(hash, bytes)).status).toBe(201);
    const response = await get(hash, world.inspectorA.token, { 'if-none-match': `"${hash}"` });
    expect(response.status).toBe(304);
    expect(await response.text()).toBe('');
  });

  it('treats the same upload twice as a no-op: 200, the file and its row unchanged', async () => {
    const bytes = sample('png');
    const hash = sha256(bytes);
    await citeInFinding({ bytes, mediaType: 'image/png' });
    expect((await put(hash, bytes)).status).toBe(201);
    const [first] = await app.query(
      `SELECT id, uploaded_at FROM evidence_files WHERE sha256 = $1`,
      [hash],
    );
    const { ino, mtimeMs } = statSync(storedPath(hash));

    const again = await put(hash, bytes, world.inspectorA2.token);
    expect(again.status).toBe(200);
    const rows = await app.query(`SELECT id, uploaded_at FROM evidence_files WHERE sha256 = $1`, [
      hash,
    ]);
    expect(rows).toEqual([first]);
    const after = statSync(storedPath(hash));
    expect({ ino: after.ino, mtimeMs: after.mtimeMs }).toEqual({ ino, mtimeMs });
    const audit = await app.query(
      `SELECT action, actor_id FROM audit_events WHERE entity_type = 'EvidenceFile' AND entity_id = $1`,
      [first.id],
    );
    expect(audit).toEqual([{ action: 'evidence.upload', actor_id: world.inspectorA.id }]);
  });

  it('shows the upload in the audit trail to supervisors of a citing bureau only', async () => {
    const bytes = sample('pdf');
    const hash = sha256(bytes);
    await citeInFinding({ bytes, mediaType: 'application/pdf' });
    expect((await put(hash, bytes)).status).toBe(201);
    const [file] = await app.query<{ id: string }>(
      `SELECT id FROM evidence_files WHERE sha256 = $1`,
      [hash],
    );
    const trail = (token: string) =>
      app.gql('AuditTrail', { entityType: 'EvidenceFile', entityId: file.id }, { token });

    const seen = await trail(world.supervisorA.token);
    expect(seen.errors).toBeUndefined();
    expect(seen.data!.auditTrail).toMatchObject([
      {
        action: 'EVIDENCE_UPLOAD',
        actor: { id: world.inspectorA.id },
        after: { sha256: hash, mediaType: 'application/pdf', sizeBytes: bytes.length },
      },
    ]);
    expect((await trail(world.supervisorB.token)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses bytes whose SHA-256 is not the one in the path, keeping nothing', async () => {
    const bytes = sample('jpeg');
    const hash = sha256(bytes);
    await citeInFinding({ bytes, mediaType: 'image/jpeg' });
    const before = storedFiles();
    const tampered = Buffer.from(bytes);
    tampered[100] ^= 0xff;

    const response = await put(hash, tampered);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { code: string; fields: { path: string }[] };
    expect(body.code).toBe('BAD_USER_INPUT');
    expect(body.fields.map((field) => field.path)).toEqual(['sha256']);
    expect(storedFiles()).toEqual(before);
    expect(await app.query(`SELECT 1 FROM evidence_files WHERE sha256 = $1`, [hash])).toEqual([]);
    expect((await get(hash)).status).toBe(404);
  });

  it.each([
    ['an executable', Buffer.concat([Buffer.from('MZ'), randomBytes(300)])],
    ['plain text', Buffer.from('这不是照片，只是一段文字。 not a photo at all')],
    ['an empty body', Buffer.alloc(0)],
  ])(
    'refuses %s with 415 whatever its Content-Type says, keeping nothing',
    async (_name, bytes) => {
      const hash = sha256(bytes);
      await citeInFinding({ bytes, mediaType: 'image/jpeg' });
      const before = storedFiles();
      const response = await put(hash, bytes, world.inspectorA.token, 'image/jpeg');
      expect(response.status).toBe(415);
      // said in the caller's language, Chinese by default
      expect(await response.json()).toEqual({
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: '文件内容不是可接收的图片或 PDF 文档',
      });
      expect(storedFiles()).toEqual(before);
      expect(await app.query(`SELECT 1 FROM evidence_files WHERE sha256 = $1`, [hash])).toEqual([]);
    },
  );

  it('refuses a body over 20 MiB with 413, keeping nothing', async () => {
    const bytes = sample('jpeg', 20 * MiB + 1);
    const hash = sha256(bytes);
    await citeInFinding({ bytes: bytes.subarray(0, 1000), mediaType: 'image/jpeg' });
    // The finding cites the hash of the large file: put it in place of the small one's.
    await app.query(
      `UPDATE findings SET evidence = jsonb_set(evidence, '{0,sha256}', to_jsonb($1::text))
       WHERE evidence @> $2::jsonb`,
      [hash, JSON.stringify([{ sha256: sha256(bytes.subarray(0, 1000)) }])],
    );
    const before = storedFiles();
    const response = await put(hash, bytes);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      code: 'PAYLOAD_TOO_LARGE',
      message: `证据文件不能超过${20 * MiB}字节`,
    });
    expect(storedFiles()).toEqual(before);
    expect(await app.query(`SELECT 1 FROM evidence_files WHERE sha256 = $1`, [hash])).toEqual([]);
  });

  /**
   * Sends `count` copies of `chunk` as a chunked body (no content-length) with node:http, and
   * stops writing once the server answers or closes. The server may answer 413 while the body is
   * still being written and then close the connection, so the client can see either the answer or
   * the closed connection; fetch lost the answer in that race now and then and hung.
   */
  function putChunked(
    hash: string,
    chunk: Buffer,
    count: number,
  ): Promise<{ status: number; body: string } | { closed: true }> {
    return new Promise((resolve) => {
      let settled = false;
      const settle = (outcome: { status: number; body: string } | { closed: true }): void => {
        if (settled) return;
        settled = true;
        resolve(outcome);
      };
      const request = httpRequest(`${app.url}/evidence/${hash}`, {
        method: 'PUT',
        headers: {
          'content-type': 'application/octet-stream',
          authorization: `Bearer ${world.inspectorA.token}`,
        },
      });
      request.on('response', (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (text: string) => (body += text));
        response.on('end', () => settle({ status: response.statusCode ?? 0, body }));
        response.on('error', () => settle({ closed: true }));
      });
      request.on('error', () => settle({ closed: true }));
      let written = 0;
      const writeMore = (): void => {
        while (!settled && !request.destroyed && written < count) {
          written += 1;
          if (!request.write(chunk)) return void request.once('drain', writeMore);
        }
        if (written >= count && !request.destroyed) request.end();
      };
      writeMore();
    });
  }

  it('stops reading a streamed body without a length once it passes 20 MiB, keeping nothing', async () => {
    const chunk = sample('jpeg', MiB);
    const hash = sha256(Buffer.concat(Array.from({ length: 21 }, () => chunk)));
    await citeInFinding({ bytes: chunk, mediaType: 'image/jpeg' });
    await app.query(
      `UPDATE findings SET evidence = jsonb_set(evidence, '{0,sha256}', to_jsonb($1::text))
       WHERE evidence @> $2::jsonb`,
      [hash, JSON.stringify([{ sha256: sha256(chunk) }])],
    );
    const before = storedFiles();
    const outcome = await putChunked(hash, chunk, 21);
    // Either the 413 reached the client, or the server closed the connection after refusing it.
    if ('status' in outcome) {
      expect(outcome.status).toBe(413);
      expect(JSON.parse(outcome.body)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    } else {
      expect(outcome).toEqual({ closed: true });
    }
    expect(storedFiles()).toEqual(before);
    expect(await app.query(`SELECT 1 FROM evidence_files WHERE sha256 = $1`, [hash])).toEqual([]);
  });

  it('deletes the temporary file when the client goes away mid-upload', async () => {
    const bytes = sample('pdf', 4 * MiB);
    const hash = sha256(bytes);
    await citeInFinding({ bytes, mediaType: 'application/pdf' });
    const before = storedFiles();
    const aborter = new AbortController();
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (sent === 2) {
          await new Promise((resolve) => setTimeout(resolve, 200));
          aborter.abort();
          return;
        }
        controller.enqueue(bytes.subarray(sent * MiB, (sent + 1) * MiB));
        sent += 1;
      },
    });
    await expect(
      fetch(`${app.url}/evidence/${hash}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${world.inspectorA.token}` },
        body,
        duplex: 'half',
        signal: aborter.signal,
      }),
    ).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(storedFiles()).toEqual(before);
    expect(await app.query(`SELECT 1 FROM evidence_files WHERE sha256 = $1`, [hash])).toEqual([]);
  });

  it('refuses an upload without a token with 401', async () => {
    const bytes = sample('jpeg');
    await citeInFinding({ bytes, mediaType: 'image/jpeg' });
    const response = await put(sha256(bytes), bytes, '');
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await app.get(`/evidence/${sha256(bytes)}`)).status).toBe(401);
  });

  it('refuses an administrator who has no field role with 403', async () => {
    const bytes = sample('jpeg');
    await citeInFinding({ bytes, mediaType: 'image/jpeg' });
    const admin = await createOfficer(app, world.city.id, ['ADMIN']);
    expect((await put(sha256(bytes), bytes, admin.token)).status).toBe(403);
  });

  it('refuses a malformed hash in the path with 400', async () => {
    const response = await put('ABC123', sample('jpeg'));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'sha256', message: '必须是64位小写十六进制字符' }],
    });
    const english = await get('A'.repeat(64), world.inspectorA.token, { 'accept-language': 'en' });
    expect(english.status).toBe(400);
    expect(await english.json()).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'sha256', message: 'must be 64 lowercase hexadecimal characters' }],
    });
  });

  it('answers 404 to a file no finding cites, so the store is no general file host', async () => {
    const bytes = sample('jpeg');
    const response = await put(sha256(bytes), bytes);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      code: 'NOT_FOUND',
      message: '未找到该证据文件，或不在您的管辖范围内',
      entity: 'Evidence file',
    });
    const english = await get(sha256(bytes), world.inspectorA.token, { 'accept-language': 'en' });
    expect(await english.json()).toMatchObject({
      message: `Evidence file ${sha256(bytes)} not found`,
      entity: 'Evidence file',
    });
    expect(existsSync(storedPath(sha256(bytes)))).toBe(false);
  });

  it('answers 404 to an officer of another bureau, for upload and download alike', async () => {
    const bytes = sample('heic');
    const hash = sha256(bytes);
    await citeInFinding({ bytes, mediaType: 'image/heic' });
    expect((await put(hash, bytes, world.inspectorB.token)).status).toBe(404);
    expect(existsSync(storedPath(hash))).toBe(false);

    expect((await put(hash, bytes)).status).toBe(201);
    expect((await get(hash, world.inspectorB.token)).status).toBe(404);
    expect((await get(hash, world.manager.token)).status).toBe(200);
  });

  it('answers 404 to a cited file that has not arrived yet', async () => {
    const bytes = sample('jpeg');
    await citeInFinding({ bytes, mediaType: 'image/jpeg' });
    expect((await get(sha256(bytes))).status).toBe(404);
  });

  it('tells in Evidence.uploaded whether each file has arrived', async () => {
    const photo = { bytes: sample('jpeg'), mediaType: 'image/jpeg' };
    const scan = { bytes: sample('pdf'), mediaType: 'application/pdf' };
    const findingId = await citeInFinding(photo, scan);
    const read = async () =>
      (await app.gql(FINDING_EVIDENCE, { id: findingId }, { token: world.inspectorA.token })).data
        ?.finding.evidence as { sha256: string; uploaded: boolean }[];

    expect((await read()).map((evidence) => evidence.uploaded)).toEqual([false, false]);
    expect((await put(sha256(photo.bytes), photo.bytes)).status).toBe(201);
    expect(await read()).toEqual([
      { sha256: sha256(photo.bytes), mediaType: 'image/jpeg', uploaded: true },
      { sha256: sha256(scan.bytes), mediaType: 'application/pdf', uploaded: false },
    ]);
  });

  it('answers Evidence.uploaded in the logInspection response for a file sent before', async () => {
    const bytes = sample('png');
    const hash = sha256(bytes);
    await citeInFinding({ bytes, mediaType: 'image/png' });
    expect((await put(hash, bytes)).status).toBe(201);
    const result = await app.gql(
      `mutation Log($input: LogInspectionInput!) {
        logInspection(input: $input) { inspection { findings { evidence { sha256 uploaded } } } }
      }`,
      {
        input: {
          idempotencyKey: crypto.randomUUID(),
          sweepId: world.sweep.id,
          categoryId: world.sweep.categoryIds.get('SEASONED_FLOUR_PRODUCTS'),
          premisesId: world.shopA.id,
          officerIds: [world.inspectorA.id, world.inspectorA2.id],
          inspectedAt: '2019-03-21T02:00:00Z',
          outcome: 'ISSUES_FOUND',
          checklist: [],
          findings: [
            {
              violationTypeCode: 'THREE_NO_PRODUCTS',
              description: '复查时同一批货',
              evidence: [
                {
                  fileName: 'a.png',
                  mediaType: 'image/png',
                  sizeBytes: bytes.length,
                  sha256: hash,
                },
              ],
            },
          ],
        },
      },
      { token: world.inspectorA.token },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.logInspection.inspection.findings[0].evidence).toEqual([
      { sha256: hash, uploaded: true },
    ]);
  });

  it('answers Evidence.uploaded for a page of findings in as many statements as for one', async () => {
    for (let i = 0; i < 6; i += 1) {
      await citeInFinding({ bytes: sample('jpeg'), mediaType: 'image/jpeg' });
    }
    const page = `query Page($first: Int) {
      findings(first: $first) { edges { node { evidence { uploaded } } } }
    }`;
    async function statementsFor(first: number): Promise<number> {
      const { result, count } = await countStatements(app, () =>
        app.gql(page, { first }, { token: world.inspectorA.token }),
      );
      expect(result.data!.findings.edges).toHaveLength(first);
      return count;
    }
    expect(await statementsFor(6)).toBe(await statementsFor(1));
  });
});
