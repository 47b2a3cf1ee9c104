import { op } from '../helpers/contract';
import { startTestApp, TestApp } from '../helpers/test-app';
import { countStatements } from '../helpers/statements';
import { categoryIds, createPremises, createSweep } from '../factories/field-work';
import { cityBureau, createBureau, createOfficer, OfficerRecord } from '../factories/people';

/**
 * No N+1 (N+1 查询) in any list of the contract: each list operation is sent with a page of 5 and a
 * page of 100 (or the largest the query cost limit allows) over more than 100 rows, and the number of SQL statements the service sends must be
 * the same. The app runs in this process, so a spy on pg's `Client.prototype.query` sees every
 * statement. A new list operation is one more row of LISTS.
 */
const ROWS = 105;

interface World {
  inspector: OfficerRecord;
  partner: OfficerRecord;
  manager: OfficerRecord;
  premisesWithHistory: string;
  sweepId: string;
}

interface ListCase {
  operation: string;
  caller: (world: World) => OfficerRecord;
  /** The document for a page size; defaults to the contract operation with `first` as variable. */
  document?: (first: number) => string;
  variables: (world: World, first: number) => Record<string, unknown>;
  /** The larger page size when the query cost limit (graphql-armor) refuses 100; default 100. */
  largePage?: number;
  /** The nodes of the page, to check the page really has `first` rows. */
  nodes: (data: Record<string, any>) => unknown[];
}

const LISTS: ListCase[] = [
  {
    operation: 'ActiveSweeps',
    caller: (world) => world.inspector,
    variables: (_world, first) => ({ first }),
    nodes: (data) => data.sweeps.edges,
  },
  {
    operation: 'SearchPremises',
    caller: (world) => world.inspector,
    variables: (_world, first) => ({ filter: { search: '食品' }, first }),
    nodes: (data) => data.premisesList.edges,
  },
  {
    operation: 'PremisesDetail',
    caller: (world) => world.inspector,
    // The contract asks for 10 inspections; the page size of the nested list is what varies here.
    document: (first) =>
      op('PremisesDetail').replace('inspections(first: 10)', `inspections(first: ${first})`),
    // 100 nested inspections with their findings exceed the query cost limit of 5000.
    largePage: 30,
    variables: (world) => ({ id: world.premisesWithHistory }),
    nodes: (data) => data.premises.inspections.edges,
  },
  {
    operation: 'MyBureauOpenFindings',
    caller: (world) => world.inspector,
    variables: (_world, first) => ({ first }),
    nodes: (data) => data.findings.edges,
  },
  {
    operation: 'OverdueFindings',
    caller: (world) => world.manager,
    variables: (world, first) => ({ sweepId: world.sweepId, first }),
    nodes: (data) => data.findings.edges,
  },
  {
    // Sweep.progress over every sweep of the page: batched, so a fixed number of statements.
    operation: 'ActiveSweepsProgress',
    caller: (world) => world.manager,
    document: (first) => op('ActiveSweepsProgress').replace('first: 50', `first: ${first}`),
    largePage: 50,
    variables: () => ({ from: '2019-03-16', to: '2019-03-31' }),
    nodes: (data) => data.sweeps.edges,
  },
  {
    // Case.clocks of every case of the page: batched per request (CaseClocksService.clocksLoader).
    operation: 'CasesWithClocks',
    caller: (world) => world.manager,
    document: (first) =>
      `{ cases(first: ${first}) { edges { node { id clocks { kind dueOn overdue } } } } }`,
    variables: () => ({}),
    nodes: (data) => data.cases.edges,
  },
  {
    operation: 'Exposures',
    caller: (world) => world.manager,
    variables: (_world, first) => ({ first }),
    nodes: (data) => data.exposures.edges,
  },
];

/**
 * More than 100 of everything, in set-based SQL: active sweeps assigned to the inspector's bureau
 * with an exposure each, premises named 食品店, and one premises with 105 inspections of two 2019
 * findings each (open and past their decision due date, so overdue).
 */
