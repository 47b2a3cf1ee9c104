import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, getNamedType, isObjectType } from 'graphql';
import { createPremises, createSweep } from '../factories/field-work';
import { proposedOp } from '../helpers/contract';
import { createFieldWorld, type FieldWorld, logInspection } from '../helpers/field-world';
import { startTestApp, type GraphQLResponse, type TestApp } from '../helpers/test-app';

/**
 * Scope however a record is reached (管辖范围): every object field whose type is a
 * jurisdiction-bound record must be proven to hand a caller nothing outside their jurisdiction. The
 * table below names each such field of the schema with its proof; a new field of such a type fails
 * the first test until it gets one. The world moves a premises from bureau A to bureau B after A
 * inspected it (as importPremises does with a row of another bureau), the case that once leaked B's
 * inspections to A's inspectors through nested fields.
 */
const SCHEMA_FILE = join(__dirname, '..', '..', 'schema.graphql');

const BOUND_TYPES = [
  'Premises',
  'Inspection',
  'Finding',
  'FollowUp',
  'InspectionPlan',
  'Evidence',
  'Case',
  'Clue',
  'Sample',
  'CompulsoryMeasure',
  'ConflictOfInterestDeclaration',
];

type Proof =
  /** Proven by a scenario of this file, named by its test. */
  | { scenario: string }
  /** The child is the parent's bureau by construction; the SQL counts rows that would break it. */
  | { sameBureau: string }
  /** A list or root field whose own scope a named test of another file proves. */
  | { covered: { file: string; test: string } };

const CLUE_SCENARIO =
  'shows a clue’s premises, links and filing only within the reader’s jurisdiction, after a move and a transfer';

const SAMPLE_SCENARIO =
  'shows a sample by id, on its inspection and behind a finding only within the reader’s jurisdiction';

const DECLARATION_SCENARIO =
  'warns of a declared officer on an inspection only to those who may read the inspection';

const SAMPLE_OF_INSPECTION = `SELECT count(*)::int AS n FROM samples s JOIN inspections i ON i.id = s.inspection_id WHERE s.bureau_id <> i.bureau_id`;

const MEASURE_OF_FINDING = `SELECT count(*)::int AS n FROM compulsory_measures m JOIN findings f ON f.id = m.finding_id WHERE m.bureau_id <> f.bureau_id`;

