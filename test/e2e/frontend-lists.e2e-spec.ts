import { randomUUID } from 'node:crypto';
import { createFinding, createInspection, createPremises } from '../factories/field-work';
import { findingDueOnSortSql } from '../../src/inspections/repositories/findings.repository';
import { createOfficer } from '../factories/people';
import { FieldWorld, refusal, startFieldWorld } from '../helpers/field-world';
import { TestApp } from '../helpers/test-app';

/** Issue 18: officers, paging backwards, ordering and the dormant-premises filter. */
describe('lists the frontend pages through', () => {
  let app: TestApp;
  let w: FieldWorld;
  beforeAll(async () => ({ app, world: w } = await startFieldWorld()));
  afterAll(() => app.close());

  const ids = (connection: { edges: { node: { id: string } }[] }) =>
    connection.edges.map((edge) => edge.node.id);

  describe('officers', () => {
    let deactivated: string;
    let inA1: string;
    beforeAll(async () => {
      inA1 = (await createOfficer(app, w.bureauA1.id, ['INSPECTOR'], { name: '孙丽' })).id;
      const gone = await createOfficer(app, w.bureauA.id, ['INSPECTOR'], { name: '钱进' });
      deactivated = gone.id;
      await app.query(`UPDATE officers SET active = false WHERE id = $1`, [gone.id]);
    });

    const OFFICERS = `query ($filter: OfficerFilter, $first: Int, $after: String, $last: Int, $before: String) {
      officers(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
        totalCount
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        nodes { id name }
      }
    }`;

    it('Colleagues: an inspector gets the active inspectors and supervisors of their own bureau', async () => {
      const result = await app.gql('Colleagues', {}, { token: w.inspectorA.token });
      expect(result.errors).toBeUndefined();
      expect(ids(result.data!.officers).sort()).toEqual(
        [w.inspectorA.id, w.inspectorA2.id, w.supervisorA.id].sort(),
      );
    });

    it("inspectors see their jurisdiction's officers only; a manager sees every officer", async () => {
      const ofA = await app.gql(OFFICERS, { first: 100 }, { token: w.inspectorA.token });
      expect(ofA.data!.officers.nodes.map((o: { id: string }) => o.id).sort()).toEqual(
        [w.inspectorA.id, w.inspectorA2.id, w.supervisorA.id, inA1, deactivated].sort(),
      );
      expect(ofA.data!.officers.totalCount).toBe(5);
      const all = await app.gql(OFFICERS, { first: 100 }, { token: w.manager.token });
      const everyone = await app.query<{ n: number }>(`SELECT count(*)::int AS n FROM officers`);
      expect(all.data!.officers.totalCount).toBe(everyone[0].n);
      expect(all.data!.officers.nodes.map((o: { id: string }) => o.id)).toContain(w.inspectorB.id);
    });

    it('Officers (admin): filters by bureau subtree, role, activity and search', async () => {
      const admin = await app.adminToken();
      const run = async (filter: Record<string, unknown>) =>
        ids((await app.gql('Officers', { filter, first: 100 }, { token: admin })).data!.officers);
      expect((await run({ bureauId: w.bureauA.id })).sort()).toEqual(
        [w.inspectorA.id, w.inspectorA2.id, w.supervisorA.id, inA1, deactivated].sort(),
      );
      expect(await run({ bureauId: w.bureauA.id, roles: ['SUPERVISOR'] })).toEqual([
        w.supervisorA.id,
      ]);
      expect(await run({ bureauId: w.bureauA.id, active: false })).toEqual([deactivated]);
      expect(await run({ search: '孙' })).toEqual([inA1]);
      expect(await run({ search: w.inspectorB.certificateNumber.slice(1) })).toEqual([
        w.inspectorB.id,
      ]);
    });

    it('pages forwards and backwards by name then id, the cursors of one order', async () => {
      const token = w.manager.token;
      const all = (await app.gql(OFFICERS, { first: 100 }, { token })).data!.officers;
      const names = all.nodes.map((o: { name: string }) => o.name);
      expect(names).toEqual(
        [...names].sort((a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)),
      );
      const first = (await app.gql(OFFICERS, { first: 3 }, { token })).data!.officers;
      expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
      const second = (
        await app.gql(OFFICERS, { first: 3, after: first.pageInfo.endCursor }, { token })
      ).data!.officers;
      expect(second.nodes).toEqual(all.nodes.slice(3, 6));
      expect(second.pageInfo.hasPreviousPage).toBe(true);
      // Back from the second page's start: the first page again, in the list order.
      const back = (
        await app.gql(OFFICERS, { last: 3, before: second.pageInfo.startCursor }, { token })
      ).data!.officers;
      expect(back.nodes).toEqual(first.nodes);
      expect(back.pageInfo).toMatchObject({
        hasPreviousPage: false,
        hasNextPage: true,
        startCursor: first.pageInfo.startCursor,
        endCursor: first.pageInfo.endCursor,
      });
      // The last page without a cursor.
      const tail = (await app.gql(OFFICERS, { last: 2 }, { token })).data!.officers;
      expect(tail.nodes).toEqual(all.nodes.slice(-2));
      expect(tail.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
    });

    it('mixing first with last (or after with before) is BAD_USER_INPUT naming them', async () => {
      const token = w.manager.token;
      expect(refusal(await app.gql(OFFICERS, { first: 2, last: 2 }, { token }))).toEqual({
        code: 'BAD_USER_INPUT',
        paths: ['first', 'last'],
      });
      const page = (await app.gql(OFFICERS, { first: 2 }, { token })).data!.officers;
      expect(
        refusal(await app.gql(OFFICERS, { last: 2, after: page.pageInfo.endCursor }, { token })),
      ).toEqual({ code: 'BAD_USER_INPUT', paths: ['after', 'last'] });
      expect(refusal(await app.gql(OFFICERS, { last: 2, before: 'garbage' }, { token }))).toEqual({
        code: 'BAD_USER_INPUT',
        paths: ['before'],
      });
      expect(refusal(await app.gql(OFFICERS, { last: 101 }, { token })).code).toBe(
        'BAD_USER_INPUT',
      );
    });

    it("Bureau.officers lists the bureau's own officers, none of a bureau outside the scope", async () => {
      const QUERY = `query ($id: ID!) { bureau(id: $id) { id officers(first: 50) { totalCount nodes { id } } } }`;
      const own = await app.gql(QUERY, { id: w.bureauA1.id }, { token: w.inspectorA.token });
      expect(own.data!.bureau.officers.nodes).toEqual([{ id: inA1 }]);
      const other = await app.gql(QUERY, { id: w.bureauB.id }, { token: w.inspectorA.token });
      expect(other.data!.bureau.officers.totalCount).toBe(0);
      const asManager = await app.gql(QUERY, { id: w.bureauB.id }, { token: w.manager.token });
      expect(asManager.data!.bureau.officers.nodes.map((o: { id: string }) => o.id).sort()).toEqual(
        [w.inspectorB.id, w.supervisorB.id].sort(),
      );
    });
  });

  describe('findings: order and paging back', () => {
    const made: { id: string; due: string | null }[] = [];
    beforeAll(async () => {
      const categoryId = w.sweep.categoryIds.get('SEASONED_FLOUR_PRODUCTS')!;
      const inspection = await createInspection(app, {
        sweepId: w.sweep.id,
        categoryId,
        premisesId: w.shopB.id,
        officerIds: [w.inspectorB.id, w.supervisorB.id],
      });
      const specs = [
        { status: 'OPEN', caseDecisionDue: '2019-04-10' },
        {
          status: 'RECTIFYING',
          rectificationOrdered: true,
          rectificationDeadline: '2019-03-25',
        },
        {
          status: 'CASE_FILED',
          caseNumber: '银市监立〔2019〕1号',
          caseFiledOn: '2019-03-22',
          penaltyDecisionDue: '2019-06-20',
        },
        { status: 'RESOLVED' },
        { status: 'OPEN', caseDecisionDue: '2019-04-10' },
      ];
      for (const spec of specs) {
        const finding = await createFinding(app, { inspectionId: inspection.id, ...spec });
        // The order is the stored nearest open deadline (due_on, kept by the case engine): the
        // one the factory derived from the status must be what the list sorts by.
        const [stored] = await app.query<{ due_on: string | null }>(
          `SELECT to_char(due_on, 'YYYY-MM-DD') AS due_on FROM findings WHERE id = $1`,
          [finding.id],
        );
        made.push({ id: finding.id, due: stored.due_on });
      }
    });

    const FINDINGS =
      `query ($orderBy: FindingOrder, $first: Int, $after: String, $last: Int, $before: String) {
      findings(filter: { bureauId: $bureau }, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {
        totalCount
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        nodes { id }
      }
    }`.replace('$bureau', `"${'BUREAU'}"`);
    const run = (variables: Record<string, unknown>) =>
      app.gql(FINDINGS.replace('BUREAU', w.bureauB.id), variables, { token: w.manager.token });

    it('DUE_ON ascending: nearest open deadline first, ties by id, none last; DESC the reverse', async () => {
      const expected = [...made]
        .sort((a, b) => {
          const [x, y] = [a.due ?? '9999-12-31', b.due ?? '9999-12-31'];
          return x !== y ? (x < y ? -1 : 1) : a.id < b.id ? -1 : 1;
        })
        .map((finding) => finding.id);
      const asc = await run({ orderBy: { field: 'DUE_ON', direction: 'ASC' }, first: 10 });
      expect(asc.errors).toBeUndefined();
      expect(asc.data!.findings.nodes.map((n: { id: string }) => n.id)).toEqual(expected);
      const desc = await run({ orderBy: { field: 'DUE_ON', direction: 'DESC' }, first: 10 });
      expect(desc.data!.findings.nodes.map((n: { id: string }) => n.id)).toEqual(
        [...expected].reverse(),
      );
      // Page by page with cursors of this order: the same sequence.
      const seen: string[] = [];
      let after: string | undefined;
      for (let i = 0; i < 5; i += 1) {
        const page = (
          await run({ orderBy: { field: 'DUE_ON', direction: 'ASC' }, first: 2, after })
        ).data!.findings;
        seen.push(...page.nodes.map((n: { id: string }) => n.id));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(seen).toEqual(expected);
      // A FOUND_AT cursor is no DUE_ON cursor.
      const byTime = (await run({ first: 1 })).data!.findings;
      const wrong = await run({
        orderBy: { field: 'DUE_ON', direction: 'ASC' },
        first: 1,
        after: byTime.pageInfo.endCursor,
      });
      expect(refusal(wrong)).toEqual({ code: 'BAD_USER_INPUT', paths: ['after'] });
    });

    it('FindingsPageBack: last/before walks the list backwards, each page in list order', async () => {
      const all = (await run({ first: 10 })).data!.findings.nodes.map((n: { id: string }) => n.id);
      expect(all).toHaveLength(5);
      const filter = { bureauId: w.bureauB.id };
      const last = await app.gql(
        'FindingsPageBack',
        { filter, last: 2 },
        { token: w.manager.token },
      );
      expect(last.errors).toBeUndefined();
      expect(last.data!.findings.nodes.map((n: { id: string }) => n.id)).toEqual(all.slice(3));
      expect(last.data!.findings.pageInfo).toMatchObject({
        hasPreviousPage: true,
        hasNextPage: false,
      });
      const before = await app.gql(
        'FindingsPageBack',
        { filter, last: 2, before: last.data!.findings.pageInfo.startCursor },
        { token: w.manager.token },
      );
      expect(before.data!.findings.nodes.map((n: { id: string }) => n.id)).toEqual(all.slice(1, 3));
      expect(before.data!.findings.totalCount).toBe(5);
    });
  });

  describe('DormantPremises', () => {
    let dormant: { id: string };
    let neverInspected: { id: string };
    let visited: { id: string };
    let pharmacy: { id: string };
    let voidedOnly: { id: string };
    beforeAll(async () => {
      const bureauId = w.bureauB.id;
      dormant = await createPremises(app, { bureauId, name: '久未检查食品店' });
      neverInspected = await createPremises(app, { bureauId, name: '从未检查食品店' });
      visited = await createPremises(app, { bureauId, name: '近期检查食品店' });
      voidedOnly = await createPremises(app, { bureauId, name: '检查作废食品店' });
      pharmacy = await createPremises(app, { bureauId, name: '久未检查药房', kind: 'PHARMACY' });
      const inspect = (premisesId: string, at: string, voided = false) =>
        createInspection(app, {
          sweepId: w.sweep.id,
          categoryId: w.sweep.categoryIds.get('SEASONED_FLOUR_PRODUCTS')!,
          premisesId,
          officerIds: [w.inspectorB.id, w.supervisorB.id],
          inspectedAt: new Date(at),
          voided,
        });
      await inspect(dormant.id, '2018-01-10T02:00:00Z');
      await inspect(dormant.id, '2017-06-10T02:00:00Z');
      await inspect(visited.id, '2018-01-10T02:00:00Z');
      // 2019-03-01 00:30 in Shanghai is still 2019-02-28 in UTC: it counts as on the day.
      await inspect(visited.id, '2019-02-28T16:30:00Z');
      await inspect(voidedOnly.id, '2019-03-10T02:00:00Z', true);
      await inspect(pharmacy.id, '2017-01-01T02:00:00Z');
    });

    const dormantIds = async (variables: Record<string, unknown>) => {
      const result = await app.gql(
        'DormantPremises',
        { first: 100, ...variables },
        {
          token: w.inspectorB.token,
        },
      );
      expect(result.errors).toBeUndefined();
      return ids(result.data!.premisesList);
    };

    it("lists a category's premises not inspected since a day, longest unvisited first", async () => {
      const listed = await dormantIds({
        categoryCodes: ['SEASONED_FLOUR_PRODUCTS'],
        since: '2019-03-01',
      });
      expect(listed).not.toContain(visited.id);
      expect(listed).not.toContain(pharmacy.id);
      // Never-inspected premises (and the one whose only inspection was voided) come first.
      expect(listed.indexOf(neverInspected.id)).toBeLessThan(listed.indexOf(dormant.id));
      expect(listed.indexOf(voidedOnly.id)).toBeLessThan(listed.indexOf(dormant.id));
      expect(listed).toContain(dormant.id);
      expect(
        await dormantIds({ categoryCodes: ['PHARMACIST_CERTIFICATES'], since: '2019-03-01' }),
      ).toEqual([pharmacy.id]);
      expect(await dormantIds({ categoryCodes: ['NO_SUCH'], since: '2019-03-01' })).toEqual([]);
      // The day after the visit, the visited shop is dormant again.
      expect(
        await dormantIds({ categoryCodes: ['SEASONED_FLOUR_PRODUCTS'], since: '2019-03-02' }),
      ).toContain(visited.id);
    });

    it('keeps the last inspection up to date when an inspection is voided', async () => {
      const [latest] = await app.query<{ id: string }>(
        `SELECT id FROM inspections WHERE premises_id = $1 ORDER BY inspected_at DESC LIMIT 1`,
        [visited.id],
      );
      await app.query(
        `UPDATE inspections SET voided = true, void_reason = '录入错误', voided_at = now() WHERE id = $1`,
        [latest.id],
      );
      expect(
        await dormantIds({ categoryCodes: ['SEASONED_FLOUR_PRODUCTS'], since: '2019-03-01' }),
      ).toContain(visited.id);
      const [row] = await app.query<{ at: Date }>(
        `SELECT last_inspected_at AS at FROM premises WHERE id = $1`,
        [visited.id],
      );
      expect(row.at.toISOString()).toBe('2018-01-10T02:00:00.000Z');
    });

    it('orders by LAST_INSPECTED_AT descending and by NAME, with paging back', async () => {
      const QUERY = `query ($orderBy: PremisesOrder, $first: Int, $last: Int, $before: String) {
        premisesList(filter: { bureauId: "${w.bureauB.id}" }, orderBy: $orderBy, first: $first, last: $last, before: $before) {
          pageInfo { startCursor hasPreviousPage }
          nodes { id name lastInspection { inspectedAt } }
        }
      }`;
      const run = async (variables: Record<string, unknown>) => {
        const result = await app.gql(QUERY, variables, { token: w.manager.token });
        expect(result.errors).toBeUndefined();
        return result.data!.premisesList;
      };
      const desc = await run({
        orderBy: { field: 'LAST_INSPECTED_AT', direction: 'DESC' },
        first: 100,
      });
      const times = desc.nodes.map(
        (n: { lastInspection: { inspectedAt: string } | null }) =>
          n.lastInspection?.inspectedAt ?? '',
      );
      expect(times).toEqual([...times].sort().reverse());
      const byName = await run({ orderBy: { field: 'NAME', direction: 'DESC' }, first: 100 });
      const names = byName.nodes.map((n: { name: string }) => n.name);
      expect(names).toEqual([...names].sort().reverse());
      const back = await run({
        orderBy: { field: 'LAST_INSPECTED_AT', direction: 'DESC' },
        last: 2,
      });
      expect(back.nodes).toEqual(desc.nodes.slice(-2));
    });
  });

  describe('indexes serve the orders', () => {
    const plan = async (sql: string) => {
      const runner = app.dataSource.createQueryRunner();
      try {
        await runner.startTransaction();
        // A test database is small: forbid the plans that only win on few rows.
        await runner.query(`SET LOCAL enable_seqscan = off`);
        await runner.query(`SET LOCAL enable_bitmapscan = off`);
        await runner.query(`SET LOCAL enable_sort = off`);
        const rows = await runner.query(`EXPLAIN ${sql}`);
        return rows.map((row: { 'QUERY PLAN': string }) => row['QUERY PLAN']).join('\n');
      } finally {
        await runner.rollbackTransaction();
        await runner.release();
      }
    };

    it.each([
      [
        'findings by DUE_ON',
        `SELECT f.id FROM findings f WHERE NOT f.voided ORDER BY COALESCE(f.due_on, '9999-12-31'::date) ASC, f.id ASC LIMIT 21`,
        'findings_due_on_idx',
      ],
      [
        'findings by FOUND_AT, backwards',
        `SELECT f.id FROM findings f WHERE NOT f.voided ORDER BY f.created_at ASC, f.id ASC LIMIT 21`,
        'findings_created_id_idx',
      ],
      [
        'premises by LAST_INSPECTED_AT',
        `SELECT p.id FROM premises p ORDER BY COALESCE(p.last_inspected_at, '1970-01-01T00:00:00Z'::timestamptz) DESC, p.id DESC LIMIT 21`,
        'premises_last_inspected_idx',
      ],
      [
        'premises by NAME',
        `SELECT p.id FROM premises p ORDER BY p.name DESC, p.id DESC LIMIT 21`,
        'premises_name_id_idx',
      ],
    ])('%s', async (_name, sql, index) => {
      const explained = await plan(sql);
      expect(explained).toContain(index);
      expect(explained).not.toMatch(/\bSort\b/);
    });

    it('the DUE_ON expression of the repository is the one of the index', async () => {
      const explained = await plan(
        `SELECT f.id FROM findings f WHERE NOT f.voided ORDER BY ${findingDueOnSortSql('f')}, f.id LIMIT 21`,
      );
      expect(explained).toContain('findings_due_on_idx');
    });
  });

  describe('lookups by id and node', () => {
    let findingOfA: string;
    let inspectionOfA: string;
    beforeAll(async () => {
      const inspection = await createInspection(app, {
        sweepId: w.sweep.id,
        categoryId: w.sweep.categoryIds.get('SEASONED_FLOUR_PRODUCTS')!,
        premisesId: w.shopA.id,
        officerIds: [w.inspectorA.id, w.inspectorA2.id],
      });
      inspectionOfA = inspection.id;
      findingOfA = (await createFinding(app, { inspectionId: inspection.id })).id;
    });

    const NODE = `query ($id: ID!) { node(id: $id) { __typename id ... on Finding { status version } ... on Premises { name } ... on Officer { name } } }`;

    it('node refetches records of every kind the caller may see, typed', async () => {
      const token = w.inspectorA.token;
      const cases: [string, string][] = [
        [findingOfA, 'Finding'],
        [inspectionOfA, 'Inspection'],
        [w.shopA.id, 'Premises'],
        [w.sweep.id, 'Sweep'],
        [w.bureauB.id, 'Bureau'],
        [w.inspectorB.id, 'Officer'],
        [w.exposedProductId, 'ExposedProduct'],
        [w.categories.get('VACCINES')!, 'TargetCategory'],
      ];
      for (const [id, type] of cases) {
        const result = await app.gql(NODE, { id }, { token });
        expect(result.errors).toBeUndefined();
        expect(result.data!.node).toMatchObject({ __typename: type, id });
      }
      const finding = await app.gql(NODE, { id: findingOfA }, { token });
      expect(finding.data!.node).toEqual({
        __typename: 'Finding',
        id: findingOfA,
        status: 'OPEN',
        version: 1,
      });
    });

    it('node is null with NOT_FOUND outside the scope or for an unknown id, the rest still arrives', async () => {
      const QUERY = `query ($id: ID!) { me { name } node(id: $id) { id } }`;
      for (const id of [findingOfA, w.shopA.id, randomUUID()]) {
        const result = await app.gql(QUERY, { id }, { token: w.inspectorB.token });
        expect(result.data).toEqual({ me: { name: '赵敏' }, node: null });
        expect(refusal(result).code).toBe('NOT_FOUND');
      }
      expect(refusal(await app.gql(QUERY, { id: 'x' }, { token: w.inspectorB.token }))).toEqual({
        code: 'BAD_USER_INPUT',
        paths: ['id'],
      });
    });

    it('nodes answers in the order asked, null with NOT_FOUND for each record not visible', async () => {
      const unknown = randomUUID();
      const result = await app.gql(
        `query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`,
        { ids: [w.shopB.id, findingOfA, unknown, w.bureauA.id] },
        { token: w.inspectorB.token },
      );
      expect(result.data!.nodes).toEqual([
        { __typename: 'Premises', id: w.shopB.id },
        null,
        null,
        { __typename: 'Bureau', id: w.bureauA.id },
      ]);
      expect(result.errors!.map((error) => [error.path, error.extensions?.code])).toEqual([
        [['nodes', 1], 'NOT_FOUND'],
        [['nodes', 2], 'NOT_FOUND'],
      ]);
      const tooMany = await app.gql(
        `query ($ids: [ID!]!) { nodes(ids: $ids) { id } }`,
        { ids: Array.from({ length: 101 }, () => randomUUID()) },
        { token: w.inspectorB.token },
      );
      expect(refusal(tooMany)).toEqual({ code: 'BAD_USER_INPUT', paths: ['ids'] });
    });

    it('finding(id:) is nullable: an unknown finding keeps `me`', async () => {
      const result = await app.gql(
        `query ($id: ID!) { me { name } finding(id: $id) { id } }`,
        { id: randomUUID() },
        { token: w.inspectorA.token },
      );
      expect(result.data).toEqual({ me: { name: '张伟' }, finding: null });
      expect(refusal(result).code).toBe('NOT_FOUND');
    });

    it('inspection, exposure and bureau by id; an inspection outside the scope is NOT_FOUND', async () => {
      const QUERY = `query ($i: ID!, $b: ID!) { inspection(id: $i) { id premises { id } } bureau(id: $b) { id name } }`;
      const own = await app.gql(
        QUERY,
        { i: inspectionOfA, b: w.bureauA.id },
        {
          token: w.inspectorA.token,
        },
      );
      expect(own.data).toEqual({
        inspection: { id: inspectionOfA, premises: { id: w.shopA.id } },
        bureau: { id: w.bureauA.id, name: '兴庆区分局' },
      });
      const other = await app.gql(
        QUERY,
        { i: inspectionOfA, b: randomUUID() },
        {
          token: w.inspectorB.token,
        },
      );
      expect(other.data).toEqual({ inspection: null, bureau: null });
      expect(other.errors!.map((error) => error.extensions?.code)).toEqual([
        'NOT_FOUND',
        'NOT_FOUND',
      ]);
      const [exposure] = await app.query<{ id: string }>(
        `SELECT exposure_id AS id FROM exposed_products WHERE id = $1`,
        [w.exposedProductId],
      );
      const found = await app.gql(`query ($id: ID!) { exposure(id: $id) { id } }`, exposure, {
        token: w.inspectorB.token,
      });
      expect(found.data).toEqual({ exposure: { id: exposure.id } });
    });
  });
});
