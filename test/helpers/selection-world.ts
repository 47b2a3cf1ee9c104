import { createPremises } from '../factories/field-work';
import { createBureau, createOfficer, OfficerRecord } from '../factories/people';
import type { FieldWorld } from './field-world';
import type { TestApp } from './test-app';

export const DRAW = `mutation Draw($input: DrawInspectionPlanInput!) {
  drawInspectionPlan(input: $input) {
    id seed algorithm inputsFingerprint drawnAt premisesCount
    category { code }
    visits { position unassigned done premises { id riskLevel } officers { id } }
  }
}`;

export const PLAN = `query Plan($id: ID!) {
  inspectionPlan(id: $id) {
    id seed algorithm drawnAt
    bureau { id }
    sweep { id }
    drawnBy { id }
    visits { position done unassigned premises { id } officers { id } inspection { id } }
  }
}`;

export const PLANS = `query Plans($sweepId: ID!) {
  inspectionPlans(sweepId: $sweepId) {
    id
    visits { position done premises { id name } officers { id name } inspection { id } }
  }
}`;

export interface Visit {
  position: number;
  unassigned: boolean;
  done: boolean;
  premises: { id: string; riskLevel?: string | null };
  officers: { id: string }[];
}

export interface Plan {
  id: string;
  seed: string;
  algorithm: string;
  inputsFingerprint: string;
  visits: Visit[];
}

/** A bureau of its own with `officers` active inspectors and `pharmacies` pharmacies. */
export async function drawingBureau(
  app: TestApp,
  officers: number,
  pharmacies: { riskLevel: string | null }[],
) {
  const bureau = await createBureau(app);
  const team: OfficerRecord[] = [];
  for (let index = 0; index < officers; index++)
    team.push(await createOfficer(app, bureau.id, ['INSPECTOR']));
  const premises: { id: string }[] = [];
  for (const { riskLevel } of pharmacies)
    premises.push(await createPremises(app, { bureauId: bureau.id, kind: 'PHARMACY', riskLevel }));
  return { bureau, team, premises };
}

export function pairKey(visit: Visit): string {
  return visit.officers
    .map((officer) => officer.id)
    .sort()
    .join();
}

/** A DrawInspectionPlanInput of three pharmacies of `bureauId` in the world's sweep. */
export function input(
  world: FieldWorld,
  bureauId: string,
  overrides: Record<string, unknown> = {},
) {
  return {
    sweepId: world.sweep.id,
    bureauId,
    categoryCode: 'PHARMACIST_CERTIFICATES',
    premisesCount: 3,
    seed: '2019-03-25 福彩3D 527',
    ...overrides,
  };
}

/** Draws a plan, by the world's manager unless `token` says otherwise; fails the test on any error. */
export async function draw(
  app: TestApp,
  world: FieldWorld,
  variables: Record<string, unknown>,
  token = world.manager.token,
) {
  const result = await app.gql<{ drawInspectionPlan: Plan }>(DRAW, { input: variables }, { token });
  if (!result.data?.drawInspectionPlan) throw new Error(JSON.stringify(result.errors));
  return result.data.drawInspectionPlan;
}