const PROOFS: Record<string, Proof> = {
  'Inspection.premises': { scenario: 'hides a moved premises behind the inspection that saw it' },
  'Premises.inspections': { scenario: 'lists only the inspections of the caller’s jurisdiction' },
  'Premises.lastInspection': {
    scenario: 'lists only the inspections of the caller’s jurisdiction',
  },
  'InspectionPlanVisit.premises': {
    scenario: 'hides a drawn premises that moved, and the visit of its new bureau',
  },
  'InspectionPlanVisit.inspection': {
    scenario: 'hides a drawn premises that moved, and the visit of its new bureau',
  },
  'Sweep.carriedOverFindings': {
    scenario: 'carries over only the findings of the caller’s jurisdiction',
  },
  'Finding.inspection': {
    sameBureau: `SELECT count(*)::int AS n FROM findings f JOIN inspections i ON i.id = f.inspection_id WHERE f.bureau_id <> i.bureau_id`,
  },
  'Inspection.findings': {
    sameBureau: `SELECT count(*)::int AS n FROM findings f JOIN inspections i ON i.id = f.inspection_id WHERE f.bureau_id <> i.bureau_id`,
  },
  'Finding.followUps': {
    // A follow-up has no bureau of its own: it is read only through its finding.
    sameBureau: `SELECT count(*)::int AS n FROM follow_ups u LEFT JOIN findings f ON f.id = u.finding_id WHERE f.id IS NULL`,
  },
  'Finding.evidence': {
    // Evidence metadata is a column of the finding itself.
    sameBureau: `SELECT 0 AS n`,
  },
  'ExposedProductAlert.finding': {
    covered: {
      file: 'alerts.e2e-spec.ts',
      test: 'answers an inspector’s or supervisor’s subscription with FORBIDDEN',
    },
  },
  'ExposedProductAlert.inspection': {
    covered: {
      file: 'alerts.e2e-spec.ts',
      test: 'answers an inspector’s or supervisor’s subscription with FORBIDDEN',
    },
  },
  'ExposedProductAlert.premises': {
    covered: {
      file: 'alerts.e2e-spec.ts',
      test: 'answers an inspector’s or supervisor’s subscription with FORBIDDEN',
    },
  },
  'PharmacistConflict.pharmacies': {
    covered: {
      file: 'certificate-renting.e2e-spec.ts',
      test: 'shows an inspector only the pharmacies of their jurisdiction and counts the others',
    },
  },
  'Query.premises': { scenario: 'hides a moved premises behind the inspection that saw it' },
  'Query.finding': {
    covered: {
      file: 'authorization-matrix.e2e-spec.ts',
      test: 'lists an INSPECTOR or SUPERVISOR sends show only their jurisdiction',
    },
  },
  'Query.findings': {
    covered: {
      file: 'authorization-matrix.e2e-spec.ts',
      test: 'lists an INSPECTOR or SUPERVISOR sends show only their jurisdiction',
    },
  },
  'Query.premisesList': {
    covered: {
      file: 'authorization-matrix.e2e-spec.ts',
      test: 'lists an INSPECTOR or SUPERVISOR sends show only their jurisdiction',
    },
  },
  'Query.inspection': {
    covered: {
      file: 'frontend-lists.e2e-spec.ts',
      test: 'inspection, exposure and bureau by id; an inspection outside the scope is NOT_FOUND',
    },
  },
  'Query.inspectionPlan': {
    covered: {
      file: 'selection-scope.e2e-spec.ts',
      test: 'shows plans only within the reader’s jurisdiction',
    },
  },
  'Finding.case': {
    // A case groups findings of one premises, filed by the bureau that holds them.
    sameBureau: `SELECT count(*)::int AS n FROM findings f JOIN cases c ON c.id = f.case_id WHERE f.bureau_id <> c.bureau_id`,
  },
  'Case.findings': {
    sameBureau: `SELECT count(*)::int AS n FROM findings f JOIN cases c ON c.id = f.case_id WHERE f.bureau_id <> c.bureau_id`,
  },
  'Case.premises': {
    // Loaded through the premises loader of the request's scope, as Inspection.premises is.
    scenario: 'hides a moved premises behind the inspection that saw it',
  },
  'Query.case': {
    covered: {
      file: 'cases-decision.e2e-spec.ts',
      test: 'lists the work queue by nearest due day, filtered by overdue clock, in scope only',
    },
  },
  'Query.cases': {
    covered: {
      file: 'cases-decision.e2e-spec.ts',
      test: 'lists the work queue by nearest due day, filtered by overdue clock, in scope only',
    },
  },
  'Query.inspectionPlans': {
    covered: {
      file: 'selection-scope.e2e-spec.ts',
      test: 'shows plans only within the reader’s jurisdiction',
    },
  },
  'Query.inspectionPlansForPublication': {
    covered: {
      file: 'selection-publication.e2e-spec.ts',
      test: 'lists plans due and overdue for publication, earliest due first, within the jurisdiction',
    },
  },
  'InspectionPlan.supersedes': {
    // A redraw is of the same sweep, bureau and category as the plan it supersedes.
    sameBureau: `SELECT count(*)::int AS n FROM inspection_plans a JOIN inspection_plans b ON b.id = a.supersedes_id WHERE a.bureau_id <> b.bureau_id`,
  },
  'InspectionPlan.supersededBy': {
    sameBureau: `SELECT count(*)::int AS n FROM inspection_plans a JOIN inspection_plans b ON b.id = a.superseded_by_id WHERE a.bureau_id <> b.bureau_id`,
  },
  // A sample takes its inspection's bureau when recorded (SamplesService.record) and keeps it.
  'Sample.inspection': { sameBureau: SAMPLE_OF_INSPECTION },
  'Inspection.samples': { sameBureau: SAMPLE_OF_INSPECTION },
  // A measure takes its finding's bureau when imposed (CompulsoryMeasuresService.impose).
  'CompulsoryMeasure.finding': { sameBureau: MEASURE_OF_FINDING },
  'Finding.compulsoryMeasures': { sameBureau: MEASURE_OF_FINDING },
  'Case.compulsoryMeasures': {
    // The measures of a case's findings, each of its finding's bureau, which is the case's.
    sameBureau: `SELECT count(*)::int AS n FROM compulsory_measures m JOIN findings f ON f.id = m.finding_id JOIN cases c ON c.id = f.case_id WHERE m.bureau_id <> c.bureau_id`,
  },
  // A finding may rest on a sample of another bureau (restRefusal asks only for the same premises,
  // so a manager can join records made before and after a move): the sample is scoped on its own.
  'Finding.sample': { scenario: SAMPLE_SCENARIO },
  'Query.sample': { scenario: SAMPLE_SCENARIO },
  'Query.samples': {
    covered: {
      file: 'samples.e2e-spec.ts',
      test: 'keeps samples of another jurisdiction out of reach: NOT_FOUND to record, read or report',
    },
  },
  'Query.compulsoryMeasure': {
    covered: {
      file: 'compulsory-measures.e2e-spec.ts',
      test: 'shows another bureau nothing, and reading one of them is NOT_FOUND',
    },
  },
  'Query.compulsoryMeasures': {
    covered: {
      file: 'compulsory-measures.e2e-spec.ts',
      test: 'shows another bureau nothing, and reading one of them is NOT_FOUND',
    },
  },
  'Query.clue': {
    covered: {
      file: 'clues.e2e-spec.ts',
      test: 'is NOT_FOUND outside the jurisdiction, by clue and by node, and found by node inside it',
    },
  },
  'Query.clues': {
    covered: {
      file: 'clues.e2e-spec.ts',
      test: 'lists clues by due day, overdue first, filtered, paged with cursors, within the jurisdiction',
    },
  },
  // A clue transferred to another bureau stays linked to the inspections of the first.
  'Inspection.clues': { scenario: CLUE_SCENARIO },
  'CompulsoryMeasureDisposalRecord.case': {
    // The disposal's case is the decided case of the measure's own finding.
    sameBureau: `SELECT count(*)::int AS n FROM compulsory_measures m JOIN cases c ON c.id = m.disposal_case_id WHERE m.bureau_id <> c.bureau_id`,
  },
  'Clue.premises': { scenario: CLUE_SCENARIO },
  'Clue.inspections': { scenario: CLUE_SCENARIO },
  'Clue.findings': { scenario: CLUE_SCENARIO },
  // A FILED clue can no longer be transferred (workflow.ts: transfers only from RECEIVED), so its
  // filed case and finding fall outside its reader's jurisdiction only when the decision names a
  // record of the clue's premises that another bureau made before the premises moved.
  'Clue.filedCase': { scenario: CLUE_SCENARIO },
  'Clue.filedFinding': { scenario: CLUE_SCENARIO },
  'Query.conflictOfInterestDeclarations': {
    covered: {
      file: 'selection-declarations.e2e-spec.ts',
      test: 'lists declarations within the jurisdiction, filtered and paged',
    },
  },
  // Read whole, as the inspection is (docs/selection.md): the declarations in force between one of
  // its own officers and its premises, so they reach no one who cannot read the inspection.
  'Inspection.conflictsOfInterest': { scenario: DECLARATION_SCENARIO },
  'ConflictOfInterestDeclaration.premises': {
    covered: {
      file: 'selection-declarations.e2e-spec.ts',
      test: 'hides a declared premises outside the reader’s jurisdiction',
    },
  },
};

