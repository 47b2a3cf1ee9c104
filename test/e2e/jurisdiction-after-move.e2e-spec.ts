import { createPremises } from '../factories/field-work';
import { createFieldWorld, FieldWorld, logInspection } from '../helpers/field-world';
import { startTestApp, TestApp } from '../helpers/test-app';

/**
 * 管辖变更: when the registry import moves a premises to another bureau, each bureau keeps seeing
 * its own inspections of it and nothing of the other's, however the records are reached: a nested
 * field of a record outside the caller's jurisdiction is null with NOT_FOUND, never the record.
 */
const CREDIT_CODE = '91640104MA76A1B29A';

const PREMISES = `query Premises($id: ID!) {
  premises(id: $id) {
    id
    lastInspection { id notes bureau { id } }
    inspections(first: 10) { totalCount edges { node { id notes findings { id description } } } }
  }
}`;

const FINDING_WITH_INSPECTION = `query Finding($id: ID!) {
  finding(id: $id) {
    id
    inspection { id notes findings { id } premises { id name } }
  }
}`;

const INSPECTIONS_PAGE = `query Page($id: ID!, $after: String) {
  premises(id: $id) { inspections(first: 1, after: $after) { totalCount edges { node { id } } } }
}`;

describe('jurisdiction after a premises moves to another bureau', () => {
  let app: TestApp;
  let world: FieldWorld;
  let premisesId: string;
  let inspectionOfA: { id: string; findings: { id: string }[] };
  let inspectionOfB: { id: string; findings: { id: string }[] };

  beforeAll(async () => {
    app = await startTestApp();
    world = await createFieldWorld(app);
    const premises = await createPremises(app, {
      bureauId: world.bureauA.id,
      name: '搬迁食品店',
      address: '兴庆区搬迁路1号',
      creditCode: CREDIT_CODE,
    });
    premisesId = premises.id;
    // A's visit is the later one: an unscoped "last inspection" would be A's.
    inspectionOfA = await logInspection(app, world, {
      premisesId,
      inspectedAt: '2019-03-25T02:00:00Z',
      notes: '兴庆区分局的检查笔记',
      findings: [{ violationTypeCode: 'THREE_NO_PRODUCTS', description: '兴庆区分局发现的问题' }],
    });

    const moved = await app.gql(
      'ImportPremises',
      {
        input: {
          rows: [
            {
              name: '搬迁食品店',
              kind: 'FOOD_RETAILER',
              bureauCode: world.bureauB.code,
              address: '兴庆区搬迁路1号',
              creditCode: CREDIT_CODE,
            },
          ],
        },
      },
      { token: await app.adminToken() },
    );
    expect(moved.errors).toBeUndefined();
    expect(moved.data!.importPremises).toEqual({ created: 0, updated: 1, rejected: [] });

    const supervisorB2 = world.supervisorB;
    inspectionOfB = await logInspection(
      app,
      world,
      {
        premisesId,
        officerIds: [world.inspectorB.id, supervisorB2.id],
        inspectedAt: '2019-03-20T02:00:00Z',
        notes: '金凤区分局的检查笔记',
        findings: [{ violationTypeCode: 'THREE_NO_PRODUCTS', description: '金凤区分局发现的问题' }],
      },
      world.inspectorB.token,
    );
  });
  afterAll(() => app.close());

  it('answers premises(id) with NOT_FOUND to an inspector of the old bureau', async () => {
    const result = await app.gql(PREMISES, { id: premisesId }, { token: world.inspectorA.token });
    expect(result.data?.premises ?? null).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(JSON.stringify(result)).not.toContain('金凤区分局');
  });

  it('gives the old bureau its own inspection, but its premises field is null with NOT_FOUND', async () => {
    const result = await app.gql(
      FINDING_WITH_INSPECTION,
      { id: inspectionOfA.findings[0].id },
      { token: world.inspectorA.token },
    );
    // Inspection.premises is non-null, so the null climbs to the nullable root.
    expect(result.data?.finding ?? null).toBeNull();
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]).toMatchObject({
      path: ['finding', 'inspection', 'premises'],
      extensions: { code: 'NOT_FOUND' },
    });
    expect(JSON.stringify(result)).not.toContain('搬迁食品店');

    // Without the premises, the old bureau still reads its own inspection and findings.
    const own = await app.gql(
      `query Finding($id: ID!) { finding(id: $id) { inspection { id notes findings { id } } } }`,
      { id: inspectionOfA.findings[0].id },
      { token: world.inspectorA.token },
    );
    expect(own.errors).toBeUndefined();
    expect(own.data!.finding.inspection).toEqual({
      id: inspectionOfA.id,
      notes: '兴庆区分局的检查笔记',
      findings: [{ id: inspectionOfA.findings[0].id }],
    });
  });

  it("shows the new bureau only its own inspections of the premises, never the old bureau's", async () => {
    const result = await app.gql(PREMISES, { id: premisesId }, { token: world.inspectorB.token });
    expect(result.errors).toBeUndefined();
    expect(result.data!.premises).toEqual({
      id: premisesId,
      lastInspection: {
        id: inspectionOfB.id,
        notes: '金凤区分局的检查笔记',
        bureau: { id: world.bureauB.id },
      },
      inspections: {
        totalCount: 1,
        edges: [
          {
            node: {
              id: inspectionOfB.id,
              notes: '金凤区分局的检查笔记',
              findings: [{ id: inspectionOfB.findings[0].id, description: '金凤区分局发现的问题' }],
            },
          },
        ],
      },
    });
    expect(JSON.stringify(result)).not.toContain('兴庆区分局');
  });

  it('does not hand the new bureau the old inspection or its findings by a finding of theirs', async () => {
    const theirs = await app.gql(
      FINDING_WITH_INSPECTION,
      { id: inspectionOfA.findings[0].id },
      { token: world.inspectorB.token },
    );
    expect(theirs.data?.finding ?? null).toBeNull();
    expect(theirs.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(JSON.stringify(theirs)).not.toContain('兴庆区分局');
  });

  it('shows a manager both inspections, newest visit first, paged by cursor', async () => {
    const result = await app.gql(PREMISES, { id: premisesId }, { token: world.manager.token });
    expect(result.errors).toBeUndefined();
    expect(result.data!.premises.lastInspection.id).toBe(inspectionOfA.id);
    expect(
      result.data!.premises.inspections.edges.map((edge: { node: { id: string } }) => edge.node.id),
    ).toEqual([inspectionOfA.id, inspectionOfB.id]);

    const first = await app.gql(
      INSPECTIONS_PAGE,
      { id: premisesId },
      { token: world.manager.token },
    );
    expect(first.errors).toBeUndefined();
    const page = first.data!.premises.inspections;
    expect(page.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual([
      inspectionOfA.id,
    ]);
    const cursor = (
      await app.gql(
        `query Page($id: ID!) { premises(id: $id) { inspections(first: 1) { pageInfo { endCursor } } } }`,
        { id: premisesId },
        { token: world.manager.token },
      )
    ).data!.premises.inspections.pageInfo.endCursor as string;
    const second = await app.gql(
      INSPECTIONS_PAGE,
      { id: premisesId, after: cursor },
      { token: world.manager.token },
    );
    expect(second.errors).toBeUndefined();
    expect(second.data!.premises.inspections).toEqual({
      totalCount: 2,
      edges: [{ node: { id: inspectionOfB.id } }],
    });
  });

  it('refuses a cursor that is not one of the inspections list as BAD_USER_INPUT on after', async () => {
    for (const after of [
      'garbage',
      Buffer.from('["yesterday","x"]').toString('base64url'),
      Buffer.from('["2019-03-20 10:00:00+08","' + premisesId + '"]').toString('base64url'),
    ]) {
      const result = await app.gql(
        INSPECTIONS_PAGE,
        { id: premisesId, after },
        { token: world.manager.token },
      );
      expect(result.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ path: 'after' }],
      });
    }
  });
});
