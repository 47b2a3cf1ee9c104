import { createBureau, createOfficer, OfficerRecord } from '../factories/people';
import { createSweepWorld, SweepWorld } from '../helpers/sweep-world';
import { countStatements } from '../helpers/statements';

describe('sweeps (专项整治行动)', () => {
  let w: SweepWorld;
  beforeAll(async () => (w = await createSweepWorld()));
  afterAll(() => w.app.close());

  // Closed sweeps of earlier work, which the sweeps-lifecycle tests leave when run in this database:
  // the list below must be longer than five to page through.
  beforeAll(async () => {
    for (let index = 0; index < 3; index++) await w.createSweep();
  });

  describe('sweeps and sweep', () => {
    let ownId: string;
    let cityWideId: string;
    let otherId: string;
    let draftId: string;
    let northInspector: OfficerRecord;

    beforeAll(async () => {
      await w.app.query('DELETE FROM sweep_assignments');
      await w.app.query(`UPDATE sweeps SET status = 'CLOSED'`);
      ownId = await w.activeSweepAssignedTo(w.east.id, '2020-03-01');
      cityWideId = await w.activeSweepAssignedTo(w.city.id, '2020-02-01');
      otherId = await w.activeSweepAssignedTo(w.west.id, '2020-01-01');
      draftId = await w.createSweep({ startDate: '2020-04-01', endDate: '2020-04-30' });
      await w.setAssignments(draftId, [
        { bureauId: w.east.id, categoryCode: 'CAMPUS_FOOD', target: 1 },
      ]);
      const north = await createBureau(w.app, { parentId: w.east.id, kind: 'SUB_BUREAU' });
      northInspector = await createOfficer(w.app, north.id, ['INSPECTOR']);
    });

    it('shows a sub-bureau inspector the active sweeps assigned to their bureau or the city bureau, not to another sub-bureau', async () => {
      const result = await w.app.gql('ActiveSweeps', {}, { token: w.inspector.token });
      expect(result.errors).toBeUndefined();
      const nodes = result.data!.sweeps.edges.map((edge: { node: any }) => edge.node);
      expect(nodes.map((node: { id: string }) => node.id)).toEqual([ownId, cityWideId]);
      expect(result.data!.sweeps.totalCount).toBe(2);
      expect(nodes[0]).toMatchObject({
        status: 'ACTIVE',
        exposures: [{ id: w.exposureId, products: [{ brand: '某牌', productName: '大面筋' }] }],
        assignments: [
          {
            bureau: { id: w.east.id, name: '兴庆区分局' },
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
      const result = await w.app.gql('ActiveSweeps', {}, { token: northInspector.token });
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
      const drafts = await w.app.gql(
        query,
        { filter: { status: 'DRAFT' } },
        { token: w.inspector.token },
      );
      expect(drafts.data!.sweeps.edges.map((edge: { node: any }) => edge.node.id)).toEqual([
        draftId,
      ]);

      const all = await w.app.gql(query, { first: 100 }, { token: w.inspector.token });
      const expected = all.data!.sweeps.edges.map((edge: { node: any }) => edge.node.id);
      expect(expected.length).toBeGreaterThan(5);
      const paged: string[] = [];
      let after: string | undefined;
      do {
        const page = await w.app.gql(query, { first: 2, after }, { token: w.inspector.token });
        expect(page.errors).toBeUndefined();
        expect(page.data!.sweeps.totalCount).toBe(expected.length);
        paged.push(...page.data!.sweeps.edges.map((edge: { node: any }) => edge.node.id));
        after = page.data!.sweeps.pageInfo.hasNextPage
          ? page.data!.sweeps.pageInfo.endCursor
          : undefined;
      } while (after);
      expect(paged).toEqual(expected);

      const otherExposure = await w.app.gql(
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
        { token: w.manager.token },
      );
      const pharmacistExposure = otherExposure.data!.recordExposure.exposure.id as string;
      const pharmacistSweep = await w.createSweep({
        exposureIds: [pharmacistExposure],
        categoryCodes: ['PHARMACIST_CERTIFICATES'],
      });
      const byExposure = await w.app.gql(
        query,
        { filter: { exposureId: pharmacistExposure } },
        { token: w.inspector.token },
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
        const result = await w.app.gql(query, { after }, { token: w.inspector.token });
        expect(result.data).toBeNull();
        expect(result.errors?.[0].extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          fields: [{ path: 'after' }],
        });
      }
      const valid = await w.app.gql(
        query,
        { after: cursor(['2019-03-18', '00000000-0000-4000-8000-000000000000']) },
        { token: w.inspector.token },
      );
      expect(valid.errors).toBeUndefined();
    });

    it('reads one sweep by id, and NOT_FOUND for an unknown one', async () => {
      const query = `query($id: ID!) { sweep(id: $id) { id code leadBureau { id } } }`;
      const found = await w.app.gql(query, { id: otherId }, { token: w.inspector.token });
      expect(found.data!.sweep).toMatchObject({ id: otherId, leadBureau: { id: w.city.id } });
      const missing = await w.app.gql(
        query,
        { id: '00000000-0000-4000-8000-000000000000' },
        { token: w.inspector.token },
      );
      expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    });

    it('issues the same number of SQL statements for 100 active sweeps as for 5', async () => {
      await w.app.query(
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
        [w.city.id, w.east.id, w.exposureId],
      );
      const statements = async (first: number) => {
        const { result, count } = await countStatements(w.app, () =>
          w.app.gql('ActiveSweeps', { first }, { token: w.inspector.token }),
        );
        expect(result.errors).toBeUndefined();
        expect(result.data!.sweeps.edges).toHaveLength(first);
        return count;
      };
      const small = await statements(5);
      const large = await statements(100);
      expect(small).toBeGreaterThan(0);
      expect(large).toBe(small);
    });
  });
});