async function buildWorld(app: TestApp): Promise<World> {
  const city = await cityBureau(app);
  const bureau = await createBureau(app, { name: '兴庆区分局' });
  const inspector = await createOfficer(app, bureau.id, ['INSPECTOR']);
  // 两名执法人员: an inspection is by at least two officers.
  const partner = await createOfficer(app, bureau.id, ['INSPECTOR']);
  const manager = await createOfficer(app, city.id, ['MANAGER']);
  const categories = await categoryIds(app);
  const category = categories.get('SEASONED_FLOUR_PRODUCTS')!;
  const sweep = await createSweep(app, { leadBureauId: city.id });
  await app.query(
    `WITH new_sweeps AS (
       INSERT INTO sweeps (code, title, lead_bureau_id, status, start_date, end_date, activated_at)
       SELECT 'N1-' || n, '专项检查 ' || n, $1, 'ACTIVE', '2019-03-16', '2019-04-30', now()
       FROM generate_series(1, $3::int) n RETURNING id, code
     ), new_exposures AS (
       INSERT INTO exposures (title, source, exposed_on, involves_jurisdiction)
       SELECT 'N1-' || n, 'CCTV_315_GALA', '2019-03-15', false
       FROM generate_series(1, $3::int) n RETURNING id, title
     ), products AS (
       INSERT INTO exposed_products (exposure_id, product_name) SELECT id, '辣条' FROM new_exposures
     ), links AS (
       INSERT INTO sweep_exposures (sweep_id, exposure_id)
       SELECT s.id, e.id FROM new_sweeps s JOIN new_exposures e ON e.title = s.code
     ), sweep_categories_rows AS (
       INSERT INTO sweep_categories (sweep_id, category_id)
       SELECT s.id, c.id FROM new_sweeps s CROSS JOIN target_categories c
     )
     INSERT INTO sweep_assignments (sweep_id, bureau_id, category_id, target)
     SELECT s.id, $2, c.id, 10 FROM new_sweeps s CROSS JOIN target_categories c`,
    [city.id, bureau.id, ROWS],
  );
  await app.query(
    `INSERT INTO premises (name, kind, bureau_id, address, risk_level)
     SELECT '解放街食品店' || n, 'FOOD_RETAILER', $1, '兴庆区解放街' || n || '号', 'B'
     FROM generate_series(1, $2::int) n`,
    [bureau.id, ROWS],
  );
  // Every premises of the search has a last inspection, so that field is loaded for each row.
  await app.query(
    `INSERT INTO inspections (sweep_id, category_id, premises_id, bureau_id, officer_ids, recorded_by_id, inspected_at, outcome, checklist)
     SELECT $1, $2, p.id, p.bureau_id, ARRAY[$3::uuid, $5::uuid], $3, '2019-03-20T02:00:00Z', 'COMPLIANT', '[]'
     FROM premises p WHERE p.bureau_id = $4`,
    [sweep.id, category, inspector.id, bureau.id, partner.id],
  );
  const history = await createPremises(app, { bureauId: bureau.id, name: '老街副食品店' });
  await app.query(
    `WITH visits AS (
       INSERT INTO inspections (sweep_id, category_id, premises_id, bureau_id, officer_ids, recorded_by_id, inspected_at, outcome, checklist)
       SELECT $1, $2, $3, $4, ARRAY[$5::uuid, $7::uuid], $5, timestamptz '2019-03-16T02:00:00Z' + n * interval '1 hour', 'ISSUES_FOUND', '[]'
       FROM generate_series(1, $6::int) n RETURNING id, sweep_id, category_id, premises_id, bureau_id, recorded_by_id
     )
     INSERT INTO findings (inspection_id, sweep_id, bureau_id, premises_id, category_id, violation_type_code, severity, description,
       status, version, found_on, case_decision_due, rectification_ordered, voided, created_by_id)
     SELECT v.id, v.sweep_id, v.bureau_id, v.premises_id, v.category_id, t.code, 'MAJOR', '检查发现的问题',
       'OPEN', 1, '2019-03-20', '2019-04-10', false, false, v.recorded_by_id
     FROM visits v CROSS JOIN (VALUES ('THREE_NO_PRODUCTS'), ('EXPIRED_FOOD')) t(code)`,
    [sweep.id, category, history.id, bureau.id, inspector.id, ROWS, partner.id],
  );
  // A case (案件) filed on each finding of the first 105 visits, for the clocks of a case list.
  await app.query(
    `WITH chosen AS (
       SELECT DISTINCT ON (f.inspection_id) f.id, f.bureau_id, f.premises_id, f.sweep_id, f.found_on,
         row_number() OVER (ORDER BY f.inspection_id) AS n
       FROM findings f WHERE f.premises_id = $1 ORDER BY f.inspection_id, f.id
     ), made AS (
       INSERT INTO cases (case_number, bureau_id, premises_id, sweep_id, status, filed_on, approved_by_id,
         filing_started_on, created_by_id)
       SELECT '测立〔2019〕' || n || '号', bureau_id, premises_id, sweep_id, 'FILED', '2019-03-22', $2, found_on, $2
       FROM chosen RETURNING id, case_number
     )
     UPDATE findings f SET case_id = m.id, filing_decision = 'FILED', filing_decided_on = '2019-03-22'
     FROM chosen c JOIN made m ON m.case_number = '测立〔2019〕' || c.n || '号' WHERE f.id = c.id`,
    [history.id, manager.id],
  );
  return { inspector, partner, manager, premisesWithHistory: history.id, sweepId: sweep.id };
}

describe('SQL statements of the contract lists', () => {
  let app: TestApp;
  let world: World;

  beforeAll(async () => {
    app = await startTestApp();
    world = await buildWorld(app);
    // The process reads the reference data once and keeps it while its version holds: read it
    // here, so the first list measured does not pay for it and the second not.
    const reference = await app.gql(
      '{ violationTypes { code } }',
      {},
      { token: world.inspector.token },
    );
    expect(reference.errors).toBeUndefined();
  });

  afterAll(async () => {
    await app?.close();
  });

  /** Sends the list with a page of `first` and returns how many SQL statements it took. */
  async function statements(list: ListCase, first: number): Promise<number> {
    const { result, count } = await countStatements(app, () =>
      app.gql(list.document ? list.document(first) : list.operation, list.variables(world, first), {
        token: list.caller(world).token,
      }),
    );
    expect(result.errors).toBeUndefined();
    expect(list.nodes(result.data!)).toHaveLength(first);
    return count;
  }

  it.each(LISTS.map((list) => [list.operation, list]))(
    '%s reads a large page in as many SQL statements as a page of 5',
    async (_name, list) => {
      const small = await statements(list, 5);
      const large = await statements(list, list.largePage ?? 100);
      expect(small).toBeGreaterThan(0);
      expect(large).toBe(small);
    },
  );
});
