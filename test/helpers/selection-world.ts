import { randomUUID } from 'node:crypto';
import { createPremises } from '../factories/field-work';
import { createBureau, createOfficer, OfficerRecord } from '../factories/people';
import { proposedOp } from './contract';
import type { FieldWorld } from './field-world';
import type { TestApp } from './test-app';

export const DRAW = proposedOp('DrawInspectionPlan');
export const PLAN = proposedOp('InspectionPlan');
export const PLANS = `query Plans($sweepId: ID!) {
  inspectionPlans(sweepId: $sweepId) {
    id
    visits { position done premises { id name } officers { id name } inspection { id } }
  }
}`;

export interface Visit {
  position: number;
  riskClass: string | null;
  unassigned: boolean;
  unassignedReason: string | null;
  done: boolean;
  premises: { id: string; riskLevel?: string | null };
  officers: { id: string; name?: string; certificateNumber?: string }[];
  inspection: { id: string } | null;
  suggestedResult: string | null;
  result: { result: string; formedOn: string } | null;
}

export interface Plan {
  id: string;
  status: string;
  seed: string;
  algorithm: string;
  inputsFingerprint: string;
  premisesCount: number;
  redrawReason: string | null;
  loadCap: number | null;
  supersedes: { id: string; status: string } | null;
  supersededBy: { id: string; status: string } | null;
  classFigures: {
    riskClass: string;
    candidates: number;
    ratio: string | null;
    count: number | null;
    drawn: number;
  }[];
  publication: {
    lastResultOn: string;
    dueOn: string;
    publishedOn: string | null;
    overdue: boolean;
  } | null;
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
    team.push(await createOfficer(app, bureau.id, ['INSPECTOR'], { name: `执法人员${index + 1}` }));
  const premises: { id: string }[] = [];
  for (const { riskLevel } of pharmacies)
    premises.push(
      await createPremises(app, {
        bureauId: bureau.id,
        kind: 'PHARMACY',
        riskLevel,
        creditCode: null,
      }),
    );
  return { bureau, team, premises };
}

export function pairKey(visit: Visit): string {
  return visit.officers
    .map((officer) => officer.id)
    .sort()
    .join();
}

/** Every risk class at ratio 1: the whole jurisdiction is drawn. */
export const EVERYONE = ['A', 'B', 'C', 'D', 'UNGRADED'].map((riskClass) => ({
  riskClass,
  ratio: '1',
}));

/** A DrawInspectionPlanInput for pharmacies of `bureauId` in the world's sweep, drawing all. */
export function input(
  world: FieldWorld,
  bureauId: string,
  overrides: Record<string, unknown> = {},
) {
  return {
    idempotencyKey: randomUUID(),
    sweepId: world.sweep.id,
    bureauId,
    categoryCode: 'PHARMACIST_CERTIFICATES',
    sampling: EVERYONE,
    ...overrides,
  };
}

/** Draws a plan, by the world's manager unless `token` says otherwise; fails the test on any error. */
export async function draw(
  app: TestApp,
  world: FieldWorld,
  variables: Record<string, unknown>,
  token = world.manager.token,
): Promise<Plan> {
  const result = await app.gql<{ drawInspectionPlan: { plan: Plan; replayed: boolean } }>(
    DRAW,
    { input: variables },
    { token },
  );
  if (!result.data?.drawInspectionPlan) throw new Error(JSON.stringify(result.errors));
  return result.data.drawInspectionPlan.plan;
}
