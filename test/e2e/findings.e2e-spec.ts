import { randomUUID } from 'node:crypto';
import { addDays, shanghaiDay } from '../../src/common/time/shanghai';
import {
  createFinding,
  createInspection,
  createPremises,
  createSweep,
} from '../factories/field-work';
import { createBureau, createOfficer, OfficerRecord } from '../factories/people';
import {
  createFieldWorld,
  FieldWorld,
  logInspection,
  refusal,
  writtenRows,
} from '../helpers/field-world';
import { GraphQLResponse, startTestApp, TestApp } from '../helpers/test-app';
import { countStatements } from '../helpers/statements';

const FINDINGS = `query Findings($filter: FindingFilter, $first: Int, $after: String) {
  findings(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id status severity overdue voided } }
  }
}`;

const FINDING = `query Finding($id: ID!) { finding(id: $id) { id status inspection { id } } }`;

describe('findings', () => {
  let app: TestApp;
  let world: FieldWorld;
  const today = shanghaiDay(new Date());

  beforeAll(async () => {
    app = await startTestApp();
    world = await createFieldWorld(app);
  });
  afterAll(() => app.close());

  async function listIds(token: string, filter: Record<string, unknown>): Promise<string[]> {
    const result = await app.gql(FINDINGS, { filter, first: 100 }, { token });
    expect(result.errors).toBeUndefined();
    return result.data!.findings.edges.map((edge: { node: { id: string } }) => edge.node.id);
  }

  describe('addFinding', () => {
    function addFinding(
      inspectionId: string,
      finding: Record<string, unknown> = {},
      token = world.inspectorA.token,
      idempotencyKey: string = randomUUID(),
    ) {
      return app.gql(
        'AddFinding',
        {
          input: {
            idempotencyKey,
            inspectionId,
            finding: { violationTypeCode: 'EXPIRED_FOOD', description: '过期食品', ...finding },
          },
        },
        { token },
      );
    }

    it("adds a finding that copies the inspection's sweep, bureau, premises, category and day", async () => {
      const inspection = await logInspection(app, world, { findings: [] });
      const result = await addFinding(inspection.id, {
        exposedProductId: world.exposedProductId,
        goods: { quantity: 3, unit: 'bag', value: '45' },
      });
      expect(result.errors).toBeUndefined();
      expect(result.data!.addFinding).toMatchObject({
        replayed: false,
        finding: { status: 'OPEN', version: 1, inspection: { id: inspection.id } },
      });
      const [row] = await app.query(
        `SELECT sweep_id, bureau_id, premises_id, severity, goods_value,
                to_char(found_on, 'YYYY-MM-DD') AS found_on, to_char(case_decision_due, 'YYYY-MM-DD') AS due
         FROM findings WHERE id = $1`,
        [result.data!.addFinding.finding.id],
      );
      expect(row).toEqual({
        sweep_id: world.sweep.id,
        bureau_id: world.bureauA.id,
        premises_id: world.shopA.id,
        severity: 'MAJOR',
        goods_value: '45.00',
        found_on: '2019-03-20',
        due: '2019-03-29',
      });
      const audit = await app.query(
        `SELECT entity_type, action FROM audit_events WHERE entity_id = $1`,
        [result.data!.addFinding.finding.id],
      );
      expect(audit).toEqual([{ entity_type: 'Finding', action: 'CREATE' }]);
    });

    it('replays a retry and refuses the same key with another finding as CONFLICT', async () => {
      const inspection = await logInspection(app, world, { findings: [] });
      const key = randomUUID();
      const first = await addFinding(inspection.id, {}, world.inspectorA.token, key);
      const before = await writtenRows(app);
      const again = await addFinding(inspection.id, {}, world.inspectorA.token, key);
      expect(again.data!.addFinding).toEqual({ ...first.data!.addFinding, replayed: true });
      const other = await addFinding(
        inspection.id,
        { description: '另一个问题' },
        world.inspectorA.token,
        key,
      );
      expect(refusal(other).code).toBe('CONFLICT');
      expect(await writtenRows(app)).toEqual(before);
    });

    it('answers NOT_FOUND for a voided inspection, one outside the jurisdiction and an unknown one', async () => {
      const inspection = await logInspection(app, world, { findings: [] });
      const voided = await createInspection(app, {
        sweepId: world.sweep.id,
        categoryId: world.sweep.categoryIds.get('SEASONED_FLOUR_PRODUCTS')!,
        premisesId: world.shopA.id,
        officerIds: [world.inspectorA.id, world.inspectorA2.id],
        voided: true,
      });
      const before = await writtenRows(app);
      expect(refusal(await addFinding(voided.id)).code).toBe('NOT_FOUND');
      expect(refusal(await addFinding(inspection.id, {}, world.inspectorB.token)).code).toBe(
        'NOT_FOUND',
      );
      expect(refusal(await addFinding(randomUUID())).code).toBe('NOT_FOUND');
      expect(await writtenRows(app)).toEqual(before);
    });

    it('refuses a finding when the sweep is closed, as INVALID_STATE', async () => {
      const sweep = await createSweep(app, { leadBureauId: world.city.id });
      const inspection = await logInspection(app, world, {
        sweepId: sweep.id,
        categoryId: sweep.categoryIds.get('SEASONED_FLOUR_PRODUCTS'),
      });
      await app.query(`UPDATE sweeps SET status = 'CLOSED', closed_at = now() WHERE id = $1`, [
        sweep.id,
      ]);
      const before = await writtenRows(app);
      const result = await addFinding(inspection.id);
      expect(result.errors![0].extensions).toMatchObject({
        code: 'INVALID_STATE',
        from: 'CLOSED',
        action: 'ADD_FINDING',
      });
      expect(await writtenRows(app)).toEqual(before);
    });

    it('refuses an unknown violation type and bad evidence with their field paths', async () => {
      const inspection = await logInspection(app, world, { findings: [] });
      const unknown = await addFinding(inspection.id, { violationTypeCode: 'NOPE' });
      expect(refusal(unknown)).toEqual({
        code: 'BAD_USER_INPUT',
        paths: ['input.finding.violationTypeCode'],
      });
      const evidence = await addFinding(inspection.id, {
        evidence: [
          {
            fileName: 'a.exe',
            mediaType: 'application/x-msdownload',
            sizeBytes: 5,
            sha256: 'c'.repeat(64),
          },
        ],
      });
      expect(refusal(evidence)).toEqual({
        code: 'BAD_USER_INPUT',
        paths: ['input.finding.evidence[0].mediaType'],
      });
    });
  });

  describe('lists and scope', () => {
    let scoped: FieldWorld;
    let findingA: string;
    let findingA1: string;
    let findingB: string;
    let voidedFinding: string;

    beforeAll(async () => {
      // A sweep of its own so lists filtered by it hold only these findings.
      const sweep = await createSweep(app, { leadBureauId: world.city.id });
      scoped = { ...world, sweep };
      const category = sweep.categoryIds.get('SEASONED_FLOUR_PRODUCTS')!;
      const officerIds = [world.inspectorA.id, world.inspectorA2.id];
      const inA = await createInspection(app, {
        sweepId: sweep.id,
        categoryId: category,
        premisesId: world.shopA.id,
        officerIds,
      });
      const inA1 = await createInspection(app, {
        sweepId: sweep.id,
        categoryId: category,
        premisesId: world.shopA1.id,
        officerIds,
      });
      const inB = await createInspection(app, {
        sweepId: sweep.id,
        categoryId: category,
        premisesId: world.shopB.id,
        officerIds,
      });
      const inVoided = await createInspection(app, {
        sweepId: sweep.id,
        categoryId: category,
        premisesId: world.shopA.id,
        officerIds,
        voided: true,
      });
      findingA = (
        await createFinding(app, {
          inspectionId: inA.id,
          severity: 'MINOR',
          violationTypeCode: 'EXPIRED_FOOD',
        })
      ).id;
      findingA1 = (
        await createFinding(app, {
          inspectionId: inA1.id,
          severity: 'CRITICAL',
          status: 'RECTIFYING',
          rectificationOrdered: true,
          rectificationDeadline: addDays(today, 10),
          caseDecisionDue: '2099-01-01',
        })
      ).id;
      findingB = (
        await createFinding(app, {
          inspectionId: inB.id,
          status: 'CASE_FILED',
          caseFiledOn: '2019-03-25',
          penaltyDecisionDue: '2019-06-23',
        })
      ).id;
      voidedFinding = (await createFinding(app, { inspectionId: inVoided.id })).id;
    });

    it('shows an inspector the findings of their bureau and its descendants, never voided ones', async () => {
      const ids = await listIds(world.inspectorA.token, { sweepId: scoped.sweep.id });
      expect(ids.sort()).toEqual([findingA, findingA1].sort());
    });

    it('shows a manager every bureau, and a finding of another bureau is NOT_FOUND to an inspector', async () => {
      const ids = await listIds(world.manager.token, { sweepId: scoped.sweep.id });
      expect(ids.sort()).toEqual([findingA, findingA1, findingB].sort());
      const hidden = await app.gql(FINDING, { id: findingA }, { token: world.inspectorB.token });
      expect(refusal(hidden).code).toBe('NOT_FOUND');
      expect(hidden.data?.finding ?? null).toBeNull();
      const own = await app.gql(FINDING, { id: findingB }, { token: world.inspectorB.token });
      expect(own.data!.finding.id).toBe(findingB);
      const inB = await listIds(world.inspectorB.token, { sweepId: scoped.sweep.id });
      expect(inB).toEqual([findingB]);
    });

    it('still answers finding(id) for a voided finding, marked voided', async () => {
      const result = await app.gql(
        `query { finding(id: "${voidedFinding}") { id voided } }`,
        {},
        { token: world.inspectorA.token },
      );
      expect(result.data!.finding).toEqual({ id: voidedFinding, voided: true });
    });

    it('filters by bureau subtree, own bureau, status, severity, violation type and overdue', async () => {
      const token = world.manager.token;
      const sweepId = scoped.sweep.id;
      const sorted = (ids: string[]) => [...ids].sort();
      expect(sorted(await listIds(token, { sweepId, bureauId: world.bureauA.id }))).toEqual(
        sorted([findingA, findingA1]),
      );
      expect(await listIds(token, { sweepId, bureauId: world.bureauA1.id })).toEqual([findingA1]);
      expect(sorted(await listIds(world.supervisorA.token, { sweepId, myBureau: true }))).toEqual(
        sorted([findingA, findingA1]),
      );
      expect(await listIds(token, { sweepId, statuses: ['CASE_FILED'] })).toEqual([findingB]);
      expect(await listIds(token, { sweepId, severities: ['CRITICAL'] })).toEqual([findingA1]);
      expect(await listIds(token, { sweepId, violationTypeCodes: ['EXPIRED_FOOD'] })).toEqual([
        findingA,
      ]);
      // OPEN past its case decision due and CASE_FILED past its penalty due are overdue;
      // RECTIFYING with a deadline ten days ahead is not.
      expect(sorted(await listIds(token, { sweepId, overdue: true }))).toEqual(
        sorted([findingA, findingB]),
      );
      expect(await listIds(token, { sweepId, overdue: false })).toEqual([findingA1]);
    });

    it('drops the findings of an inspection out of lists once it is voided', async () => {
      const inspection = await logInspection(app, world, {
        sweepId: scoped.sweep.id,
        categoryId: scoped.sweep.categoryIds.get('SEASONED_FLOUR_PRODUCTS'),
      });
      const findingId = inspection.findings[0].id;
      expect(await listIds(world.inspectorA.token, { sweepId: scoped.sweep.id })).toContain(
        findingId,
      );
      const voided = await app.gql(
        'VoidInspection',
        { input: { inspectionId: inspection.id, reason: '录入错误' } },
        { token: world.supervisorA.token },
      );
      expect(voided.errors).toBeUndefined();
      expect(await listIds(world.inspectorA.token, { sweepId: scoped.sweep.id })).not.toContain(
        findingId,
      );
    });

    it('refuses a cursor that is not one of this list', async () => {
      const cursor = (values: unknown[]) =>
        Buffer.from(JSON.stringify(values)).toString('base64url');
      const uuid = '00000000-0000-4000-8000-000000000000';
      for (const after of [
        'garbage',
        cursor(['yesterday', 'x']),
        // A day, or an instant without its microseconds, is not this list's sort key.
        cursor(['2019-03-20', uuid]),
        cursor(['2019-03-20T02:00:00Z', uuid]),
        cursor(['2019-03-20T02:00:00.000000', uuid, 1]),
        cursor(['2019-03-20T02:00:00.000000', 42]),
      ]) {
        const result = await app.gql(FINDINGS, { after }, { token: world.manager.token });
        expect(refusal(result)).toEqual({ code: 'BAD_USER_INPUT', paths: ['after'] });
      }
    });

    it('refuses a page of more than 100 and a malformed filter id', async () => {
      const big = await app.gql(FINDINGS, { first: 101 }, { token: world.manager.token });
      expect(refusal(big)).toEqual({ code: 'BAD_USER_INPUT', paths: ['first'] });
      const bad = await app.gql(
        FINDINGS,
        { filter: { sweepId: 'x' } },
        { token: world.manager.token },
      );
      expect(refusal(bad)).toEqual({ code: 'BAD_USER_INPUT', paths: ['filter.sweepId'] });
    });
  });

  describe('MyBureauOpenFindings and OverdueFindings', () => {
    let bureau: { id: string };
    let child: { id: string };
    let inspector: OfficerRecord;
    let sweep: { id: string; categoryIds: Map<string, string> };
    let total: number;

    beforeAll(async () => {
      bureau = await createBureau(app, { name: '西夏区分局' });
      child = await createBureau(app, { name: '西夏区分局贺兰山所', parentId: bureau.id });
      inspector = await createOfficer(app, bureau.id, ['INSPECTOR']);
      sweep = await createSweep(app, { leadBureauId: world.city.id });
      const category = sweep.categoryIds.get('SEASONED_FLOUR_PRODUCTS')!;
      const officerIds = [inspector.id, world.inspectorA.id];
      total = 0;
      for (let index = 0; index < 12; index += 1) {
        const premises = await createPremises(app, { bureauId: index % 2 ? child.id : bureau.id });
        const inspection = await createInspection(app, {
          sweepId: sweep.id,
          categoryId: category,
          premisesId: premises.id,
          officerIds,
        });
        // Ten findings per inspection in one statement: 120 open findings in all.
        await app.query(
          `INSERT INTO findings (inspection_id, sweep_id, bureau_id, premises_id, category_id, violation_type_code, severity,
             description, found_on, case_decision_due, created_by_id)
           SELECT i.id, i.sweep_id, i.bureau_id, i.premises_id, i.category_id, 'EXPIRED_FOOD', 'MAJOR', '过期食品 ' || n,
             '2019-03-20', '2019-04-11', i.recorded_by_id
           FROM inspections i, generate_series(1, 10) n WHERE i.id = $1`,
          [inspection.id],
        );
        total += 10;
      }
    });

    it('pages through every open finding of the bureau and its descendants, newest first, once each', async () => {
      const seen: string[] = [];
      let after: string | null = null;
      let lastCursor: string | null = null;
      let pages = 0;
      do {
        const result: GraphQLResponse = await app.gql(
          'MyBureauOpenFindings',
          { first: 50, after },
          { token: inspector.token },
        );
        expect(result.errors).toBeUndefined();
        const connection = result.data!.findings as {
          totalCount: number;
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
          edges: { node: Record<string, any> }[];
        };
        expect(connection.totalCount).toBe(total);
        for (const edge of connection.edges) {
          expect(edge.node).toMatchObject({
            status: 'OPEN',
            overdue: true,
            rectificationDeadline: null,
            violationType: { code: 'EXPIRED_FOOD', name: '销售超过保质期食品' },
          });
          expect(edge.node.inspection.premises.address).toEqual(expect.any(String));
          seen.push(edge.node.id);
        }
        if (!connection.pageInfo.hasNextPage) lastCursor = connection.pageInfo.endCursor;
        after = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
        pages += 1;
      } while (after);
      expect(pages).toBe(3);
      // Past the last page: no edges, and still the count of every match (issue 15 reads the
      // count from the page's own statement, which has no row here).
      const beyond = await app.gql(
        'MyBureauOpenFindings',
        { first: 50, after: lastCursor },
        { token: inspector.token },
      );
      expect(beyond.data!.findings).toMatchObject({ totalCount: total, edges: [] });
      expect(new Set(seen).size).toBe(total);
      const rows = await app.query<{ id: string }>(
        `SELECT id FROM findings WHERE sweep_id = $1 ORDER BY created_at DESC, id`,
        [sweep.id],
      );
      expect(seen).toEqual(rows.map((row) => row.id));
    });

    it('sends as many SQL statements for a page of 100 as for a page of 5', async () => {
      async function statementsFor(first: number): Promise<number> {
        const { result, count } = await countStatements(app, () =>
          app.gql('MyBureauOpenFindings', { first }, { token: inspector.token }),
        );
        expect(result.data!.findings.edges).toHaveLength(first);
        return count;
      }
      const small = await statementsFor(5);
      const large = await statementsFor(100);
      expect(small).toBeGreaterThan(0);
      expect(large).toBe(small);
    });

    it('lists the overdue findings of a sweep with their bureau and premises', async () => {
      const result = await app.gql(
        'OverdueFindings',
        { sweepId: sweep.id, first: 3 },
        { token: world.manager.token },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data!.findings.totalCount).toBe(total);
      expect(result.data!.findings.edges[0].node).toMatchObject({
        status: 'OPEN',
        overdue: true,
        caseDecisionDue: '2019-04-11',
        inspection: { bureau: { id: expect.any(String) }, premises: { id: expect.any(String) } },
      });
    });

    it('does not list as overdue a finding whose case decision is not yet due', async () => {
      const other = await createSweep(app, { leadBureauId: world.city.id });
      const inspection = await createInspection(app, {
        sweepId: other.id,
        categoryId: other.categoryIds.get('SEASONED_FLOUR_PRODUCTS')!,
        premisesId: world.shopA.id,
        officerIds: [world.inspectorA.id, world.inspectorA2.id],
      });
      await createFinding(app, { inspectionId: inspection.id, caseDecisionDue: addDays(today, 1) });
      const due = await createFinding(app, {
        inspectionId: inspection.id,
        caseDecisionDue: addDays(today, -1),
      });
      const result = await app.gql(
        'OverdueFindings',
        { sweepId: other.id },
        { token: world.manager.token },
      );
      expect(
        result.data!.findings.edges.map((edge: { node: { id: string } }) => edge.node.id),
      ).toEqual([due.id]);
    });
  });
});
