import { randomUUID } from 'node:crypto';
import {
  createFinding,
  createInspection,
  createPremises,
  createSweep,
} from '../factories/field-work';
import { createBureau, createOfficer, OfficerRecord } from '../factories/people';
import { GraphQLResponse, startTestApp, TestApp } from './test-app';

export interface CaseView {
  id: string;
  caseNumber: string;
  status: string;
  version: number;
  filedOn: string;
  approvedBy: { id: string };
  findings: { id: string; status: string; version: number }[];
  clocks: {
    kind: string;
    startedOn: string;
    dueOn: string;
    extendedBy: number;
    pausedDays: number;
    metOn: string | null;
    overdue: boolean;
    provisional: boolean;
  }[];
  suspensions: { reason: string; from: string; to: string | null }[];
  steps: { step: string; on: string; amount: string | null }[];
  decision: Record<string, unknown> | null;
  transfer: Record<string, unknown> | null;
  publishedOn: string | null;
  closedOn: string | null;
}

type Input = Record<string, unknown>;

/**
 * The officers, premises and sweep the case-file tests share: a sub-bureau with its head (a
 * SUPERVISOR), a second supervisor and an inspector; another sub-bureau with its own head; two
 * premises of the first bureau. Findings are of inspections on 2019-04-10 (Shanghai) unless asked.
 */
export interface CaseWorld {
  app: TestApp;
  managerToken: string;
  managerId: string;
  head: OfficerRecord;
  inspector: OfficerRecord;
  otherHead: OfficerRecord;
  premisesA: string;
  premisesB: string;
  sweepId: string;
  bureauId: string;
  finding(premises?: 'A' | 'B', inspectedAt?: string): Promise<string>;
  /** Sends a contract operation with `{ input: { idempotencyKey, ...input } }`. */
  send<T = Record<string, any>>(
    operation: string,
    input: Input,
    token?: string,
  ): Promise<GraphQLResponse<T>>;
  /** Opens a case on findings at version 1 and returns it. */
  open(findingIds: string[], extra?: Input): Promise<CaseView>;
  /** Sends a case mutation that must succeed; returns the case after it. */
  move(operation: string, field: string, input: Input, token?: string): Promise<CaseView>;
  stored(table: 'cases' | 'findings', id: string): Promise<Record<string, any>>;
  audit(entityId: string): Promise<{ action: string; entity_type: string }[]>;
}

export function expectError(result: GraphQLResponse, code: string): Record<string, unknown> {
  expect(result.errors).toHaveLength(1);
  expect(result.errors![0].extensions!.code).toBe(code);
  return result.errors![0].extensions!;
}

export async function createCaseWorld(): Promise<CaseWorld> {
  const app = await startTestApp();
  const managerToken = await app.adminToken();
  const [admin] = await app.query<{ id: string }>(
    `SELECT id FROM officers WHERE 'ADMIN' = ANY(roles) ORDER BY created_at LIMIT 1`,
  );
  const bureau = await createBureau(app);
  const otherBureau = await createBureau(app);
  const head = await createOfficer(app, bureau.id, ['SUPERVISOR']);
  const inspector = await createOfficer(app, bureau.id, ['INSPECTOR']);
  const colleague = await createOfficer(app, bureau.id, ['INSPECTOR']);
  const otherHead = await createOfficer(app, otherBureau.id, ['SUPERVISOR']);
  const [city] = await app.query<{ id: string }>(`SELECT id FROM bureaus WHERE code = 'CITY'`);
  const sweep = await createSweep(app, { leadBureauId: city.id });
  const categoryId = sweep.categoryIds.get('SEASONED_FLOUR_PRODUCTS')!;
  const premisesA = (await createPremises(app, { bureauId: bureau.id })).id;
  const premisesB = (await createPremises(app, { bureauId: bureau.id })).id;

  async function send<T>(operation: string, input: Input, token = head.token) {
    return app.gql<T>(operation, { input: { idempotencyKey: randomUUID(), ...input } }, { token });
  }
  async function move(operation: string, field: string, input: Input, token = head.token) {
    const result = await send<Record<string, { case: CaseView }>>(operation, input, token);
    expect(result.errors).toBeUndefined();
    return result.data![field].case;
  }

  return {
    app,
    managerToken,
    managerId: admin.id,
    head,
    inspector,
    otherHead,
    premisesA,
    premisesB,
    sweepId: sweep.id,
    bureauId: bureau.id,
    async finding(premises = 'A', inspectedAt = '2019-04-10T02:00:00Z') {
      const { id } = await createInspection(app, {
        sweepId: sweep.id,
        categoryId,
        premisesId: premises === 'A' ? premisesA : premisesB,
        officerIds: [inspector.id, colleague.id],
        inspectedAt: new Date(inspectedAt),
      });
      return (await createFinding(app, { inspectionId: id })).id;
    },
    send,
    move,
    open(findingIds, extra = {}) {
      return move('OpenCase', 'openCase', {
        findings: findingIds.map((findingId) => ({ findingId, expectedVersion: 1 })),
        caseNumber: `银兴市监立〔2019〕${randomUUID().slice(0, 6)}号`,
        filedOn: '2019-04-12',
        approvedById: head.id,
        ...extra,
      });
    },
    async stored(table, id) {
      const [row] = await app.query(`SELECT * FROM ${table} WHERE id = $1`, [id]);
      return row;
    },
    audit(entityId) {
      return app.query(
        `SELECT action, entity_type FROM audit_events WHERE entity_id = $1 ORDER BY id`,
        [entityId],
      );
    },
  };
}
