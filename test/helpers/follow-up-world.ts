import { randomUUID } from 'node:crypto';
import {
  createFinding,
  createInspection,
  createPremises,
  createSweep,
  FindingOverrides,
} from '../factories/field-work';
import { createBureau, createOfficer, OfficerRecord } from '../factories/people';
import { GraphQLResponse, startTestApp, TestApp } from './test-app';

/** Everything about a finding's follow-ups, for operations whose contract selection is shorter. */
const FINDING_FIELDS = `
  replayed
  finding {
    id status version rectificationDeadline caseNumber penaltyDecisionDue fine confiscation
    followUps {
      id action fromStatus toStatus at dueDate documentNumber fine confiscation note
      officer { id }
      officers { id }
    }
  }`;

const MUTATIONS = {
  orderRectification: 'OrderRectificationInput',
  recordReinspection: 'RecordReinspectionInput',
  fileCase: 'FileCaseInput',
  decidePenalty: 'DecidePenaltyInput',
  transferToPolice: 'TransferToPoliceInput',
  closeFinding: 'CloseFindingInput',
} as const;
export type Mutation = keyof typeof MUTATIONS;

function fullDocument(mutation: Mutation): string {
  return `mutation Full($input: ${MUTATIONS[mutation]}!) { ${mutation}(input: $input) { ${FINDING_FIELDS} } }`;
}

export interface FollowUpView {
  action: string;
  fromStatus: string;
  toStatus: string;
  at: string;
  dueDate: string | null;
  documentNumber: string | null;
  fine: string | null;
  confiscation: string | null;
  note: string | null;
  officer: { id: string };
  officers: { id: string }[];
}

export interface FindingView {
  id: string;
  status: string;
  version: number;
  rectificationDeadline: string | null;
  caseNumber: string | null;
  penaltyDecisionDue: string | null;
  fine: string | null;
  confiscation: string | null;
  followUps: FollowUpView[];
}

export type Payload = GraphQLResponse<Record<string, { replayed: boolean; finding: FindingView }>>;

type Extra = Record<string, unknown>;

/**
 * The officers, sweep and premises the follow-up tests share, with the helpers that act in them:
 * an inspector, a colleague and a supervisor of one sub-bureau, and an inspector and a supervisor
 * of another.
 */
export interface FollowUpWorld {
  app: TestApp;
  managerToken: string;
  inspector: OfficerRecord;
  colleague: OfficerRecord;
  supervisor: OfficerRecord;
  outsider: OfficerRecord;
  outsideSupervisor: OfficerRecord;
  /** A finding of an inspection on 2019-03-20 (Shanghai) in the inspector's bureau. */
  newFinding(
    overrides?: Partial<FindingOverrides>,
    inspection?: { sweepId?: string; voided?: boolean },
  ): Promise<string>;
  send(mutation: Mutation, input: Extra, token: string, document?: string): Promise<Payload>;
  /** Sends a follow-up that must succeed and returns the finding as it stands after it. */
  succeed(mutation: Mutation, input: Extra, token: string): Promise<FindingView>;
  /** The finding's row, its follow-ups and its audit events as stored. */
  stored(findingId: string): Promise<{
    finding: Record<string, unknown>;
    followUps: Record<string, unknown>[];
    audit: {
      action: string;
      actor_id: string;
      request_id: string | null;
      before: { status: string };
      after: { status: string; version: number };
    }[];
  }>;
  /** A RecordReinspectionInput by the inspector and the colleague. */
  reinspection(findingId: string, expectedVersion: number, extra?: Extra): Extra;
}

