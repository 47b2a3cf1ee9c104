import { Client } from 'pg';
import {
  BureauRecord,
  cityBureau,
  createBureau,
  createOfficer,
  OfficerRecord,
} from '../factories/people';
import { startTestApp, TestApp } from '../helpers/test-app';

describe('sweeps (专项整治行动)', () => {
  let app: TestApp;
  let city: BureauRecord;
  let east: BureauRecord;
  let west: BureauRecord;
  let manager: OfficerRecord;
  let inspector: OfficerRecord;
  let exposureId: string;
  let codeSequence = 0;

  beforeAll(async () => {
    app = await startTestApp();
    city = await cityBureau(app);
    east = await createBureau(app, { name: '兴庆区分局' });
    west = await createBureau(app, { name: '金凤区分局' });
    manager = await createOfficer(app, city.id, ['MANAGER']);
    inspector = await createOfficer(app, east.id, ['INSPECTOR']);
    const exposure = await app.gql(
      'RecordExposure',
      {
        input: {
          title: '辣条生产黑作坊',
          source: 'CCTV_315_GALA',
          exposedOn: '2019-03-15',
          categoryCodes: ['SEASONED_FLOUR_PRODUCTS'],
          involvesJurisdiction: false,
          products: [{ brand: '某牌', productName: '大面筋' }],
        },
      },
      { token: manager.token },
    );
    expect(exposure.errors).toBeUndefined();
    exposureId = exposure.data!.recordExposure.exposure.id as string;
  });
  afterAll(() => app.close());

  function sweepInput(overrides: Record<string, unknown> = {}) {
    codeSequence += 1;
    return {
      code: `2019-315-${codeSequence}`,
      title: '“3·15”曝光问题大排查大整治',
      directive: '寧市監辦發〔2019〕21號',
      leadBureauId: city.id,
      exposureIds: [exposureId],
      categoryCodes: ['SEASONED_FLOUR_PRODUCTS', 'CAMPUS_FOOD'],
      startDate: '2019-03-18',
      endDate: '2019-04-30',
      ...overrides,
    };
  }

  async function createSweep(overrides: Record<string, unknown> = {}): Promise<string> {
    const result = await app.gql(
      'CreateSweep',
      { input: sweepInput(overrides) },
      { token: manager.token },
    );
    expect(result.errors).toBeUndefined();
    return result.data!.createSweep.sweep.id as string;
  }

  function setAssignments(sweepId: string, assignments: unknown[], token = manager.token) {
    return app.gql('SetSweepAssignments', { input: { sweepId, assignments } }, { token });
  }

  function assignmentRows(sweepId: string) {
    return app.query<{ bureau_id: string; code: string; target: number }>(
      `SELECT a.bureau_id, c.code, a.target FROM sweep_assignments a
       JOIN target_categories c ON c.id = a.category_id WHERE a.sweep_id = $1
       ORDER BY a.target`,
      [sweepId],
    );
  }

  async function activeSweepAssignedTo(bureauId: string, startDate: string): Promise<string> {
    const id = await createSweep({ startDate, endDate: `${startDate.slice(0, 4)}-12-31` });
    const assigned = await setAssignments(id, [
      { bureauId, categoryCode: 'CAMPUS_FOOD', target: 5 },
    ]);
    expect(assigned.errors).toBeUndefined();
    const activated = await app.gql('ActivateSweep', { id }, { token: manager.token });
    expect(activated.errors).toBeUndefined();
    return id;
  }

  describe('createSweep', () => {
    it('creates a DRAFT sweep with its lead bureau, exposures and categories, and audits it', async () => {
      const input = sweepInput();
      const result = await app.gql('CreateSweep', { input }, { token: manager.token });
      expect(result.errors).toBeUndefined();
      const sweep = result.data!.createSweep.sweep;
      expect(sweep).toMatchObject({
        code: input.code,
        title: input.title,
        directive: '寧市監辦發〔2019〕21號',
        status: 'DRAFT',
        startDate: '2019-03-18',
        endDate: '2019-04-30',
        leadBureau: { id: city.id },
        exposures: [{ id: exposureId }],
        categories: [{ code: 'CAMPUS_FOOD' }, { code: 'SEASONED_FLOUR_PRODUCTS' }],
      });
      const audit = await app.query(
        `SELECT action, actor_id, after FROM audit_events WHERE entity_type = 'Sweep' AND entity_id = $1`,
        [sweep.id],
      );
      expect(audit).toEqual([
        expect.objectContaining({
          action: 'CREATE',
          actor_id: manager.id,
          after: expect.objectContaining({
            code: input.code,
            status: 'DRAFT',
            exposureIds: [exposureId],
          }),
        }),
      ]);
    });

    it('creates a sweep that no exposure triggered', async () => {
      const id = await createSweep({ exposureIds: [] });
      const rows = await app.query('SELECT * FROM sweep_exposures WHERE sweep_id = $1', [id]);
      expect(rows).toEqual([]);
    });

    it('refuses an unknown lead bureau on input.leadBureauId', async () => {
      const result = await app.gql(
        'CreateSweep',
        { input: sweepInput({ leadBureauId: '00000000-0000-4000-8000-000000000000' }) },
        { token: manager.token },
      );
      expect(result.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ path: 'input.leadBureauId' }],
      });
    });

    it('refuses an inspector with FORBIDDEN', async () => {
      const result = await app.gql(
        'CreateSweep',
        { input: sweepInput() },
        { token: inspector.token },
      );
      expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });

    it('names an unknown category code by its path', async () => {
      const result = await app.gql(
        'CreateSweep',
        { input: sweepInput({ categoryCodes: ['CAMPUS_FOOD', 'NO_SUCH_CATEGORY'] }) },
        { token: manager.token },
      );
      expect(result.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [
          { path: 'input.categoryCodes[1]', message: expect.stringContaining('NO_SUCH_CATEGORY') },
        ],
      });
    });

    it('names an unknown exposure by its path and a malformed one too', async () => {
      const unknown = await app.gql(
        'CreateSweep',
        {
          input: sweepInput({ exposureIds: [exposureId, '00000000-0000-4000-8000-000000000000'] }),
        },
        { token: manager.token },
      );
      expect(unknown.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ path: 'input.exposureIds[1]' }],
      });
      const malformed = await app.gql(
        'CreateSweep',
        { input: sweepInput({ exposureIds: ['not-a-uuid'] }) },
        { token: manager.token },
      );
      expect(malformed.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(malformed.errors?.[0].extensions?.fields[0].path).toMatch(/^input\.exposureIds/);
    });

    it('refuses an end date before the start date on input.endDate, and writes nothing', async () => {
      const input = sweepInput({ startDate: '2019-04-30', endDate: '2019-04-29' });
      const result = await app.gql('CreateSweep', { input }, { token: manager.token });
      expect(result.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ path: 'input.endDate', message: '结束日期不能早于开始日期' }],
      });
      expect(await app.query('SELECT id FROM sweeps WHERE code = $1', [input.code])).toEqual([]);
    });

    it('refuses a duplicate code with CONFLICT', async () => {
      const input = sweepInput();
      expect(
        (await app.gql('CreateSweep', { input }, { token: manager.token })).errors,
      ).toBeUndefined();
      const again = await app.gql('CreateSweep', { input }, { token: manager.token });
      expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
      expect(await app.query('SELECT id FROM sweeps WHERE code = $1', [input.code])).toHaveLength(
        1,
      );
    });
  });

  describe('setSweepAssignments', () => {
    it('replaces the assignments as a whole and audits before and after', async () => {
      const sweepId = await createSweep();
      const first = await setAssignments(sweepId, [
        { bureauId: east.id, categoryCode: 'CAMPUS_FOOD', target: 10 },
        { bureauId: west.id, categoryCode: 'SEASONED_FLOUR_PRODUCTS', target: 20 },
      ]);
      expect(first.errors).toBeUndefined();
      expect(first.data!.setSweepAssignments.sweep.assignments).toHaveLength(2);
      const second = await setAssignments(sweepId, [
        { bureauId: city.id, categoryCode: 'SEASONED_FLOUR_PRODUCTS', target: 3 },
      ]);
      expect(second.errors).toBeUndefined();
      expect(second.data!.setSweepAssignments.sweep.assignments).toEqual([
        { bureau: { id: city.id }, category: { code: 'SEASONED_FLOUR_PRODUCTS' }, target: 3 },
      ]);
      expect(await assignmentRows(sweepId)).toEqual([
        { bureau_id: city.id, code: 'SEASONED_FLOUR_PRODUCTS', target: 3 },
      ]);
      const audit = await app.query(
        `SELECT before, after FROM audit_events
         WHERE entity_type = 'Sweep' AND entity_id = $1 AND action = 'SET_ASSIGNMENTS' ORDER BY id`,
        [sweepId],
      );
      expect(audit).toHaveLength(2);
      expect(audit[1].before.assignments).toHaveLength(2);
      expect(audit[1].after.assignments).toEqual([
        expect.objectContaining({ bureauId: city.id, target: 3 }),
      ]);
    });

    it('refuses two assignments of the same bureau and category, naming the second, and changes nothing', async () => {
      const sweepId = await createSweep();
      await setAssignments(sweepId, [
        { bureauId: east.id, categoryCode: 'CAMPUS_FOOD', target: 7 },
      ]);
      const result = await setAssignments(sweepId, [
        { bureauId: west.id, categoryCode: 'CAMPUS_FOOD', target: 1 },
        { bureauId: west.id, categoryCode: 'CAMPUS_FOOD', target: 2 },
      ]);
      expect(result.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ path: 'input.assignments[1]' }],
      });
      expect(await assignmentRows(sweepId)).toEqual([
        { bureau_id: east.id, code: 'CAMPUS_FOOD', target: 7 },
      ]);
    });

    it('refuses a category the sweep does not cover, an unknown bureau and a target of zero', async () => {
      const sweepId = await createSweep({ categoryCodes: ['CAMPUS_FOOD'] });
      const result = await setAssignments(sweepId, [
        { bureauId: east.id, categoryCode: 'VACCINES', target: 1 },
        {
          bureauId: '00000000-0000-4000-8000-000000000000',
          categoryCode: 'CAMPUS_FOOD',
          target: 1,
        },
      ]);
      expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0].extensions?.fields).toEqual([
        expect.objectContaining({ path: 'input.assignments[0].categoryCode' }),
        expect.objectContaining({ path: 'input.assignments[1].bureauId' }),
      ]);
      const zero = await setAssignments(sweepId, [
        { bureauId: east.id, categoryCode: 'CAMPUS_FOOD', target: 0 },
      ]);
      expect(zero.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ path: 'input.assignments[0].target' }],
      });
      expect(await assignmentRows(sweepId)).toEqual([]);
    });

    it('refuses an inspector with FORBIDDEN', async () => {
      const sweepId = await createSweep();
      const result = await setAssignments(
        sweepId,
        [{ bureauId: east.id, categoryCode: 'CAMPUS_FOOD', target: 1 }],
        inspector.token,
      );
      expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(await assignmentRows(sweepId)).toEqual([]);
    });

    it('is allowed while ACTIVE (never down to none) and refused with INVALID_STATE once CLOSED', async () => {
      const sweepId = await activeSweepAssignedTo(east.id, '2019-05-01');
      const active = await setAssignments(sweepId, [
        { bureauId: west.id, categoryCode: 'CAMPUS_FOOD', target: 9 },
      ]);
      expect(active.errors).toBeUndefined();
      const emptied = await setAssignments(sweepId, []);
      expect(emptied.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [
          { path: 'input.assignments', message: '进行中的专项整治行动至少需要一项任务分配' },
        ],
      });
      await app.query(`UPDATE sweeps SET status = 'CLOSED', closed_at = now() WHERE id = $1`, [
        sweepId,
      ]);
      const closed = await setAssignments(sweepId, [
        { bureauId: east.id, categoryCode: 'CAMPUS_FOOD', target: 1 },
      ]);
      expect(closed.errors?.[0].extensions).toMatchObject({
        code: 'INVALID_STATE',
        from: 'CLOSED',
        action: 'ASSIGN',
      });
      expect(closed.errors?.[0].message).toBe('当前状态（已结束）下不能更改任务分配');
      expect(await assignmentRows(sweepId)).toEqual([
        { bureau_id: west.id, code: 'CAMPUS_FOOD', target: 9 },
      ]);
    });

    it('answers NOT_FOUND for an unknown sweep', async () => {
      const result = await setAssignments('00000000-0000-4000-8000-000000000000', []);
      expect(result.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    });
  });

  describe('activateSweep', () => {
    it('refuses a sweep without assignments with INVALID_STATE and leaves it DRAFT', async () => {
      const sweepId = await createSweep();
      const result = await app.gql('ActivateSweep', { id: sweepId }, { token: manager.token });
      expect(result.errors?.[0].extensions).toMatchObject({
        code: 'INVALID_STATE',
        from: 'DRAFT',
        action: 'ACTIVATE',
      });
      expect(result.errors?.[0].message).toBe(
        '当前状态（草拟）下不能启动：启动前至少需要一项任务分配',
      );
      expect(await app.query('SELECT status FROM sweeps WHERE id = $1', [sweepId])).toEqual([
        { status: 'DRAFT' },
      ]);
    });

    it('moves DRAFT to ACTIVE once, audits it, and refuses a second activation', async () => {
      const sweepId = await createSweep();
      await setAssignments(sweepId, [
        { bureauId: east.id, categoryCode: 'CAMPUS_FOOD', target: 4 },
      ]);
      const forbidden = await app.gql('ActivateSweep', { id: sweepId }, { token: inspector.token });
      expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const first = await app.gql('ActivateSweep', { id: sweepId }, { token: manager.token });
      expect(first.errors).toBeUndefined();
      expect(first.data!.activateSweep.sweep).toEqual({ id: sweepId, status: 'ACTIVE' });
      const second = await app.gql('ActivateSweep', { id: sweepId }, { token: manager.token });
      expect(second.errors?.[0].extensions).toMatchObject({
        code: 'INVALID_STATE',
        from: 'ACTIVE',
        action: 'ACTIVATE',
      });
      expect(second.errors?.[0].message).toBe(
        '当前状态（进行中）下不能启动：只有草拟状态的专项整治行动才能启动',
      );
      const english = await app.gql(
        'ActivateSweep',
        { id: sweepId },
        { token: manager.token, headers: { 'accept-language': 'en' } },
      );
      expect(english.errors?.[0].message).toBe(
        'Only a DRAFT sweep can be activated; this one is ACTIVE',
      );
      const audit = await app.query(
        `SELECT before, after FROM audit_events
         WHERE entity_type = 'Sweep' AND entity_id = $1 AND action = 'ACTIVATE'`,
        [sweepId],
      );
      expect(audit).toEqual([
        {
          before: expect.objectContaining({ status: 'DRAFT', activatedAt: null }),
          after: expect.objectContaining({ status: 'ACTIVE', activatedAt: expect.any(String) }),
        },
      ]);
    });

    it('answers NOT_FOUND for an unknown sweep and BAD_USER_INPUT for a malformed id', async () => {
      const unknown = await app.gql(
        'ActivateSweep',
        { id: '00000000-0000-4000-8000-000000000000' },
        { token: manager.token },
      );
      expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      const malformed = await app.gql('ActivateSweep', { id: 'nope' }, { token: manager.token });
      expect(malformed.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('sweeps and sweep', () => {
    let ownId: string;
    let cityWideId: string;
    let otherId: string;
    let draftId: string;
    let northInspector: OfficerRecord;

    beforeAll(async () => {
      await app.query('DELETE FROM sweep_assignments');
      await app.query(`UPDATE sweeps SET status = 'CLOSED'`);
      ownId = await activeSweepAssignedTo(east.id, '2020-03-01');
      cityWideId = await activeSweepAssignedTo(city.id, '2020-02-01');
      otherId = await activeSweepAssignedTo(west.id, '2020-01-01');
      draftId = await createSweep({ startDate: '2020-04-01', endDate: '2020-04-30' });
      await setAssignments(draftId, [
        { bureauId: east.id, categoryCode: 'CAMPUS_FOOD', target: 1 },
      ]);
      const north = await createBureau(app, { parentId: east.id, kind: 'SUB_BUREAU' });
      northInspector = await createOfficer(app, north.id, ['INSPECTOR']);
    });

    it('shows a sub-bureau inspector the active sweeps assigned to their bureau or the city bureau, not to another sub-bureau', async () => {
      const result = await app.gql('ActiveSweeps', {}, { token: inspector.token });
      expect(result.errors).toBeUndefined();
      const nodes = result.data!.sweeps.edges.map((edge: { node: any }) => edge.node);
      expect(nodes.map((node: { id: string }) => node.id)).toEqual([ownId, cityWideId]);
      expect(result.data!.sweeps.totalCount).toBe(2);
      expect(nodes[0]).toMatchObject({
        status: 'ACTIVE',
        exposures: [{ id: exposureId, products: [{ brand: '某牌', productName: '大面筋' }] }],
        assignments: [
          {
            bureau: { id: east.id, name: '兴庆区分局' },
            category: { code: 'CAMPUS_FOOD' },
            target: 5,
          },
        ],
      });
      const campusFood = nodes[0].categories.find(
        (c: { code: string }) => c.code === 'CAMPUS_FOOD',
      );
      expect(campusFood.checklist.length).toBeGreaterThanOrEqual(3);
      expect(campusFood.checklist[0].failViolationType.code).toEqual(expect.any(String));
    });

    it('counts assignments of every ancestor bureau for an inspector two levels down', async () => {
      const result = await app.gql('ActiveSweeps', {}, { token: northInspector.token });
      expect(result.errors).toBeUndefined();
      expect(result.data!.sweeps.edges.map((edge: { node: any }) => edge.node.id)).toEqual([
        ownId,
        cityWideId,
      ]);
    });

    it('filters by status and by exposure, and pages with a stable cursor', async () => {
      const query = `query($filter: SweepFilter, $first: Int, $after: String) {
        sweeps(filter: $filter, first: $first, after: $after) {
          totalCount pageInfo { hasNextPage endCursor } edges { node { id status } } } }`;
      const drafts = await app.gql(
        query,
        { filter: { status: 'DRAFT' } },
        { token: inspector.token },
      );
      expect(drafts.data!.sweeps.edges.map((edge: { node: any }) => edge.node.id)).toEqual([
        draftId,
      ]);

      const all = await app.gql(query, { first: 100 }, { token: inspector.token });
      const expected = all.data!.sweeps.edges.map((edge: { node: any }) => edge.node.id);
      expect(expected.length).toBeGreaterThan(5);
      const paged: string[] = [];
      let after: string | undefined;
      do {
        const page = await app.gql(query, { first: 2, after }, { token: inspector.token });
        expect(page.errors).toBeUndefined();
        expect(page.data!.sweeps.totalCount).toBe(expected.length);
        paged.push(...page.data!.sweeps.edges.map((edge: { node: any }) => edge.node.id));
        after = page.data!.sweeps.pageInfo.hasNextPage
          ? page.data!.sweeps.pageInfo.endCursor
          : undefined;
      } while (after);
      expect(paged).toEqual(expected);

      const otherExposure = await app.gql(
        'RecordExposure',
        {
          input: {
            title: '执业药师挂证',
            source: 'CCTV_315_GALA',
            exposedOn: '2019-03-15',
            categoryCodes: ['PHARMACIST_CERTIFICATES'],
            involvesJurisdiction: true,
          },
        },
        { token: manager.token },
      );
      const pharmacistExposure = otherExposure.data!.recordExposure.exposure.id as string;
      const pharmacistSweep = await createSweep({
        exposureIds: [pharmacistExposure],
        categoryCodes: ['PHARMACIST_CERTIFICATES'],
      });
      const byExposure = await app.gql(
        query,
        { filter: { exposureId: pharmacistExposure } },
        { token: inspector.token },
      );
      expect(byExposure.data!.sweeps.edges.map((edge: { node: any }) => edge.node.id)).toEqual([
        pharmacistSweep,
      ]);
    });

    it('refuses a cursor that is not one of this list as BAD_USER_INPUT on after, never INTERNAL', async () => {
      const query = `query($after: String) { sweeps(first: 2, after: $after) { totalCount } }`;
      const cursor = (values: unknown) =>
        Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
      for (const after of [
        cursor(['2019-03-18', 'not-a-uuid']),
        cursor(['2019-03-18', "'; DROP TABLE sweeps; --"]),
        cursor(['18/03/2019', '00000000-0000-4000-8000-000000000000']),
        cursor(['2019-03-18']),
        cursor({ startDate: '2019-03-18' }),
        'not base64 json',
      ]) {
        const result = await app.gql(query, { after }, { token: inspector.token });
        expect(result.data).toBeNull();
        expect(result.errors?.[0].extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          fields: [{ path: 'after' }],
        });
      }
      const valid = await app.gql(
        query,
        { after: cursor(['2019-03-18', '00000000-0000-4000-8000-000000000000']) },
        { token: inspector.token },
      );
      expect(valid.errors).toBeUndefined();
    });

    it('reads one sweep by id, and NOT_FOUND for an unknown one', async () => {
      const query = `query($id: ID!) { sweep(id: $id) { id code leadBureau { id } } }`;
      const found = await app.gql(query, { id: otherId }, { token: inspector.token });
      expect(found.data!.sweep).toMatchObject({ id: otherId, leadBureau: { id: city.id } });
      const missing = await app.gql(
        query,
        { id: '00000000-0000-4000-8000-000000000000' },
        { token: inspector.token },
      );
      expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    });

    it('issues the same number of SQL statements for 100 active sweeps as for 5', async () => {
      await app.query(
        `WITH created AS (
           INSERT INTO sweeps (code, title, lead_bureau_id, status, start_date, end_date)
           SELECT 'BULK-' || n, '批量' || n, $1, 'ACTIVE', DATE '2018-01-01' + n, DATE '2018-12-31' + n
           FROM generate_series(1, 110) AS n RETURNING id
         ), exposures AS (
           INSERT INTO sweep_exposures (sweep_id, exposure_id) SELECT id, $3 FROM created
         ), categories AS (
           INSERT INTO sweep_categories (sweep_id, category_id)
           SELECT created.id, c.id FROM created CROSS JOIN target_categories c
         )
         INSERT INTO sweep_assignments (sweep_id, bureau_id, category_id, target)
         SELECT created.id, $2, c.id, 10 FROM created
         JOIN target_categories c ON c.code = 'CAMPUS_FOOD'`,
        [city.id, east.id, exposureId],
      );
      const statements = async (first: number) => {
        const spy = jest.spyOn(Client.prototype, 'query');
        try {
          const result = await app.gql('ActiveSweeps', { first }, { token: inspector.token });
          expect(result.errors).toBeUndefined();
          expect(result.data!.sweeps.edges).toHaveLength(first);
          return spy.mock.calls.length;
        } finally {
          spy.mockRestore();
        }
      };
      const small = await statements(5);
      const large = await statements(100);
      expect(small).toBeGreaterThan(0);
      expect(large).toBe(small);
    });
  });
});