/**
 * Edges, a connection's `nodes` (its edges without cursors) and mutation payloads hand back what
 * their list or mutation scoped already.
 */
function isEdgeOrPayload(typeName: string): boolean {
  return (
    typeName.endsWith('Edge') ||
    typeName.endsWith('Connection') ||
    typeName.endsWith('Payload') ||
    typeName === 'Mutation'
  );
}

function boundFields(): string[] {
  const schema = buildSchema(readFileSync(SCHEMA_FILE, 'utf8'));
  return Object.values(schema.getTypeMap())
    .filter(
      (type) => isObjectType(type) && !type.name.startsWith('__') && !isEdgeOrPayload(type.name),
    )
    .flatMap((type) =>
      Object.values((type as import('graphql').GraphQLObjectType).getFields())
        .filter((field) => {
          const named = getNamedType(field.type).name.replace(/Connection$/, '');
          return BOUND_TYPES.includes(named);
        })
        .map((field) => `${type.name}.${field.name}`),
    )
    .sort();
}

const errorAt = (result: GraphQLResponse, path: (string | number)[]) =>
  result.errors?.find((error) => JSON.stringify(error.path) === JSON.stringify(path))?.extensions
    ?.code;

/**
 * Sends a mutation of the contract, or of the proposed operations (docs/contract-next) when named
 * `next`, that must succeed; returns its payload.
 */
async function sent<T = Record<string, any>>(
  app: TestApp,
  operation: string,
  input: Record<string, unknown>,
  token: string,
  next = false,
): Promise<T> {
  const result = await app.gql(
    next ? proposedOp(operation) : operation,
    { input: { idempotencyKey: randomUUID(), ...input } },
    { token },
  );
  const field = operation[0].toLowerCase() + operation.slice(1);
  if (!result.data?.[field]) throw new Error(JSON.stringify(result.errors));
  return result.data[field] as T;
}

