import { randomUUID } from 'node:crypto';
import {
  categoryIds,
  createExposure,
  createPremises,
  createSweep,
  SweepRecord,
} from '../factories/field-work';
import {
  BureauRecord,
  cityBureau,
  createBureau,
  createOfficer,
  OfficerRecord,
} from '../factories/people';
import { GraphQLResponse, startTestApp, TestApp } from './test-app';

/**
 * The bureaus, officers, premises and the active 2019 sweep that tests of the field work share:
 * sub-bureau A with a child bureau A1, and a sibling sub-bureau B.
 */
export interface FieldWorld {
  city: BureauRecord;
  bureauA: BureauRecord;
  bureauA1: BureauRecord;
  bureauB: BureauRecord;
  inspectorA: OfficerRecord;
  inspectorA2: OfficerRecord;
  supervisorA: OfficerRecord;
  inspectorB: OfficerRecord;
  supervisorB: OfficerRecord;
  manager: OfficerRecord;
  shopA: { id: string };
  shopA1: { id: string };
  shopB: { id: string };
  pharmacyA: { id: string };
  sweep: SweepRecord;
  exposedProductId: string;
  categories: Map<string, string>;
}

export async function createFieldWorld(app: TestApp): Promise<FieldWorld> {
  const city = await cityBureau(app);
  const bureauA = await createBureau(app, { name: '兴庆区分局' });
  const bureauA1 = await createBureau(app, { name: '兴庆区分局解放街所', parentId: bureauA.id });
  const bureauB = await createBureau(app, { name: '金凤区分局' });
  const exposure = await createExposure(app);
  return {
    city,
    bureauA,
    bureauA1,
    bureauB,
    inspectorA: await createOfficer(app, bureauA.id, ['INSPECTOR'], { name: '张伟' }),
    inspectorA2: await createOfficer(app, bureauA.id, ['INSPECTOR'], { name: '李娜' }),
    supervisorA: await createOfficer(app, bureauA.id, ['INSPECTOR', 'SUPERVISOR'], {
      name: '王强',
    }),
    inspectorB: await createOfficer(app, bureauB.id, ['INSPECTOR'], { name: '赵敏' }),
    supervisorB: await createOfficer(app, bureauB.id, ['INSPECTOR', 'SUPERVISOR']),
    // A city leader who holds an enforcement certificate: may join any bureau's visit.
    manager: await createOfficer(app, city.id, ['MANAGER', 'INSPECTOR'], { name: '市局领导' }),
    shopA: await createPremises(app, { bureauId: bureauA.id, name: '解放街食品店' }),
    shopA1: await createPremises(app, {
      bureauId: bureauA1.id,
      name: '校园超市',
      kind: 'CAMPUS_SHOP',
    }),
    shopB: await createPremises(app, { bureauId: bureauB.id, name: '金凤食品店' }),
    pharmacyA: await createPremises(app, { bureauId: bureauA.id, kind: 'PHARMACY' }),
    sweep: await createSweep(app, { leadBureauId: city.id, exposureIds: [exposure.id] }),
    exposedProductId: exposure.productIds[0],
    categories: await categoryIds(app),
  };
}

/** Starts the app and builds the field world in it; call it in beforeAll, close `app` in afterAll. */
export async function startFieldWorld(): Promise<{ app: TestApp; world: FieldWorld }> {
  const app = await startTestApp();
  return { app, world: await createFieldWorld(app) };
}

/** A valid LogInspectionInput by inspector A and A2 on shop A, with `overrides` applied. */
export function inspectionInput(
  world: FieldWorld,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    idempotencyKey: randomUUID(),
    sweepId: world.sweep.id,
    categoryId: world.sweep.categoryIds.get('SEASONED_FLOUR_PRODUCTS'),
    premisesId: world.shopA.id,
    officerIds: [world.inspectorA.id, world.inspectorA2.id],
    inspectedAt: '2019-03-20T02:00:00Z',
    outcome: 'ISSUES_FOUND',
    checklist: [{ itemCode: 'SFP-03', result: 'FAIL', note: '甜蜜素超标' }],
    findings: [{ violationTypeCode: 'THREE_NO_PRODUCTS', description: '货架上有无标签辣条' }],
    ...overrides,
  };
}

/** Logs an inspection through the contract operation; fails the test on any error. */
export async function logInspection(
  app: TestApp,
  world: FieldWorld,
  overrides: Record<string, unknown> = {},
  token = world.inspectorA.token,
): Promise<{ id: string; findings: { id: string }[] }> {
  const result = await app.gql(
    'LogInspection',
    { input: inspectionInput(world, overrides) },
    { token },
  );
  if (!result.data?.logInspection) throw new Error(JSON.stringify(result.errors));
  return result.data.logInspection.inspection as { id: string; findings: { id: string }[] };
}

/** The first error's code and the paths of its `extensions.fields`. */
export function refusal(result: GraphQLResponse): { code: unknown; paths: string[] } {
  const error = result.errors?.[0];
  const fields = (error?.extensions?.fields ?? []) as { path: string }[];
  return { code: error?.extensions?.code, paths: fields.map((field) => field.path) };
}

/** Row counts of everything a field mutation writes, to prove a refusal wrote nothing. */
export async function writtenRows(app: TestApp): Promise<Record<string, number>> {
  const [row] = await app.query<Record<string, number>>(
    `SELECT (SELECT count(*)::int FROM inspections) AS inspections,
            (SELECT count(*)::int FROM findings) AS findings,
            (SELECT count(*)::int FROM idempotency_records) AS idempotency,
            (SELECT count(*)::int FROM audit_events) AS audit`,
  );
  return row;
}
