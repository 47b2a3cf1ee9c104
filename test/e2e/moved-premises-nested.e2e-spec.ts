import { createPremises } from '../factories/field-work';
import { createFieldWorld, FieldWorld, logInspection } from '../helpers/field-world';
import { startTestApp, TestApp } from '../helpers/test-app';

/**
 * Issue 17, item 9, as an attacker of the old bureau would try it over HTTP: after a premises
 * moves from bureau A to bureau B, A's inspector reaches none of B's inspections, whichever
 * nested field or list they go through.
 */
const NEW_NOTES = '金凤区分局的新检查笔记';
const NEW_FINDING = '金凤区分局的新问题';

describe('nested reads after a premises moves bureau', () => {
  let app: TestApp;
  let world: FieldWorld;
  let premisesId: string;
  let oldFindingId: string;
  let newInspectionId: string;

  beforeAll(async () => {
    app = await startTestApp();
    world = await createFieldWorld(app);
    const creditCode = '91640104MA76A1B29A';
    premisesId = (
      await createPremises(app, { bureauId: world.bureauA.id, name: '搬走的店', creditCode })
    ).id;
    const old = await logInspection(app, world, {
      premisesId,
      inspectedAt: '2019-03-20T02:00:00Z',
      findings: [{ violationTypeCode: 'THREE_NO_PRODUCTS', description: '旧问题' }],
    });
    oldFindingId = old.findings[0].id;
    const moved = await app.gql(
      'ImportPremises',
      {
        input: {
          rows: [
            {
              name: '搬走的店',
              kind: 'FOOD_RETAILER',
              bureauCode: world.bureauB.code,
              address: '金凤区新址1号',
              creditCode,
            },
          ],
        },
      },
      { token: await app.adminToken() },
    );
    expect(moved.data!.importPremises.updated).toBe(1);
    const fresh = await logInspection(
      app,
      world,
      {
        premisesId,
        officerIds: [world.inspectorB.id, world.supervisorB.id],
        inspectedAt: '2019-03-28T02:00:00Z',
        notes: NEW_NOTES,
        findings: [{ violationTypeCode: 'THREE_NO_PRODUCTS', description: NEW_FINDING }],
      },
      world.inspectorB.token,
    );
    newInspectionId = fresh.id;
  });
  afterAll(() => app.close());

  const asOldInspector = (query: string, variables: Record<string, unknown>) =>
    app.gql(query, variables, { token: world.inspectorA.token });
  const leaks = (result: unknown) => {
    const text = JSON.stringify(result);
    return text.includes(NEW_NOTES) || text.includes(NEW_FINDING) || text.includes(newInspectionId);
  };

  it.each([
    [
      'premises → lastInspection and inspections from their own old finding',
      `query Q($id: ID!) { finding(id: $id) { inspection { premises {
         lastInspection { id notes } inspections(first: 10) { edges { node { id notes findings { description } } } }
       } } } }`,
    ],
    [
      'their own old inspection’s premises, then its last inspection’s findings',
      `query Q($id: ID!) { finding(id: $id) { inspection { id premises { id lastInspection { findings { description } } } } } }`,
    ],
  ])('through %s', async (_, query) => {
    const result = await asOldInspector(query, { id: oldFindingId });
    expect(leaks(result)).toBe(false);
    expect(result.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('through the premises itself, its search, and the findings list', async () => {
    const direct = await asOldInspector(
      `query Q($id: ID!) { premises(id: $id) { inspections(first: 10) { edges { node { id notes } } } } }`,
      { id: premisesId },
    );
    expect(direct.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const search = await asOldInspector('SearchPremises', {
      filter: { search: '搬走' },
      first: 10,
    });
    const list = await asOldInspector(
      `{ findings(first: 100) { edges { node { id description inspection { notes } } } } }`,
      {},
    );
    for (const result of [search, list]) expect(result.errors).toBeUndefined();
    expect(search.data!.premisesList.totalCount).toBe(0);
    // The old finding is still theirs; nothing of the new bureau's is.
    expect(JSON.stringify(list)).toContain(oldFindingId);
    for (const result of [direct, search, list]) expect(leaks(result)).toBe(false);
  });

  it('through the new inspection’s audit trail', async () => {
    const supervisorA = world.supervisorA;
    const trail = await app.gql(
      'AuditTrail',
      { entityType: 'Inspection', entityId: newInspectionId },
      { token: supervisorA.token },
    );
    expect(trail.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(leaks(trail)).toBe(false);
  });
});