/** The records of bureau A that the clue scenario names and the new invariants are checked over. */
interface RecordsOfA {
  sweep: { id: string; categoryId: string };
  shop: { id: string };
  inspection: { id: string; findings: { id: string }[] };
  caseId: string;
}

/**
 * In a sweep of its own (so the world's sweep keeps its findings): bureau A inspects a shop of its
 * own with a finding, takes a sample, seizes goods, files and decides a case (没收) and confiscates
 * the goods by it, each through its operation.
 */
async function recordInBureauA(app: TestApp, world: FieldWorld): Promise<RecordsOfA> {
  const ownSweep = await createSweep(app, { leadBureauId: world.city.id });
  const sweep = {
    id: ownSweep.id,
    categoryId: ownSweep.categoryIds.get('SEASONED_FLOUR_PRODUCTS')!,
  };
  const shop = await createPremises(app, { bureauId: world.bureauA.id, name: '南门副食店' });
  const inspection = await logInspection(app, world, {
    sweepId: sweep.id,
    categoryId: sweep.categoryId,
    premisesId: shop.id,
    notes: '兴庆区分局的核查记录',
  });
  const findingId = inspection.findings[0].id;
  const head = world.supervisorA;
  await sent(
    app,
    'RecordSample',
    {
      inspectionId: inspection.id,
      method: 'LAB_TEST',
      sampleNumber: 'XQ2019-0901',
      product: {
        kind: 'FOOD',
        productName: '香辣条',
        productionDate: '2019-03-01',
        shelfLife: '9个月',
        producerName: '平江县某某食品有限公司',
        producerLicence: 'SC10643062600123',
      },
      takenOn: '2019-03-20',
      labName: '市食品药品检验所',
    },
    world.inspectorA.token,
    true,
  );
  const measure = await sent<{ compulsoryMeasure: { id: string } }>(
    app,
    'ImposeCompulsoryMeasure',
    {
      findingId,
      kind: 'SEIZE',
      decisionNumber: '银兴市监扣〔2019〕901号',
      decidedOn: '2019-03-21',
      approvedById: head.id,
      approvedOn: '2019-03-21',
      officerIds: [world.inspectorA.id, world.inspectorA2.id],
      items: [{ product: '辣条', quantity: 40, unit: '袋', value: '200', custodyPlace: '现场' }],
    },
    world.inspectorA.token,
    true,
  );
  const opened = await sent<{ case: { id: string; version: number } }>(
    app,
    'OpenCase',
    {
      findings: [{ findingId, expectedVersion: 1 }],
      caseNumber: '银兴市监立〔2019〕901号',
      filedOn: '2019-03-22',
      approvedById: head.id,
    },
    head.token,
  );
  await sent(
    app,
    'DecideCase',
    {
      caseId: opened.case.id,
      expectedVersion: opened.case.version,
      decisionNumber: '银兴市监罚〔2019〕901号',
      decidedOn: '2019-04-10',
      penalties: ['FINE', 'CONFISCATE_ILLEGAL_PROPERTY'],
      fine: '2000.00',
      confiscatedGoodsValue: '200.00',
    },
    head.token,
  );
  await sent(
    app,
    'DisposeCompulsoryMeasure',
    {
      measureId: measure.compulsoryMeasure.id,
      expectedVersion: 1,
      disposedOn: '2019-04-11',
      disposal: 'CONFISCATED',
    },
    head.token,
    true,
  );
  return { sweep, shop, inspection, caseId: opened.case.id };
}

