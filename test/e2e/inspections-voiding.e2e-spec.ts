import { randomUUID } from 'node:crypto';
import {
  FieldWorld,
  logInspection,
  refusal,
  startFieldWorld,
  writtenRows,
} from '../helpers/field-world';
import { TestApp } from '../helpers/test-app';

describe('logging and voiding inspections', () => {
  let app: TestApp;
  let world: FieldWorld;
  beforeAll(async () => ({ app, world } = await startFieldWorld()));
  afterAll(() => app.close());

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
