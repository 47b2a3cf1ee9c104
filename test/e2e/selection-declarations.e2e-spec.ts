import { randomUUID } from 'node:crypto';
import { shanghaiDay } from '../../src/common/time/shanghai';
import { createInspection, createPremises } from '../factories/field-work';
import { proposedOp } from '../helpers/contract';
import { FieldWorld, refusal, startFieldWorld } from '../helpers/field-world';
import { draw, drawingBureau, input } from '../helpers/selection-world';
import { TestApp } from '../helpers/test-app';
import { countStatements } from '../helpers/statements';

const DECLARE = proposedOp('DeclareConflictOfInterest');
const WITHDRAW = proposedOp('WithdrawConflictOfInterest');
const DECLARATIONS = proposedOp('ConflictOfInterestDeclarations');

interface Declaration {
  id: string;
  reason: string;
  reasonText: string | null;
  inForceFrom: string;
  withdrawnOn: string | null;
  officer: { id: string };
  premises: { id: string } | null;
  declaredBy: { id: string } | null;
  withdrawnBy: { id: string } | null;
}

describe('random dual selection (双随机、一公开): conflict-of-interest declarations (回避)', () => {
  let app: TestApp;
  let world: FieldWorld;
  beforeAll(async () => ({ app, world } = await startFieldWorld()));
  afterAll(() => app.close());

  const today = () => shanghaiDay(new Date());

  async function declare(variables: Record<string, unknown>, token: string) {
    return app.gql<{ declareConflictOfInterest: { replayed: boolean; declaration: Declaration } }>(
      DECLARE,
      {
        input: {
          idempotencyKey: randomUUID(),
          reason: 'KINSHIP',
          inForceFrom: '2019-01-02',
          ...variables,
        },
      },
      { token },
    );
  }

  it('lets an inspector declare for themself, recorded with its audit event and replayed by key', async () => {
    const premises = await createPremises(app, { bureauId: world.bureauA.id, kind: 'PHARMACY' });
    const variables = {
      idempotencyKey: randomUUID(),
      officerId: world.inspectorA.id,
      premisesId: premises.id,
      reason: 'FORMER_EMPLOYMENT',
      inForceFrom: '2019-01-02',
    };
    const first = await declare(variables, world.inspectorA.token);
    expect(first.errors).toBeUndefined();
    const declaration = first.data!.declareConflictOfInterest.declaration;
    expect(declaration).toMatchObject({
      reason: 'FORMER_EMPLOYMENT',
      inForceFrom: '2019-01-02',
      withdrawnOn: null,
      officer: { id: world.inspectorA.id },
      premises: { id: premises.id },
      declaredBy: { id: world.inspectorA.id },
      withdrawnBy: null,
    });
    const again = await declare(variables, world.inspectorA.token);
    expect(again.data!.declareConflictOfInterest).toMatchObject({
      replayed: true,
      declaration: { id: declaration.id },
    });
    const rows = await app.query(
      `SELECT id FROM conflict_of_interest_declarations WHERE premises_id = $1`,
      [premises.id],
    );
    expect(rows).toHaveLength(1);
    const audit = await app.query<{ action: string; actor_id: string }>(
      `SELECT action, actor_id FROM audit_events
        WHERE entity_type = 'ConflictOfInterestDeclaration' AND entity_id = $1`,
      [declaration.id],
    );
    expect(audit).toEqual([
      { action: 'DECLARE_CONFLICT_OF_INTEREST', actor_id: world.inspectorA.id },
    ]);
  });

  it('refuses an inspector declaring for another officer (FORBIDDEN) and lets their supervisor', async () => {
    const premises = await createPremises(app, { bureauId: world.bureauA.id, kind: 'PHARMACY' });
    const refused = await declare(
      { officerId: world.inspectorA2.id, premisesId: premises.id },
      world.inspectorA.token,
    );
    expect(refusal(refused).code).toBe('FORBIDDEN');
    const bySupervisor = await declare(
      { officerId: world.inspectorA2.id, premisesId: premises.id, reason: 'FINANCIAL_INTEREST' },
      world.supervisorA.token,
    );
    expect(bySupervisor.data!.declareConflictOfInterest.declaration).toMatchObject({
      officer: { id: world.inspectorA2.id },
      declaredBy: { id: world.supervisorA.id },
    });
  });

  it('answers NOT_FOUND for an officer or premises outside the caller’s jurisdiction', async () => {
    const premisesA = await createPremises(app, { bureauId: world.bureauA.id, kind: 'PHARMACY' });
    const outsideOfficer = await declare(
      { officerId: world.inspectorB.id, premisesId: premisesA.id },
      world.supervisorA.token,
    );
    expect(refusal(outsideOfficer).code).toBe('NOT_FOUND');
    const outsidePremises = await declare(
      { officerId: world.supervisorA.id, premisesId: world.shopB.id },
      world.supervisorA.token,
    );
    expect(refusal(outsidePremises).code).toBe('NOT_FOUND');
  });

  it('refuses OTHER without words, a day in the future, and a second open declaration (CONFLICT), in both languages', async () => {
    const premises = await createPremises(app, { bureauId: world.bureauA.id, kind: 'PHARMACY' });
    const other = await declare(
      { officerId: world.inspectorA.id, premisesId: premises.id, reason: 'OTHER' },
      world.inspectorA.token,
    );
    expect(refusal(other)).toEqual({ code: 'BAD_USER_INPUT', paths: ['input.reasonText'] });
    const future = await declare(
      { officerId: world.inspectorA.id, premisesId: premises.id, inForceFrom: '2999-01-01' },
      world.inspectorA.token,
    );
    expect(refusal(future)).toEqual({ code: 'BAD_USER_INPUT', paths: ['input.inForceFrom'] });
    const ok = await declare(
      {
        officerId: world.inspectorA.id,
        premisesId: premises.id,
        reason: 'OTHER',
        reasonText: '系该店负责人的大学同学',
      },
      world.inspectorA.token,
    );
    expect(ok.errors).toBeUndefined();
    const twice = await declare(
      { officerId: world.inspectorA.id, premisesId: premises.id },
      world.inspectorA.token,
    );
    expect(refusal(twice).code).toBe('CONFLICT');
    expect(twice.errors![0].message).toBe('该执法人员对该市场主体已有生效的回避声明');
    const twiceEn = await app.gql(
      DECLARE,
      {
        input: {
          idempotencyKey: randomUUID(),
          officerId: world.inspectorA.id,
          premisesId: premises.id,
          reason: 'KINSHIP',
          inForceFrom: '2019-01-02',
        },
      },
      { token: world.inspectorA.token, headers: { 'accept-language': 'en' } },
    );
    expect(twiceEn.errors![0].message).toBe(
      'This officer already has a declaration in force for this premises',
    );
  });

  it('excludes a declared officer from every draw for that premises while in force', async () => {
    const { bureau, team, premises } = await drawingBureau(app, 3, [
      { riskLevel: 'C' },
      { riskLevel: 'C' },
    ]);
    for (const officer of team.slice(0, 2)) {
      const result = await declare(
        { officerId: officer.id, premisesId: premises[0].id },
        world.manager.token,
      );
      expect(result.errors).toBeUndefined();
    }
    const plan = await draw(app, world, input(world, bureau.id));
    const onDeclared = plan.visits.find((visit) => visit.premises.id === premises[0].id)!;
    expect(onDeclared).toMatchObject({
      unassigned: true,
      unassignedReason: 'CONFLICT_OF_INTEREST',
      officers: [],
    });
    const onOther = plan.visits.find((visit) => visit.premises.id === premises[1].id)!;
    expect(onOther.unassigned).toBe(false);
    const [frozen] = await app.query<{ declarations: unknown[] }>(
      `SELECT frozen_inputs->'declarations' AS declarations FROM inspection_plans WHERE id = $1`,
      [plan.id],
    );
    expect(frozen.declarations).toEqual(
      team
        .slice(0, 2)
        .map((officer) => ({ officerId: officer.id, premisesId: premises[0].id }))
        .sort((a, b) => (a.officerId < b.officerId ? -1 : 1)),
    );
  });

  it('withdraws a declaration (supervisor or manager only), after which the officer may be drawn again; a second withdrawal is INVALID_STATE', async () => {
    const { bureau, team, premises } = await drawingBureau(app, 2, [{ riskLevel: 'C' }]);
    // a supervisor of the bureau is drawable too: the city's manager withdraws here
    const supervisor = world.manager;
    const declared = await declare(
      { officerId: team[0].id, premisesId: premises[0].id },
      team[0].token,
    );
    const declaration = declared.data!.declareConflictOfInterest.declaration;
    const before = await draw(app, world, input(world, bureau.id));
    expect(before.visits[0].unassignedReason).toBe('CONFLICT_OF_INTEREST');

    const byInspector = await app.gql(
      WITHDRAW,
      {
        input: {
          idempotencyKey: randomUUID(),
          declarationId: declaration.id,
          withdrawnOn: today(),
        },
      },
      { token: team[0].token },
    );
    expect(refusal(byInspector).code).toBe('FORBIDDEN');
    const tooEarly = await app.gql(
      WITHDRAW,
      {
        input: {
          idempotencyKey: randomUUID(),
          declarationId: declaration.id,
          withdrawnOn: '2019-01-01',
        },
      },
      { token: supervisor.token },
    );
    expect(refusal(tooEarly)).toEqual({ code: 'BAD_USER_INPUT', paths: ['input.withdrawnOn'] });
    const withdrawn = await app.gql(
      WITHDRAW,
      {
        input: {
          idempotencyKey: randomUUID(),
          declarationId: declaration.id,
          withdrawnOn: today(),
        },
      },
      { token: supervisor.token },
    );
    expect(withdrawn.errors).toBeUndefined();
    expect(withdrawn.data!.withdrawConflictOfInterest.declaration).toMatchObject({
      withdrawnOn: today(),
      withdrawnBy: { id: supervisor.id },
    });
    const again = await app.gql(
      WITHDRAW,
      {
        input: {
          idempotencyKey: randomUUID(),
          declarationId: declaration.id,
          withdrawnOn: today(),
        },
      },
      { token: supervisor.token },
    );
    expect(again.errors?.[0].extensions).toMatchObject({
      code: 'INVALID_STATE',
      from: 'WITHDRAWN',
      action: 'WITHDRAW',
    });
    const outside = await app.gql(
      WITHDRAW,
      {
        input: {
          idempotencyKey: randomUUID(),
          declarationId: declaration.id,
          withdrawnOn: today(),
        },
      },
      { token: world.supervisorB.token },
    );
    expect(refusal(outside).code).toBe('NOT_FOUND');

    const after = await draw(
      app,
      world,
      input(world, bureau.id, { redrawReason: '回避声明已撤销，重新抽取' }),
    );
    expect(after.visits[0].unassigned).toBe(false);
    const audit = await app.query<{ action: string }>(
      `SELECT action FROM audit_events WHERE entity_type = 'ConflictOfInterestDeclaration'
        AND entity_id = $1 ORDER BY id`,
      [declaration.id],
    );
    expect(audit.map((row) => row.action)).toEqual([
      'DECLARE_CONFLICT_OF_INTEREST',
      'WITHDRAW_CONFLICT_OF_INTEREST',
    ]);
  });

  it('lists declarations within the jurisdiction, filtered and paged', async () => {
    const premises = await createPremises(app, { bureauId: world.bureauA1.id, kind: 'PHARMACY' });
    for (const [officer, day] of [
      [world.inspectorA, '2019-02-01'],
      [world.inspectorA2, '2019-03-01'],
    ] as const) {
      const result = await declare(
        { officerId: officer.id, premisesId: premises.id, inForceFrom: day },
        world.supervisorA.token,
      );
      expect(result.errors).toBeUndefined();
    }
    const page = async (variables: Record<string, unknown>, token: string) => {
      const result = await app.gql(DECLARATIONS, variables, { token });
      expect(result.errors).toBeUndefined();
      return result.data!.conflictOfInterestDeclarations as {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string };
        nodes: Declaration[];
      };
    };
    const first = await page({ premisesId: premises.id, first: 1 }, world.supervisorA.token);
    expect(first.totalCount).toBe(2);
    expect(first.nodes.map((row) => row.officer.id)).toEqual([world.inspectorA2.id]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await page(
      { premisesId: premises.id, first: 1, after: first.pageInfo.endCursor },
      world.supervisorA.token,
    );
    expect(second.nodes.map((row) => row.officer.id)).toEqual([world.inspectorA.id]);
    expect(second.pageInfo.hasNextPage).toBe(false);
    const onDay = await page(
      { premisesId: premises.id, inForceOn: '2019-02-15' },
      world.supervisorA.token,
    );
    expect(onDay.nodes.map((row) => row.officer.id)).toEqual([world.inspectorA.id]);
    const fromB = await page({ premisesId: premises.id }, world.supervisorB.token);
    expect(fromB.totalCount).toBe(0);
    const byManager = await page({ officerId: world.inspectorA2.id }, world.manager.token);
    expect(byManager.nodes.length).toBeGreaterThanOrEqual(1);
    const node = await app.gql(
      `query($id: ID!) { node(id: $id) { id ... on ConflictOfInterestDeclaration { reason } } }`,
      { id: first.nodes[0].id },
      { token: world.supervisorA.token },
    );
    expect(node.data!.node).toEqual({ id: first.nodes[0].id, reason: 'KINSHIP' });
    const hidden = await app.gql(
      `query($id: ID!) { node(id: $id) { id } }`,
      { id: first.nodes[0].id },
      { token: world.supervisorB.token },
    );
    expect(hidden.data!.node).toBeNull();
  });

  it('hides a declared premises outside the reader’s jurisdiction', async () => {
    // a manager records that inspector A used to work at a shop now in bureau B
    const declared = await declare(
      {
        officerId: world.inspectorA.id,
        premisesId: world.shopB.id,
        reason: 'FORMER_EMPLOYMENT',
      },
      world.manager.token,
    );
    expect(declared.errors).toBeUndefined();
    const result = await app.gql(
      DECLARATIONS,
      { officerId: world.inspectorA.id, premisesId: world.shopB.id },
      { token: world.supervisorA.token },
    );
    expect(result.errors).toBeUndefined();
    const [node] = result.data!.conflictOfInterestDeclarations.nodes as Declaration[];
    expect(node).toMatchObject({ officer: { id: world.inspectorA.id }, premises: null });
    expect(JSON.stringify(result.data)).not.toContain('金凤食品店');
    const byManager = await app.gql(
      DECLARATIONS,
      { officerId: world.inspectorA.id, premisesId: world.shopB.id },
      { token: world.manager.token },
    );
    expect(byManager.data!.conflictOfInterestDeclarations.nodes[0].premises).toEqual({
      id: world.shopB.id,
      name: '金凤食品店',
    });
  });

  it('warns on an inspection logged by an officer under a declaration in force for its premises', async () => {
    const premises = await createPremises(app, { bureauId: world.bureauA.id, kind: 'PHARMACY' });
    const declared = await declare(
      { officerId: world.inspectorA2.id, premisesId: premises.id, inForceFrom: '2019-03-01' },
      world.inspectorA2.token,
    );
    const declarationId = declared.data!.declareConflictOfInterest.declaration.id;
    const categoryId = world.sweep.categoryIds.get('PHARMACIST_CERTIFICATES')!;
    const inspectionOn = async (inspectedAt: string, officerIds: string[]) =>
      (
        await createInspection(app, {
          sweepId: world.sweep.id,
          categoryId,
          premisesId: premises.id,
          officerIds,
          inspectedAt: new Date(inspectedAt),
        })
      ).id;
    const during = await inspectionOn('2019-03-20T02:00:00Z', [
      world.inspectorA.id,
      world.inspectorA2.id,
    ]);
    const before = await inspectionOn('2019-02-20T02:00:00Z', [
      world.inspectorA.id,
      world.inspectorA2.id,
    ]);
    const others = await inspectionOn('2019-03-20T02:00:00Z', [
      world.inspectorA.id,
      world.supervisorA.id,
    ]);
    const warnings = async (id: string) => {
      const result = await app.gql(
        `query($id: ID!) { inspection(id: $id) { id conflictsOfInterest { id officer { id } } } }`,
        { id },
        { token: world.supervisorA.token },
      );
      expect(result.errors).toBeUndefined();
      return result.data!.inspection.conflictsOfInterest as { id: string }[];
    };
    expect(await warnings(during)).toEqual([
      { id: declarationId, officer: { id: world.inspectorA2.id } },
    ]);
    expect(await warnings(before)).toEqual([]);
    expect(await warnings(others)).toEqual([]);
  });

  it('keeps the reason in words of a city officer’s declaration from the sub-bureau reading the inspection', async () => {
    const premises = await createPremises(app, { bureauId: world.bureauA.id, kind: 'PHARMACY' });
    const declared = await declare(
      {
        officerId: world.manager.id,
        premisesId: premises.id,
        inForceFrom: '2019-03-01',
        reason: 'OTHER',
        reasonText: '配偶之兄经营',
      },
      world.manager.token,
    );
    expect(declared.errors).toBeUndefined();
    const inspection = await createInspection(app, {
      sweepId: world.sweep.id,
      categoryId: world.sweep.categoryIds.get('PHARMACIST_CERTIFICATES')!,
      premisesId: premises.id,
      officerIds: [world.inspectorA.id, world.manager.id],
      inspectedAt: new Date('2019-03-20T02:00:00Z'),
    });
    const read = async (token: string) => {
      const result = await app.gql(
        `query($id: ID!) { inspection(id: $id) { conflictsOfInterest { officer { id } reason reasonText } } }`,
        { id: inspection.id },
        { token },
      );
      expect(result.errors).toBeUndefined();
      return result.data!.inspection.conflictsOfInterest as unknown[];
    };
    // the warning and its kind for the sub-bureau; the words only within the officer's jurisdiction
    expect(await read(world.supervisorA.token)).toEqual([
      { officer: { id: world.manager.id }, reason: 'OTHER', reasonText: null },
    ]);
    expect(await read(world.manager.token)).toEqual([
      { officer: { id: world.manager.id }, reason: 'OTHER', reasonText: '配偶之兄经营' },
    ]);
  });

  it('reads declarations and plans by node(ids) in as many SQL statements for three of each as for one', async () => {
    const declarations: string[] = [];
    const plans: string[] = [];
    for (let index = 0; index < 3; index++) {
      const premises = await createPremises(app, { bureauId: world.bureauA.id, kind: 'PHARMACY' });
      const declared = await declare(
        { officerId: world.inspectorA.id, premisesId: premises.id },
        world.inspectorA.token,
      );
      declarations.push(declared.data!.declareConflictOfInterest.declaration.id);
      const { bureau } = await drawingBureau(app, 2, [{ riskLevel: 'B' }]);
      plans.push((await draw(app, world, input(world, bureau.id))).id);
    }
    async function statements(count: number): Promise<number> {
      const ids = [...declarations.slice(0, count), ...plans.slice(0, count)];
      const { result, count: statementCount } = await countStatements(app, () =>
        app.gql(
          `query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`,
          { ids },
          { token: world.manager.token },
        ),
      );
      expect(result.errors).toBeUndefined();
      expect(result.data!.nodes).toEqual(
        ids.map((id, index) => ({
          __typename: index < count ? 'ConflictOfInterestDeclaration' : 'InspectionPlan',
          id,
        })),
      );
      return statementCount;
    }
    const one = await statements(1);
    expect(one).toBeGreaterThan(0);
    expect(await statements(3)).toBe(one);
  });

  it('reads the warnings of three inspections in as many SQL statements as of one', async () => {
    const categoryId = world.sweep.categoryIds.get('PHARMACIST_CERTIFICATES')!;
    const ids: string[] = [];
    for (let index = 0; index < 3; index++) {
      const premises = await createPremises(app, { bureauId: world.bureauA.id, kind: 'PHARMACY' });
      await declare(
        { officerId: world.inspectorA2.id, premisesId: premises.id, inForceFrom: '2019-03-01' },
        world.inspectorA2.token,
      );
      ids.push(
        (
          await createInspection(app, {
            sweepId: world.sweep.id,
            categoryId,
            premisesId: premises.id,
            officerIds: [world.inspectorA.id, world.inspectorA2.id],
            inspectedAt: new Date('2019-03-20T02:00:00Z'),
          })
        ).id,
      );
    }
    async function statements(count: number): Promise<number> {
      const { result, count: statementCount } = await countStatements(app, () =>
        app.gql(
          `query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Inspection { conflictsOfInterest { id reasonText officer { id } } } } }`,
          { ids: ids.slice(0, count) },
          { token: world.supervisorA.token },
        ),
      );
      expect(result.errors).toBeUndefined();
      const nodes = result.data!.nodes as { conflictsOfInterest: unknown[] }[];
      expect(nodes.map((node) => node.conflictsOfInterest.length)).toEqual(Array(count).fill(1));
      return statementCount;
    }
    const one = await statements(1);
    expect(one).toBeGreaterThan(0);
    expect(await statements(3)).toBe(one);
  });
});