describe('scope however a record is reached', () => {
  let app: TestApp;
  let world: FieldWorld;
  let inspectionA: { id: string; findings: { id: string }[] };
  let inspectionB: { id: string; findings: { id: string }[] };
  let planId: string;
  let recordsOfA: RecordsOfA;

  beforeAll(async () => {
    app = await startTestApp();
    world = await createFieldWorld(app);
    // Bureau A's supervisor draws shop A for a visit, then A inspects it with a finding.
    const drawn = await app.gql(
      `mutation Draw($input: DrawInspectionPlanInput!) { drawInspectionPlan(input: $input) { plan { id visits { premises { id } } } } }`,
      {
        input: {
          idempotencyKey: randomUUID(),
          sweepId: world.sweep.id,
          bureauId: world.bureauA.id,
          categoryCode: 'SEASONED_FLOUR_PRODUCTS',
          sampling: ['A', 'B', 'C', 'D', 'UNGRADED'].map((riskClass) => ({
            riskClass,
            ratio: '1',
          })),
        },
      },
      { token: world.manager.token },
    );
    if (!drawn.data?.drawInspectionPlan) throw new Error(JSON.stringify(drawn.errors));
    planId = drawn.data.drawInspectionPlan.plan.id as string;
    inspectionA = await logInspection(app, world, { notes: '兴庆区分局的检查记录' });
    // The premises moves to bureau B (an import row naming B), and B inspects it there.
    await app.query(`UPDATE premises SET bureau_id = $1 WHERE id = $2`, [
      world.bureauB.id,
      world.shopA.id,
    ]);
    inspectionB = await logInspection(
      app,
      world,
      {
        officerIds: [world.inspectorB.id, world.supervisorB.id],
        notes: '金凤区分局的检查记录',
        inspectedAt: '2019-03-25T02:00:00Z',
      },
      world.inspectorB.token,
    );
    recordsOfA = await recordInBureauA(app, world);
  }, 120_000);
  afterAll(() => app.close());

  it('has a proof for every field that returns a jurisdiction-bound record', () => {
    const fields = boundFields();
    expect(fields.filter((field) => !PROOFS[field])).toEqual([]);
    expect(Object.keys(PROOFS).filter((field) => !fields.includes(field))).toEqual([]);
  });

  it('holds the same-bureau invariants the table relies on', async () => {
    for (const [field, proof] of Object.entries(PROOFS)) {
      if (!('sameBureau' in proof)) continue;
      const [{ n }] = await app.query<{ n: number }>(proof.sameBureau);
      expect({ field, broken: n }).toEqual({ field, broken: 0 });
    }
    const [held] = await app.query<Record<string, number>>(
      `SELECT (SELECT count(*)::int FROM samples) AS samples,
              (SELECT count(*)::int FROM compulsory_measures) AS measures,
              (SELECT count(*)::int FROM compulsory_measures WHERE disposal_case_id IS NOT NULL) AS disposals,
              (SELECT count(*)::int FROM compulsory_measures m JOIN findings f ON f.id = m.finding_id
                WHERE f.case_id IS NOT NULL) AS "measuresInCases"`,
    );
    expect(held).toEqual({ samples: 1, measures: 1, disposals: 1, measuresInCases: 1 });
  });

  it('names tests that exist for the fields other files prove', () => {
    for (const [field, proof] of Object.entries(PROOFS)) {
      if (!('covered' in proof)) continue;
      const text = readFileSync(join(__dirname, proof.covered.file), 'utf8');
      expect({ field, found: text.includes(proof.covered.test) }).toEqual({ field, found: true });
    }
  });

  it('hides a moved premises behind the inspection that saw it', async () => {
    const direct = await app.gql(
      `query P($id: ID!) { premises(id: $id) { id name } }`,
      { id: world.shopA.id },
      { token: world.inspectorA.token },
    );
    expect(direct.data?.premises).toBeNull();
    expect(errorAt(direct, ['premises'])).toBe('NOT_FOUND');

    const nested = await app.gql(
      `query F($id: ID!) { finding(id: $id) { id inspection { id notes premises { id name inspections(first: 10) { edges { node { id notes } } } } } } }`,
      { id: inspectionA.findings[0].id },
      { token: world.inspectorA.token },
    );
    expect(errorAt(nested, ['finding', 'inspection', 'premises'])).toBe('NOT_FOUND');
    expect(JSON.stringify(nested.data)).not.toContain('金凤区分局的检查记录');
    expect(JSON.stringify(nested.data)).not.toContain('解放街食品店');
  });

  it('lists only the inspections of the caller’s jurisdiction', async () => {
    const read = (token: string) =>
      app.gql(
        `query P($id: ID!) { premises(id: $id) { id inspections(first: 10) { totalCount edges { node { id notes } } } lastInspection { id notes } } }`,
        { id: world.shopA.id },
        { token },
      );
    const byB = await read(world.inspectorB.token);
    const notes = byB.data?.premises.inspections.edges.map(
      (edge: { node: { notes: string } }) => edge.node.notes,
    );
    expect(notes).toEqual(['金凤区分局的检查记录']);
    expect(byB.data?.premises.inspections.totalCount).toBe(1);
    expect(byB.data?.premises.lastInspection.notes).toBe('金凤区分局的检查记录');
    const byManager = await read(world.manager.token);
    expect(byManager.data?.premises.inspections.totalCount).toBe(2);
  });

  it('hides a drawn premises that moved, and the visit of its new bureau', async () => {
    const plan = await app.gql(
      `query Plan($id: ID!) { inspectionPlan(id: $id) { id visits { position premises { id } inspection { id notes } } } }`,
      { id: planId },
      { token: world.inspectorA.token },
    );
    expect(JSON.stringify(plan.data)).not.toContain('金凤区分局的检查记录');
    expect(JSON.stringify(plan.data)).not.toContain(world.shopA.id);
    const codes = (plan.errors ?? []).map((error) => error.extensions?.code);
    expect(codes.length).toBeGreaterThan(0);
    expect(new Set(codes)).toEqual(new Set(['NOT_FOUND']));
  });

  it(SAMPLE_SCENARIO, async () => {
    // The city manager records a sample on A's inspection of the shop from before the move (the
    // sample is A's), then rests B's finding there on it: the same premises, whichever bureau.
    const { sample } = await sent<{ sample: { id: string } }>(
      app,
      'RecordSample',
      {
        inspectionId: inspectionA.id,
        method: 'LAB_TEST',
        sampleNumber: 'XQ2019-0902',
        product: {
          kind: 'FOOD',
          productName: '麻辣面筋',
          productionDate: '2019-03-01',
          shelfLife: '9个月',
          producerName: '平江县某某食品有限公司',
          producerLicence: 'SC10643062600123',
        },
        takenOn: '2019-03-20',
        labName: '市食品药品检验所',
      },
      world.manager.token,
      true,
    );
    const findingOfB = inspectionB.findings[0].id;
    await sent(
      app,
      'RestFindingOnSample',
      { findingId: findingOfB, sampleId: sample.id, expectedVersion: 1 },
      world.manager.token,
      true,
    );
    const read = (token: string) =>
      app.gql(
        `query S($sample: ID!, $finding: ID!, $inspection: ID!) {
          sample(id: $sample) { id sampleNumber }
          finding(id: $finding) { id sample { id sampleNumber } }
          inspection(id: $inspection) { id samples { id sampleNumber } }
        }`,
        { sample: sample.id, finding: findingOfB, inspection: inspectionA.id },
        { token },
      );

    const byB = await read(world.inspectorB.token);
    expect(byB.data?.sample).toBeNull();
    expect(errorAt(byB, ['sample'])).toBe('NOT_FOUND');
    expect(byB.data?.finding).toEqual({ id: findingOfB, sample: null });
    expect(errorAt(byB, ['finding', 'sample'])).toBe('NOT_FOUND');
    expect(errorAt(byB, ['inspection'])).toBe('NOT_FOUND');
    expect(JSON.stringify(byB.data)).not.toContain('XQ2019-0902');

    const byA = await read(world.inspectorA.token);
    expect(byA.data?.sample).toEqual({ id: sample.id, sampleNumber: 'XQ2019-0902' });
    expect(byA.data?.inspection.samples).toEqual([{ id: sample.id, sampleNumber: 'XQ2019-0902' }]);
    expect(errorAt(byA, ['finding'])).toBe('NOT_FOUND');

    const byManager = await read(world.manager.token);
    expect(byManager.errors).toBeUndefined();
    expect(byManager.data?.finding.sample).toEqual({ id: sample.id, sampleNumber: 'XQ2019-0902' });
  });

  it(DECLARATION_SCENARIO, async () => {
    // The city manager records that A's inspector 李娜, on A's visit to the shop, is its keeper's
    // kin; the shop has since moved to B, whose officers now read it and its inspections.
    const { declaration } = await sent<{ declaration: { id: string } }>(
      app,
      'DeclareConflictOfInterest',
      {
        officerId: world.inspectorA2.id,
        premisesId: world.shopA.id,
        reason: 'OTHER',
        reasonText: '该店经营者为其表兄',
        inForceFrom: '2019-01-02',
      },
      world.manager.token,
      true,
    );
    const warnings = (id: string, token: string) =>
      app.gql(
        `query I($id: ID!) { inspection(id: $id) { id conflictsOfInterest { id reasonText officer { id } } } }`,
        { id },
        { token },
      );

    const byA = await warnings(inspectionA.id, world.supervisorA.token);
    expect(byA.data?.inspection.conflictsOfInterest).toEqual([
      {
        id: declaration.id,
        reasonText: '该店经营者为其表兄',
        officer: { id: world.inspectorA2.id },
      },
    ]);

    const byB = await warnings(inspectionA.id, world.supervisorB.token);
    expect(byB.data?.inspection).toBeNull();
    expect(errorAt(byB, ['inspection'])).toBe('NOT_FOUND');
    const throughShop = await app.gql(
      `query P($id: ID!) { premises(id: $id) { inspections(first: 10) { edges { node { id conflictsOfInterest { id reasonText } } } } } }`,
      { id: world.shopA.id },
      { token: world.supervisorB.token },
    );
    expect(throughShop.errors).toBeUndefined();
    expect(throughShop.data?.premises.inspections.edges).toEqual([
      { node: { id: inspectionB.id, conflictsOfInterest: [] } },
    ]);
    for (const hidden of [JSON.stringify(byB.data), JSON.stringify(throughShop.data)]) {
      expect(hidden).not.toContain(declaration.id);
      expect(hidden).not.toContain('该店经营者为其表兄');
    }
  });

  it('carries over only the findings of the caller’s jurisdiction', async () => {
    const closed = await app.gql(
      `mutation C($input: CloseSweepInput!) { closeSweep(input: $input) { sweep { id status } } }`,
      { input: { sweepId: world.sweep.id, carryOverOpenFindings: true } },
      { token: world.manager.token },
    );
    expect(closed.errors).toBeUndefined();
    const read = (token: string) =>
      app.gql(
        `query S($id: ID!) { sweep(id: $id) { carriedOverFindings { id } } }`,
        { id: world.sweep.id },
        { token },
      );
    const byA = await read(world.inspectorA.token);
    const byManager = await read(world.manager.token);
    const idsOf = (result: GraphQLResponse) =>
      new Set(result.data?.sweep.carriedOverFindings.map((finding: { id: string }) => finding.id));
    expect(idsOf(byA)).toEqual(new Set([inspectionA.findings[0].id]));
    expect(idsOf(byManager)).toEqual(
      new Set([inspectionA.findings[0].id, inspectionB.findings[0].id]),
    );
  });

  it(CLUE_SCENARIO, async () => {
    const { sweep, shop, inspection: inspectionOfA, caseId: caseOfA } = recordsOfA;
    const findingOfA = inspectionOfA.findings[0].id;
    const read = (id: string, token: string) =>
      app.gql(
        `query C($id: ID!) { clue(id: $id) { id version premises { id name } inspections { id notes } findings { id } filedCase { id caseNumber } filedFinding { id } } }`,
        { id },
        { token },
      );
    const report = (bureauId: string, token: string) =>
      sent<{ clue: { id: string; version: number } }>(
        app,
        'RegisterClue',
        {
          kind: 'REPORT',
          source: 'PLATFORM_12315',
          receivedOn: '2019-03-18',
          bureauId,
          premisesId: shop.id,
          sweepId: sweep.id,
          categoryId: sweep.categoryId,
          content: '南门副食店销售无标签辣条',
          anonymous: true,
          person: null,
        },
        token,
        true,
      );
    const ids = (rows: { id: string }[]) => rows.map((row) => row.id);

    // Bureau A registers a report on its shop and links its inspection there.
    const { clue } = await report(world.bureauA.id, world.inspectorA.token);
    await sent(
      app,
      'LinkClue',
      { clueId: clue.id, inspectionId: inspectionOfA.id },
      world.inspectorA.token,
      true,
    );
    const before = await read(clue.id, world.inspectorA.token);
    expect(before.data?.clue.premises).toEqual({ id: shop.id, name: '南门副食店' });
    expect(ids(before.data?.clue.inspections)).toEqual([inspectionOfA.id]);
    const cluesOf = async (inspectionId: string, token: string) => {
      const result = await app.gql(
        `query I($id: ID!) { inspection(id: $id) { clues { id } } }`,
        { id: inspectionId },
        { token },
      );
      expect(result.errors).toBeUndefined();
      return ids(result.data?.inspection.clues);
    };
    expect(await cluesOf(inspectionOfA.id, world.inspectorA.token)).toEqual([clue.id]);

    // The shop moves to bureau B: A still reads its clue and inspection, not the premises.
    await app.query(`UPDATE premises SET bureau_id = $1 WHERE id = $2`, [
      world.bureauB.id,
      shop.id,
    ]);
    const moved = await read(clue.id, world.inspectorA.token);
    expect(moved.data?.clue.premises).toBeNull();
    expect(errorAt(moved, ['clue', 'premises'])).toBe('NOT_FOUND');
    expect(ids(moved.data?.clue.inspections)).toEqual([inspectionOfA.id]);
    expect(JSON.stringify(moved.data)).not.toContain(shop.id);

    // B inspects the shop there; A's head transfers the clue to B (转办), and B links its own.
    const inspectionOfB = await logInspection(
      app,
      world,
      {
        sweepId: sweep.id,
        categoryId: sweep.categoryId,
        premisesId: shop.id,
        officerIds: [world.inspectorB.id, world.supervisorB.id],
        notes: '金凤区分局的核查记录',
        inspectedAt: '2019-03-25T02:00:00Z',
      },
      world.inspectorB.token,
    );
    const transferred = await sent<{ clue: { version: number } }>(
      app,
      'TransferClue',
      {
        clueId: clue.id,
        expectedVersion: moved.data?.clue.version,
        transferredOn: '2019-03-26',
        toBureauId: world.bureauB.id,
      },
      world.supervisorA.token,
      true,
    );
    const toB = await read(clue.id, world.inspectorB.token);
    expect(toB.data?.clue.premises).toEqual({ id: shop.id, name: '南门副食店' });
    expect(toB.data?.clue.inspections).toEqual([]);
    await sent(
      app,
      'LinkClue',
      { clueId: clue.id, inspectionId: inspectionOfB.id },
      world.inspectorB.token,
      true,
    );
    // A's inspection still holds the link, but lists the clue only to those who may read it now.
    expect(await cluesOf(inspectionOfA.id, world.inspectorA.token)).toEqual([]);
    expect(await cluesOf(inspectionOfB.id, world.inspectorB.token)).toEqual([clue.id]);
    expect(await cluesOf(inspectionOfA.id, world.manager.token)).toEqual([clue.id]);

    // The city manager files the report on A's case and finding of the same shop (立案), which
    // checkTarget allows: the same premises, whichever bureau made the record.
    await sent(
      app,
      'RecordClueVerification',
      {
        clueId: clue.id,
        expectedVersion: transferred.clue.version,
        outcome: 'FILED',
        decidedOn: '2019-04-12',
        caseId: caseOfA,
        findingId: findingOfA,
      },
      world.manager.token,
      true,
    );
    const byB = await read(clue.id, world.inspectorB.token);
    expect(byB.data?.clue).toMatchObject({
      premises: { id: shop.id },
      inspections: [{ id: inspectionOfB.id, notes: '金凤区分局的核查记录' }],
      findings: [],
      filedCase: null,
      filedFinding: null,
    });
    expect(errorAt(byB, ['clue', 'filedCase'])).toBe('NOT_FOUND');
    expect(errorAt(byB, ['clue', 'filedFinding'])).toBe('NOT_FOUND');
    for (const hidden of [inspectionOfA.id, findingOfA, caseOfA, '兴庆区分局的核查记录'])
      expect(JSON.stringify(byB.data)).not.toContain(hidden);
    expect(errorAt(await read(clue.id, world.inspectorA.token), ['clue'])).toBe('NOT_FOUND');

    const byManager = await read(clue.id, world.manager.token);
    expect(byManager.errors).toBeUndefined();
    expect(byManager.data?.clue).toMatchObject({
      premises: { id: shop.id },
      filedCase: { id: caseOfA, caseNumber: '银兴市监立〔2019〕901号' },
      filedFinding: { id: findingOfA },
      findings: [{ id: findingOfA }],
    });
    expect(ids(byManager.data?.clue.inspections)).toEqual([inspectionOfA.id, inspectionOfB.id]);

    // Inside the jurisdiction an officer sees the filing: B's report filed on B's own case.
    const findingOfB = inspectionOfB.findings[0].id;
    const caseOfB = await sent<{ case: { id: string } }>(
      app,
      'OpenCase',
      {
        findings: [{ findingId: findingOfB, expectedVersion: 1 }],
        caseNumber: '银金市监立〔2019〕902号',
        filedOn: '2019-03-27',
        approvedById: world.supervisorB.id,
      },
      world.supervisorB.token,
    );
    const second = await report(world.bureauB.id, world.inspectorB.token);
    await sent(
      app,
      'RecordClueVerification',
      {
        clueId: second.clue.id,
        expectedVersion: second.clue.version,
        outcome: 'FILED',
        decidedOn: '2019-03-28',
        caseId: caseOfB.case.id,
        findingId: findingOfB,
      },
      world.supervisorB.token,
      true,
    );
    const filedInB = await read(second.clue.id, world.inspectorB.token);
    expect(filedInB.errors).toBeUndefined();
    expect(filedInB.data?.clue).toMatchObject({
      filedCase: { id: caseOfB.case.id },
      filedFinding: { id: findingOfB },
      findings: [{ id: findingOfB }],
    });
  });
});
