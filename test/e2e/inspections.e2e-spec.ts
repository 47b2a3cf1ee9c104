import { randomUUID } from 'node:crypto';
import { addDays, shanghaiDay } from '../../src/common/time/shanghai';
import { createPremises, createSweep } from '../factories/field-work';
import { createOfficer } from '../factories/people';
import {
  createFieldWorld,
  FieldWorld,
  inspectionInput,
  logInspection,
  refusal,
  writtenRows,
} from '../helpers/field-world';
import { startTestApp, TestApp } from '../helpers/test-app';

describe('logging and voiding inspections', () => {
  let app: TestApp;
  let world: FieldWorld;

  beforeAll(async () => {
    app = await startTestApp();
    world = await createFieldWorld(app);
  });
  afterAll(() => app.close());

  describe('logInspection', () => {
    it('writes the inspection with its checklist, findings, goods, evidence and exposed product', async () => {
      const sha256 = 'a'.repeat(64);
      const result = await app.gql(
        'LogInspection',
        {
          input: inspectionInput(world, {
            checklist: [
              { itemCode: 'SFP-01', result: 'PASS' },
              { itemCode: 'SFP-05', result: 'FAIL', note: '发现曝光品牌辣条' },
              { itemCode: 'SFP-02', result: 'NOT_APPLICABLE', note: null },
            ],
            findings: [
              {
                violationTypeCode: 'EXPOSED_PRODUCT_ON_SALE',
                severity: 'MAJOR',
                description: '货架上销售被曝光的辣条',
                exposedProductId: world.exposedProductId,
                goods: { quantity: 12.5, unit: 'kg', value: '1234.5' },
                evidence: [
                  { fileName: '货架.jpg', mediaType: 'image/jpeg', sizeBytes: 204800, sha256 },
                  { fileName: '笔录.pdf', mediaType: 'application/pdf', sizeBytes: 1, sha256 },
                ],
              },
              { violationTypeCode: 'THREE_NO_PRODUCTS', description: '无标签食品' },
            ],
            notes: '店主配合检查',
          }),
        },
        { token: world.inspectorA.token },
      );
      expect(result.errors).toBeUndefined();
      const { replayed, inspection } = result.data!.logInspection;
      expect(replayed).toBe(false);
      expect(inspection).toMatchObject({
        inspectedAt: '2019-03-20T02:00:00.000Z',
        outcome: 'ISSUES_FOUND',
        voided: false,
        premises: { id: world.shopA.id, name: '解放街食品店' },
        category: { code: 'SEASONED_FLOUR_PRODUCTS' },
        officers: [
          { id: world.inspectorA.id, name: '张伟' },
          { id: world.inspectorA2.id, name: '李娜' },
        ],
        checklist: [
          { itemCode: 'SFP-01', result: 'PASS', note: null },
          { itemCode: 'SFP-05', result: 'FAIL', note: '发现曝光品牌辣条' },
          { itemCode: 'SFP-02', result: 'NOT_APPLICABLE', note: null },
        ],
        findings: [
          {
            status: 'OPEN',
            severity: 'MAJOR',
            version: 1,
            description: '货架上销售被曝光的辣条',
            violationType: { code: 'EXPOSED_PRODUCT_ON_SALE', name: '销售被曝光产品' },
            exposedProduct: { id: world.exposedProductId, productName: '辣条' },
            goods: { quantity: 12.5, unit: 'kg', value: '1234.50' },
            evidence: [
              { fileName: '货架.jpg', mediaType: 'image/jpeg', sizeBytes: 204800, sha256 },
              { fileName: '笔录.pdf', mediaType: 'application/pdf', sizeBytes: 1, sha256 },
            ],
          },
          {
            severity: 'MAJOR',
            violationType: { code: 'THREE_NO_PRODUCTS' },
            exposedProduct: null,
            goods: null,
            evidence: [],
          },
        ],
      });
      expect(Math.abs(Date.parse(inspection.recordedAt) - Date.now())).toBeLessThan(60_000);

      const [row] = await app.query(
        `SELECT bureau_id, officer_ids, recorded_by_id, notes FROM inspections WHERE id = $1`,
        [inspection.id],
      );
      expect(row).toEqual({
        bureau_id: world.bureauA.id,
        officer_ids: [world.inspectorA.id, world.inspectorA2.id],
        recorded_by_id: world.inspectorA.id,
        notes: '店主配合检查',
      });
      const findings = await app.query(
        `SELECT sweep_id, bureau_id, premises_id, category_id, to_char(found_on, 'YYYY-MM-DD') AS found_on,
                to_char(case_decision_due, 'YYYY-MM-DD') AS due, goods_value, goods_quantity, created_by_id
         FROM findings WHERE inspection_id = $1 ORDER BY created_at`,
        [inspection.id],
      );
      expect(findings).toHaveLength(2);
      expect(findings[0]).toEqual({
        sweep_id: world.sweep.id,
        bureau_id: world.bureauA.id,
        premises_id: world.shopA.id,
        category_id: world.sweep.categoryIds.get('SEASONED_FLOUR_PRODUCTS'),
        found_on: '2019-03-20',
        // 15 working days after the day (not counting it), skipping weekends and Qingming 2019-04-05.
        due: '2019-04-11',
        goods_value: '1234.50',
        goods_quantity: '12.500',
        created_by_id: world.inspectorA.id,
      });
      const audit = await app.query<{ entity_type: string; entity_id: string; action: string }>(
        `SELECT entity_type, entity_id, action, actor_id FROM audit_events
         WHERE entity_id = ANY($1::uuid[]) ORDER BY id`,
        [[inspection.id, ...inspection.findings.map((finding: { id: string }) => finding.id)]],
      );
      expect(audit).toEqual([
        {
          entity_type: 'Inspection',
          entity_id: inspection.id,
          action: 'CREATE',
          actor_id: world.inspectorA.id,
        },
        ...inspection.findings.map((finding: { id: string }) => ({
          entity_type: 'Finding',
          entity_id: finding.id,
          action: 'CREATE',
          actor_id: world.inspectorA.id,
        })),
      ]);
    });

    it("gives a finding its violation type's default severity when none is given", async () => {
      const inspection = await logInspection(app, world, {
        findings: [
          { violationTypeCode: 'UNLICENSED_PRODUCTION', description: '无证生产辣条' },
          { violationTypeCode: 'NO_PURCHASE_LEDGER', description: '无进货台账' },
          {
            violationTypeCode: 'NO_PURCHASE_LEDGER',
            severity: 'CRITICAL',
            description: '台账造假',
          },
        ],
      });
      const rows = await app.query<{ severity: string }>(
        `SELECT severity FROM findings WHERE inspection_id = $1 ORDER BY created_at`,
        [inspection.id],
      );
      expect(rows.map((row) => row.severity)).toEqual(['CRITICAL', 'MINOR', 'CRITICAL']);
    });

    it("records the inspection under the premises' bureau, a descendant of the inspector's", async () => {
      const inspection = await logInspection(app, world, {
        premisesId: world.shopA1.id,
        categoryId: world.sweep.categoryIds.get('CAMPUS_FOOD'),
        checklist: [],
      });
      const [row] = await app.query(`SELECT bureau_id FROM inspections WHERE id = $1`, [
        inspection.id,
      ]);
      expect(row.bureau_id).toBe(world.bureauA1.id);
    });

    it('lets a supervisor and a manager log inspections too', async () => {
      await logInspection(
        app,
        world,
        { officerIds: [world.supervisorA.id, world.inspectorA.id] },
        world.supervisorA.token,
      );
      await logInspection(
        app,
        world,
        { officerIds: [world.manager.id, world.inspectorA.id], premisesId: world.shopB.id },
        world.manager.token,
      );
    });

    it('accepts an inspection logged a minute ahead of the server clock', async () => {
      const sweep = await createSweep(app, {
        leadBureauId: world.city.id,
        startDate: '2019-01-01',
        endDate: addDays(shanghaiDay(new Date()), 30),
      });
      await logInspection(app, world, {
        sweepId: sweep.id,
        categoryId: sweep.categoryIds.get('SEASONED_FLOUR_PRODUCTS'),
        inspectedAt: new Date(Date.now() + 60_000).toISOString(),
      });
    });
  });

  describe('refusals of logInspection, which write nothing', () => {
    async function expectRefused(
      input: Record<string, unknown>,
      expected: { code: string; paths?: string[]; extensions?: Record<string, unknown> },
      token = world.inspectorA.token,
    ) {
      const before = await writtenRows(app);
      const result = await app.gql('LogInspection', { input }, { token });
      expect(result.data ?? null).toBeNull();
      const { code, paths } = refusal(result);
      expect(code).toBe(expected.code);
      if (expected.paths) expect(paths).toEqual(expected.paths);
      if (expected.extensions)
        expect(result.errors![0].extensions).toMatchObject(expected.extensions);
      expect(await writtenRows(app)).toEqual(before);
    }

    it('refuses a single officer', () =>
      expectRefused(inspectionInput(world, { officerIds: [world.inspectorA.id] }), {
        code: 'BAD_USER_INPUT',
        paths: ['input.officerIds'],
      }));

    it('refuses the same officer named twice', () =>
      expectRefused(
        inspectionInput(world, { officerIds: [world.inspectorA.id, world.inspectorA.id] }),
        { code: 'BAD_USER_INPUT', paths: ['input.officerIds'] },
      ));

    it('refuses an unknown officer', () =>
      expectRefused(inspectionInput(world, { officerIds: [world.inspectorA.id, randomUUID()] }), {
        code: 'BAD_USER_INPUT',
        paths: ['input.officerIds'],
      }));

    it('refuses a deactivated officer', async () => {
      const retired = await createOfficer(app, world.bureauA.id, ['INSPECTOR']);
      await app.query(`UPDATE officers SET active = false WHERE id = $1`, [retired.id]);
      await expectRefused(
        inspectionInput(world, { officerIds: [world.inspectorA.id, retired.id] }),
        { code: 'BAD_USER_INPUT', paths: ['input.officerIds'] },
      );
    });

    it('refuses an inspection the caller was not part of', () =>
      expectRefused(
        inspectionInput(world, { officerIds: [world.inspectorA2.id, world.supervisorA.id] }),
        { code: 'BAD_USER_INPUT', paths: ['input.officerIds'] },
      ));

    it("refuses a checklist item that is not in the category's checklist", () =>
      expectRefused(
        inspectionInput(world, {
          checklist: [
            { itemCode: 'SFP-01', result: 'PASS' },
            { itemCode: 'SFP-02', result: 'PASS' },
            { itemCode: 'PC-01', result: 'FAIL' },
          ],
        }),
        { code: 'BAD_USER_INPUT', paths: ['input.checklist[2].itemCode'] },
      ));

    it('refuses a category the sweep does not cover', async () => {
      const sweep = await createSweep(app, {
        leadBureauId: world.city.id,
        categoryCodes: ['SEASONED_FLOUR_PRODUCTS'],
      });
      await expectRefused(
        inspectionInput(world, {
          sweepId: sweep.id,
          categoryId: world.categories.get('CAMPUS_FOOD'),
          checklist: [],
        }),
        { code: 'BAD_USER_INPUT', paths: ['input.categoryId'] },
      );
    });

    it('refuses premises of a kind the category does not cover', () =>
      expectRefused(inspectionInput(world, { premisesId: world.pharmacyA.id }), {
        code: 'BAD_USER_INPUT',
        paths: ['input.premisesId'],
      }));

    it('refuses an inspection in the future', async () => {
      const sweep = await createSweep(app, {
        leadBureauId: world.city.id,
        startDate: '2019-01-01',
        endDate: addDays(shanghaiDay(new Date()), 30),
      });
      await expectRefused(
        inspectionInput(world, {
          sweepId: sweep.id,
          categoryId: sweep.categoryIds.get('SEASONED_FLOUR_PRODUCTS'),
          inspectedAt: new Date(Date.now() + 60 * 60_000).toISOString(),
        }),
        { code: 'BAD_USER_INPUT', paths: ['input.inspectedAt'] },
      );
    });

    it("refuses an inspection on a Shanghai day before the sweep's start", () =>
      // 2019-03-15 23:59 in Asia/Shanghai; the sweep starts on 2019-03-16.
      expectRefused(inspectionInput(world, { inspectedAt: '2019-03-15T15:59:00Z' }), {
        code: 'BAD_USER_INPUT',
        paths: ['input.inspectedAt'],
      }));

    it("refuses an inspection on a Shanghai day after the sweep's end", () =>
      expectRefused(inspectionInput(world, { inspectedAt: '2019-05-01T00:00:00+08:00' }), {
        code: 'BAD_USER_INPUT',
        paths: ['input.inspectedAt'],
      }));

    it.each([['12.345'], ['-1.00'], ['abc']])('refuses goods worth %s yuan', (value) =>
      expectRefused(
        inspectionInput(world, {
          findings: [
            {
              violationTypeCode: 'THREE_NO_PRODUCTS',
              description: '无标签食品',
              goods: { quantity: 1, unit: 'box', value },
            },
          ],
        }),
        { code: 'BAD_USER_INPUT', paths: ['input.findings[0].goods.value'] },
      ),
    );

    it('refuses a negative quantity of goods', () =>
      expectRefused(
        inspectionInput(world, {
          findings: [
            {
              violationTypeCode: 'THREE_NO_PRODUCTS',
              description: '无标签食品',
              goods: { quantity: -3, unit: 'box' },
            },
          ],
        }),
        { code: 'BAD_USER_INPUT', paths: ['input.findings[0].goods.quantity'] },
      ));

    it('refuses an unknown violation type', () =>
      expectRefused(
        inspectionInput(world, {
          findings: [{ violationTypeCode: 'NOT_A_VIOLATION', description: '?' }],
        }),
        { code: 'BAD_USER_INPUT', paths: ['input.findings[0].violationTypeCode'] },
      ));

    it("refuses an exposed product that is not of one of the sweep's exposures", async () => {
      const [other] = await app.query<{ id: string }>(
        `INSERT INTO exposures (title, source, exposed_on, involves_jurisdiction)
         VALUES ('另一曝光', 'MEDIA', '2019-03-15', false) RETURNING id`,
      );
      const [product] = await app.query<{ id: string }>(
        `INSERT INTO exposed_products (exposure_id, product_name) VALUES ($1, '别的产品') RETURNING id`,
        [other.id],
      );
      await expectRefused(
        inspectionInput(world, {
          findings: [
            { violationTypeCode: 'THREE_NO_PRODUCTS', description: '无标签食品' },
            {
              violationTypeCode: 'EXPOSED_PRODUCT_ON_SALE',
              description: '别的产品',
              exposedProductId: product.id,
            },
          ],
        }),
        { code: 'BAD_USER_INPUT', paths: ['input.findings[1].exposedProductId'] },
      );
    });

    it.each([
      ['an uppercase sha256', { sha256: 'A'.repeat(64) }, 'sha256'],
      ['a short sha256', { sha256: 'a'.repeat(63) }, 'sha256'],
      ['an empty file', { sizeBytes: 0 }, 'sizeBytes'],
      ['a file over 20 MiB', { sizeBytes: 20 * 1024 * 1024 + 1 }, 'sizeBytes'],
      ['a text file', { mediaType: 'text/plain' }, 'mediaType'],
      ['a file name over 255 characters', { fileName: `${'长'.repeat(252)}.jpg` }, 'fileName'],
    ])('refuses evidence with %s', (_name, override, field) =>
      expectRefused(
        inspectionInput(world, {
          findings: [
            {
              violationTypeCode: 'THREE_NO_PRODUCTS',
              description: '无标签食品',
              evidence: [
                {
                  fileName: 'photo.jpg',
                  mediaType: 'image/jpeg',
                  sizeBytes: 1000,
                  sha256: 'b'.repeat(64),
                  ...override,
                },
              ],
            },
          ],
        }),
        { code: 'BAD_USER_INPUT', paths: [`input.findings[0].evidence[0].${field}`] },
      ),
    );

    it('refuses a description over 2000 characters and more than 20 findings', () =>
      expectRefused(
        inspectionInput(world, {
          findings: Array.from({ length: 21 }, (_, index) => ({
            violationTypeCode: 'THREE_NO_PRODUCTS',
            description: index === 0 ? '长'.repeat(2001) : '无标签食品',
          })),
        }),
        { code: 'BAD_USER_INPUT', paths: ['input.findings', 'input.findings[0].description'] },
      ));

    it.each([['DRAFT'], ['CLOSED']] as const)(
      'refuses a %s sweep as INVALID_STATE',
      async (status) => {
        const sweep = await createSweep(app, { leadBureauId: world.city.id, status });
        await expectRefused(
          inspectionInput(world, {
            sweepId: sweep.id,
            categoryId: sweep.categoryIds.get('SEASONED_FLOUR_PRODUCTS'),
          }),
          { code: 'INVALID_STATE', extensions: { from: status, action: 'LOG_INSPECTION' } },
        );
      },
    );

    it("answers NOT_FOUND for premises outside the caller's jurisdiction", () =>
      expectRefused(inspectionInput(world, { premisesId: world.shopB.id }), {
        code: 'NOT_FOUND',
      }));

    it('answers NOT_FOUND for premises of the parent bureau', async () => {
      const cityPremises = await createPremises(app, { bureauId: world.city.id });
      await expectRefused(inspectionInput(world, { premisesId: cityPremises.id }), {
        code: 'NOT_FOUND',
      });
    });

    it.each([['sweepId'], ['premisesId'], ['categoryId']])(
      'answers NOT_FOUND for an unknown %s',
      (field) =>
        expectRefused(inspectionInput(world, { [field]: randomUUID() }), { code: 'NOT_FOUND' }),
    );

    it('refuses a malformed id as BAD_USER_INPUT', () =>
      expectRefused(inspectionInput(world, { sweepId: 'not-a-uuid' }), {
        code: 'BAD_USER_INPUT',
        paths: ['input.sweepId'],
      }));

    it('refuses an administrator who is not an enforcement officer', async () => {
      const admin = await createOfficer(app, world.city.id, ['ADMIN']);
      await expectRefused(
        inspectionInput(world, { officerIds: [admin.id, world.inspectorA.id] }),
        { code: 'FORBIDDEN' },
        admin.token,
      );
    });
  });

  describe('idempotent retries', () => {
    it('writes one inspection when the same request arrives five times at once', async () => {
      const input = inspectionInput(world, {
        findings: [
          { violationTypeCode: 'THREE_NO_PRODUCTS', description: '无标签食品' },
          { violationTypeCode: 'EXPIRED_FOOD', description: '过期食品' },
        ],
      });
      const results = await Promise.all(
        Array.from({ length: 5 }, () =>
          app.gql('LogInspection', { input }, { token: world.inspectorA.token }),
        ),
      );
      for (const result of results) expect(result.errors).toBeUndefined();
      const payloads = results.map((result) => result.data!.logInspection);
      expect(payloads.filter((payload) => !payload.replayed)).toHaveLength(1);
      expect(payloads.filter((payload) => payload.replayed)).toHaveLength(4);
      const ids = new Set(payloads.map((payload) => payload.inspection.id));
      expect(ids.size).toBe(1);
      for (const payload of payloads) expect(payload.inspection.findings).toHaveLength(2);
      const [counts] = await app.query(
        `SELECT (SELECT count(*)::int FROM inspections WHERE id = $1) AS inspections,
                (SELECT count(*)::int FROM findings WHERE inspection_id = $1) AS findings,
                (SELECT count(*)::int FROM audit_events WHERE entity_id = $1) AS audit`,
        [[...ids][0]],
      );
      expect(counts).toEqual({ inspections: 1, findings: 2, audit: 1 });
    });

    it('replays a retry after success with the same inspection', async () => {
      const input = inspectionInput(world);
      const first = await app.gql('LogInspection', { input }, { token: world.inspectorA.token });
      const before = await writtenRows(app);
      const again = await app.gql('LogInspection', { input }, { token: world.inspectorA.token });
      expect(again.data!.logInspection.replayed).toBe(true);
      expect(again.data!.logInspection.inspection).toEqual(first.data!.logInspection.inspection);
      expect(await writtenRows(app)).toEqual(before);
    });

    it('refuses the same key with a different input as CONFLICT', async () => {
      const input = inspectionInput(world);
      await app.gql('LogInspection', { input }, { token: world.inspectorA.token });
      const before = await writtenRows(app);
      const changed = await app.gql(
        'LogInspection',
        { input: { ...input, outcome: 'COMPLIANT', findings: [] } },
        { token: world.inspectorA.token },
      );
      expect(refusal(changed).code).toBe('CONFLICT');
      expect(await writtenRows(app)).toEqual(before);
    });

    it('writes again when the first attempt was refused', async () => {
      const input = inspectionInput(world, { inspectedAt: '2019-03-01T00:00:00Z' });
      const refused = await app.gql('LogInspection', { input }, { token: world.inspectorA.token });
      expect(refusal(refused).code).toBe('BAD_USER_INPUT');
      const fixed = await app.gql(
        'LogInspection',
        { input: { ...input, inspectedAt: '2019-03-21T01:00:00Z' } },
        { token: world.inspectorA.token },
      );
      expect(fixed.data!.logInspection.replayed).toBe(false);
    });
  });

  describe('voidInspection', () => {
    it('lets a supervisor of the bureau void an inspection and its findings, audited', async () => {
      const inspection = await logInspection(app, world, {
        findings: [
          { violationTypeCode: 'THREE_NO_PRODUCTS', description: '无标签食品' },
          { violationTypeCode: 'EXPIRED_FOOD', description: '过期食品' },
        ],
      });
      const result = await app.gql(
        'VoidInspection',
        { input: { inspectionId: inspection.id, reason: '重复录入' } },
        { token: world.supervisorA.token },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data!.voidInspection.inspection).toEqual({
        id: inspection.id,
        voided: true,
        voidReason: '重复录入',
      });
      const [row] = await app.query(
        `SELECT voided, voided_by_id, voided_at IS NOT NULL AS stamped FROM inspections WHERE id = $1`,
        [inspection.id],
      );
      expect(row).toEqual({ voided: true, voided_by_id: world.supervisorA.id, stamped: true });
      const findings = await app.query(`SELECT voided FROM findings WHERE inspection_id = $1`, [
        inspection.id,
      ]);
      expect(findings).toEqual([{ voided: true }, { voided: true }]);
      const audit = await app.query(
        `SELECT entity_type, count(*)::int AS n FROM audit_events
         WHERE action = 'VOID' AND entity_id = ANY($1::uuid[]) GROUP BY entity_type ORDER BY entity_type`,
        [[inspection.id, ...inspection.findings.map((finding) => finding.id)]],
      );
      expect(audit).toEqual([
        { entity_type: 'Finding', n: 2 },
        { entity_type: 'Inspection', n: 1 },
      ]);
    });

    it('lets a supervisor void an inspection of a descendant bureau, and a manager any', async () => {
      const inA1 = await logInspection(app, world, {
        premisesId: world.shopA1.id,
        categoryId: world.sweep.categoryIds.get('CAMPUS_FOOD'),
        checklist: [],
      });
      const bySupervisor = await app.gql(
        'VoidInspection',
        { input: { inspectionId: inA1.id, reason: '录错对象' } },
        { token: world.supervisorA.token },
      );
      expect(bySupervisor.data!.voidInspection.inspection.voided).toBe(true);
      const inA = await logInspection(app, world);
      const byManager = await app.gql(
        'VoidInspection',
        { input: { inspectionId: inA.id, reason: '录错对象' } },
        { token: world.manager.token },
      );
      expect(byManager.data!.voidInspection.inspection.voided).toBe(true);
    });

    it('refuses to void twice as INVALID_STATE', async () => {
      const inspection = await logInspection(app, world);
      const input = { inspectionId: inspection.id, reason: '重复录入' };
      await app.gql('VoidInspection', { input }, { token: world.supervisorA.token });
      const before = await writtenRows(app);
      const again = await app.gql('VoidInspection', { input }, { token: world.supervisorA.token });
      expect(again.errors![0].extensions).toMatchObject({
        code: 'INVALID_STATE',
        from: 'VOIDED',
        action: 'VOID',
      });
      expect(await writtenRows(app)).toEqual(before);
    });

    it('refuses an inspector with FORBIDDEN and a supervisor of another bureau with NOT_FOUND', async () => {
      const inspection = await logInspection(app, world);
      const input = { inspectionId: inspection.id, reason: '我想作废' };
      const byInspector = await app.gql(
        'VoidInspection',
        { input },
        { token: world.inspectorA.token },
      );
      expect(refusal(byInspector).code).toBe('FORBIDDEN');
      const byOther = await app.gql(
        'VoidInspection',
        { input },
        { token: world.supervisorB.token },
      );
      expect(refusal(byOther).code).toBe('NOT_FOUND');
      const [row] = await app.query(`SELECT voided FROM inspections WHERE id = $1`, [
        inspection.id,
      ]);
      expect(row.voided).toBe(false);
    });

    it('refuses an empty reason', async () => {
      const inspection = await logInspection(app, world);
      const result = await app.gql(
        'VoidInspection',
        { input: { inspectionId: inspection.id, reason: '   ' } },
        { token: world.supervisorA.token },
      );
      expect(refusal(result)).toEqual({ code: 'BAD_USER_INPUT', paths: ['input.reason'] });
    });

    it('answers NOT_FOUND for an unknown inspection', async () => {
      const result = await app.gql(
        'VoidInspection',
        { input: { inspectionId: randomUUID(), reason: '不存在' } },
        { token: world.manager.token },
      );
      expect(refusal(result).code).toBe('NOT_FOUND');
    });
  });
});