/** Starts the app and builds the world; call it in beforeAll and close `app` in afterAll. */
export async function createFollowUpWorld(): Promise<FollowUpWorld> {
  const app = await startTestApp();
  const managerToken = await app.adminToken();
  const bureau = await createBureau(app);
  const otherBureau = await createBureau(app);
  const inspector = await createOfficer(app, bureau.id, ['INSPECTOR']);
  const colleague = await createOfficer(app, bureau.id, ['INSPECTOR']);
  const supervisor = await createOfficer(app, bureau.id, ['SUPERVISOR']);
  const outsider = await createOfficer(app, otherBureau.id, ['INSPECTOR']);
  const outsideSupervisor = await createOfficer(app, otherBureau.id, ['SUPERVISOR']);
  const [city] = await app.query<{ id: string }>(`SELECT id FROM bureaus WHERE code = 'CITY'`);
  const sweep = await createSweep(app, { leadBureauId: city.id });
  const sweepId = sweep.id;
  const categoryId = sweep.categoryIds.get('SEASONED_FLOUR_PRODUCTS')!;
  const premisesId = (await createPremises(app, { bureauId: bureau.id })).id;

  async function send(
    mutation: Mutation,
    input: Extra,
    token: string,
    document = fullDocument(mutation),
  ): Promise<Payload> {
    return app.gql(document, { input: { idempotencyKey: randomUUID(), ...input } }, { token });
  }

  return {
    app,
    managerToken,
    inspector,
    colleague,
    supervisor,
    outsider,
    outsideSupervisor,
    async newFinding(overrides = {}, inspection = {}) {
      const { id } = await createInspection(app, {
        sweepId: inspection.sweepId ?? sweepId,
        categoryId,
        premisesId,
        officerIds: [inspector.id, colleague.id],
        voided: inspection.voided,
      });
      return (await createFinding(app, { inspectionId: id, ...overrides })).id;
    },
    send,
    async succeed(mutation, input, token) {
      const result = await send(mutation, input, token);
      expect(result.errors).toBeUndefined();
      expect(result.data![mutation].replayed).toBe(false);
      return result.data![mutation].finding;
    },
    async stored(findingId) {
      const [finding] = await app.query<Record<string, unknown>>(
        `SELECT status, version, rectification_ordered, to_char(rectification_deadline, 'YYYY-MM-DD') AS rectification_deadline,
           case_number, to_char(case_filed_on, 'YYYY-MM-DD') AS case_filed_on,
           to_char(penalty_decision_due, 'YYYY-MM-DD') AS penalty_decision_due, decision_number,
           to_char(decided_on, 'YYYY-MM-DD') AS decided_on, fine, confiscation,
           to_char(transferred_on, 'YYYY-MM-DD') AS transferred_on, closed_reason
         FROM findings WHERE id = $1`,
        [findingId],
      );
      const followUps = await app.query<Record<string, unknown>>(
        `SELECT action, from_status, to_status, officer_id, officer_ids, document_number, fine, confiscation
         FROM follow_ups WHERE finding_id = $1 ORDER BY recorded_at`,
        [findingId],
      );
      const audit = await app.query<{
        action: string;
        actor_id: string;
        request_id: string | null;
        before: { status: string };
        after: { status: string; version: number };
      }>(
        `SELECT action, actor_id, request_id, before, after FROM audit_events WHERE entity_type = 'Finding' AND entity_id = $1 ORDER BY id`,
        [findingId],
      );
      return { finding, followUps, audit };
    },
    reinspection: (findingId, expectedVersion, extra = {}) => ({
      findingId,
      expectedVersion,
      passed: true,
      inspectedAt: '2019-04-03T10:30:00+08:00',
      officerIds: [inspector.id, colleague.id],
      ...extra,
    }),
  };
}

export function expectError(result: GraphQLResponse, code: string): Record<string, unknown> {
  expect(result.errors).toHaveLength(1);
  expect(result.errors![0].extensions!.code).toBe(code);
  return result.errors![0].extensions!;
}

export const order = (findingId: string, expectedVersion: number, extra = {}) => ({
  findingId,
  expectedVersion,
  deadline: '2019-04-05',
  orderedOn: '2019-03-21',
  documentNumber: '银兴市监责改〔2019〕7号',
  ...extra,
});
/** A case number of its own per finding: one number is one case, of one premises (合并处罚). */
export const caseNumberOf = (findingId: string) => `银兴市监立〔2019〕${findingId.slice(0, 8)}号`;
export const caseFiling = (findingId: string, expectedVersion: number, extra = {}) => ({
  findingId,
  expectedVersion,
  caseNumber: caseNumberOf(findingId),
  filedOn: '2019-04-10',
  ...extra,
});
export const penalty = (findingId: string, expectedVersion: number, extra = {}) => ({
  findingId,
  expectedVersion,
  decisionNumber: '银兴市监罚〔2019〕3号',
  decidedOn: '2019-05-20',
  fine: '5000',
  ...extra,
});
export const transfer = (findingId: string, expectedVersion: number, extra = {}) => ({
  findingId,
  expectedVersion,
  documentNumber: '银兴市监移〔2019〕1号',
  transferredOn: '2019-03-25',
  ...extra,
});
export const closing = (findingId: string, expectedVersion: number, extra = {}) => ({
  findingId,
  expectedVersion,
  reason: '处罚已执行完毕',
  ...extra,
});
