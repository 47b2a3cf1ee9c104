import { addDays, shanghaiDay } from '../../src/common/time/shanghai';
import { createSweep } from '../factories/field-work';
import {
  FieldWorld,
  inspectionInput,
  logInspection,
  refusal,
  startFieldWorld,
  writtenRows,
} from '../helpers/field-world';
import { TestApp } from '../helpers/test-app';
import { countStatements } from '../helpers/statements';

describe('logging and voiding inspections', () => {
  let app: TestApp;
  let world: FieldWorld;
  beforeAll(async () => ({ app, world } = await startFieldWorld()));
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
        due: '2019-03-29',
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
        { officerIds: [world.manager.id, world.inspectorB.id], premisesId: world.shopB.id },
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

  describe('the category by code (issue 18)', () => {
    const seasonedFlour = () => world.sweep.categoryIds.get('SEASONED_FLOUR_PRODUCTS');
    const byCode = (overrides: Record<string, unknown> = {}) =>
      inspectionInput(world, {
        categoryId: undefined,
        categoryCode: 'SEASONED_FLOUR_PRODUCTS',
        ...overrides,
      });

    it('logs an inspection by categoryCode under that category', async () => {
      const result = await app.gql(
        'LogInspection',
        { input: byCode() },
        { token: world.inspectorA.token },
      );
      expect(result.errors).toBeUndefined();
      const { replayed, inspection } = result.data!.logInspection;
      expect(replayed).toBe(false);
      expect(inspection).toMatchObject({
        category: { code: 'SEASONED_FLOUR_PRODUCTS' },
        checklist: [{ itemCode: 'SFP-03', result: 'FAIL' }],
        findings: [{ violationType: { code: 'THREE_NO_PRODUCTS' } }],
      });
      const [row] = await app.query(`SELECT category_id FROM inspections WHERE id = $1`, [
        inspection.id,
      ]);
      expect(row.category_id).toBe(seasonedFlour());
      const findings = await app.query(
        `SELECT category_id FROM findings WHERE inspection_id = $1`,
        [inspection.id],
      );
      expect(findings).toEqual([{ category_id: seasonedFlour() }]);
    });

    it('takes no more SQL statements by code than by id (the code is read from reference data)', async () => {
      const statements = async (input: Record<string, unknown>) => {
        const { result, count } = await countStatements(app, () =>
          app.gql('LogInspection', { input }, { token: world.inspectorA.token }),
        );
        expect(result.errors).toBeUndefined();
        return count;
      };
      const byId = await statements(inspectionInput(world));
      expect(byId).toBeGreaterThan(0);
      expect(await statements(byCode())).toBe(byId);
    });

    it.each([
      ['both', () => byCode({ categoryId: seasonedFlour() })],
      ['neither', () => byCode({ categoryCode: null })],
    ])(
      'refuses %s of categoryId and categoryCode on both fields, writing nothing',
      async (_, makeInput) => {
        const input = makeInput();
        const before = await writtenRows(app);
        const result = await app.gql('LogInspection', { input }, { token: world.inspectorA.token });
        expect(refusal(result)).toEqual({
          code: 'BAD_USER_INPUT',
          paths: ['input.categoryId', 'input.categoryCode'],
        });
        expect(result.errors![0].extensions!.fields).toEqual([
          { path: 'input.categoryId', message: '整治对象类别的编号与代码须填写且只能填写其中一项' },
          {
            path: 'input.categoryCode',
            message: '整治对象类别的编号与代码须填写且只能填写其中一项',
          },
        ]);
        expect(await writtenRows(app)).toEqual(before);
      },
    );

    it('refuses an unknown code on input.categoryCode, in English too, writing nothing', async () => {
      const before = await writtenRows(app);
      const result = await app.gql(
        'LogInspection',
        { input: byCode({ categoryCode: 'NO_SUCH_CATEGORY' }) },
        { token: world.inspectorA.token, headers: { 'accept-language': 'en' } },
      );
      expect(result.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ path: 'input.categoryCode', message: 'is not a known target category code' }],
      });
      expect(await writtenRows(app)).toEqual(before);
    });

    it('names input.categoryCode when the category is not of the sweep', async () => {
      const sweep = await createSweep(app, {
        leadBureauId: world.city.id,
        categoryCodes: ['SEASONED_FLOUR_PRODUCTS'],
      });
      const before = await writtenRows(app);
      const result = await app.gql(
        'LogInspection',
        { input: byCode({ sweepId: sweep.id, categoryCode: 'CAMPUS_FOOD', checklist: [] }) },
        { token: world.inspectorA.token },
      );
      expect(refusal(result)).toEqual({ code: 'BAD_USER_INPUT', paths: ['input.categoryCode'] });
      expect(await writtenRows(app)).toEqual(before);
    });

    it('replays a retry by code with the same inspection, writing nothing more', async () => {
      const input = byCode();
      const first = await app.gql('LogInspection', { input }, { token: world.inspectorA.token });
      expect(first.errors).toBeUndefined();
      const before = await writtenRows(app);
      const again = await app.gql('LogInspection', { input }, { token: world.inspectorA.token });
      expect(again.errors).toBeUndefined();
      expect(again.data!.logInspection.replayed).toBe(true);
      expect(again.data!.logInspection.inspection).toEqual(first.data!.logInspection.inspection);
      expect(await writtenRows(app)).toEqual(before);
      const [row] = await app.query(
        `SELECT count(*)::int AS count FROM inspections WHERE id = $1 AND category_id = $2`,
        [first.data!.logInspection.inspection.id, seasonedFlour()],
      );
      expect(row.count).toBe(1);
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
});
