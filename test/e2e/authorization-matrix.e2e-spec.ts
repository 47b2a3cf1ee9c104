import { createFinding, createInspection } from '../factories/field-work';
import { servedOperations } from '../helpers/contract';
import {
  Caller,
  callerOf,
  cellOf,
  contractVariables,
  ContractWorld,
  createContractWorld,
  Role,
  Side,
  takeNewToken,
  VariablesBuilder,
} from '../helpers/contract-variables';
import { startTestApp, TestApp } from '../helpers/test-app';

/**
 * Who may send which contract operation, on records of their own bureau and of another one.
 *
 * One row per contract operation: the roles that may send it (every other role is FORBIDDEN, an
 * anonymous caller UNAUTHENTICATED) and whether it touches a jurisdiction-bound record. Valid
 * variables come from `contractVariables` (fresh records per cell where the operation changes
 * state), for a record of bureau A (own) or bureau B (other). INSPECTOR and SUPERVISOR belong to
 * bureau A; MANAGER and ADMIN to the city bureau and see everything, so for them "other" is
 * allowed wherever their role is.
 */
type Outcome = 'OK' | 'FORBIDDEN' | 'NOT_FOUND' | 'UNAUTHENTICATED';

interface Row {
  /** Roles that may send it; 'ANY' = any authenticated officer; 'PUBLIC' = no token needed. */
  roles: readonly Role[] | 'ANY' | 'PUBLIC';
  /**
   * 'read': a record outside an INSPECTOR's or SUPERVISOR's jurisdiction is NOT_FOUND;
   * 'write': changing one is `otherOutcome` (the contract allows FORBIDDEN or NOT_FOUND).
   * Absent: the operation names no jurisdiction-bound record (lists filter by scope instead).
   */
  scope?: 'read' | 'write';
  otherOutcome?: 'FORBIDDEN' | 'NOT_FOUND';
}

const FIELD = ['INSPECTOR', 'SUPERVISOR', 'MANAGER'] as const;
const DECIDERS = ['SUPERVISOR', 'MANAGER'] as const;

/* THE TABLE. Decisions where DOMAIN.md is silent are marked "Decision:". */
const TABLE: Record<string, Row> = {
  // Reference data and lists: any officer; lists are limited to the caller's scope, not refused.
  Bureaus: { roles: 'ANY' },
  ReferenceData: { roles: 'ANY' },
  Me: { roles: 'ANY' },
  Login: { roles: 'PUBLIC' },
  ActiveSweeps: { roles: 'ANY' },
  ActiveSweepsProgress: { roles: 'ANY' },
  Exposures: { roles: 'ANY' },
  SearchPremises: { roles: 'ANY' },
  // Decision: an ADMIN or MANAGER (no bureau field work of their own) gets their bureau's list
  // (usually empty), not a refusal.
  MyBureauOpenFindings: { roles: 'ANY' },
  OverdueFindings: { roles: 'ANY' },
  // Issue 18: officers are listed to any officer within their scope (the colleagues to name on an
  // inspection); the admin screen's Officers is the same query. Lists filter by scope.
  Officers: { roles: 'ANY' },
  Colleagues: { roles: 'ANY' },
  FindingsPageBack: { roles: 'ANY' },
  DormantPremises: { roles: 'ANY' },
  FindingsByDeadline: { roles: 'ANY' },
  // node(id:) of a finding: a jurisdiction-bound read like PremisesDetail.
  NodeById: { roles: 'ANY', scope: 'read' },

  // ADMIN manages bureaus and officers and imports the premises registry; no other role may.
  CreateBureau: { roles: ['ADMIN'] },
  CreateOfficer: { roles: ['ADMIN'] },
  DeactivateOfficer: { roles: ['ADMIN'] },
  ResetOfficerPassword: { roles: ['ADMIN'] },
  // Every officer changes their own password.
  ChangePassword: { roles: 'ANY' },
  ImportPremises: { roles: ['ADMIN'] },

  // Premises detail: a jurisdiction-bound read. Decision: ADMIN may read any premises (it
  // imports the registry).
  PremisesDetail: { roles: 'ANY', scope: 'read' },

  // Field work: INSPECTOR and SUPERVISOR of the premises' bureau. Decision: a MANAGER may also
  // log inspections and findings, order rectification and record re-inspections (the code allows
  // it; DOMAIN names MANAGER beside SUPERVISOR for decisions). An ADMIN is not a field officer:
  // FORBIDDEN. Another bureau's records are NOT_FOUND (their existence is not revealed).
  LogInspection: { roles: FIELD, scope: 'write', otherOutcome: 'NOT_FOUND' },
  AddFinding: { roles: FIELD, scope: 'write', otherOutcome: 'NOT_FOUND' },
  OrderRectification: { roles: FIELD, scope: 'write', otherOutcome: 'NOT_FOUND' },
  RecordReinspection: { roles: FIELD, scope: 'write', otherOutcome: 'NOT_FOUND' },

  // Decisions on findings and voiding: a SUPERVISOR of the bureau, or a MANAGER. A plain
  // INSPECTOR is FORBIDDEN even on their own bureau's finding.
  FileCase: { roles: DECIDERS, scope: 'write', otherOutcome: 'NOT_FOUND' },
  DecidePenalty: { roles: DECIDERS, scope: 'write', otherOutcome: 'NOT_FOUND' },
  TransferToPolice: { roles: DECIDERS, scope: 'write', otherOutcome: 'NOT_FOUND' },
  CloseFinding: { roles: DECIDERS, scope: 'write', otherOutcome: 'NOT_FOUND' },
  // Case files (案件): recorded by a SUPERVISOR of the bureau or a MANAGER; read by anyone in scope.
  OpenCase: { roles: DECIDERS, scope: 'write', otherOutcome: 'NOT_FOUND' },
  DeclineCase: { roles: DECIDERS, scope: 'write', otherOutcome: 'NOT_FOUND' },
  ExtendFilingDeadline: { roles: DECIDERS, scope: 'write', otherOutcome: 'NOT_FOUND' },
  SuspendFilingClock: { roles: DECIDERS, scope: 'write', otherOutcome: 'NOT_FOUND' },
  ResumeFilingClock: { roles: DECIDERS, scope: 'write', otherOutcome: 'NOT_FOUND' },
  ExtendCaseClock: { roles: DECIDERS, scope: 'write', otherOutcome: 'NOT_FOUND' },
  SuspendCase: { roles: DECIDERS, scope: 'write', otherOutcome: 'NOT_FOUND' },
  ResumeCase: { roles: DECIDERS, scope: 'write', otherOutcome: 'NOT_FOUND' },
  DecideCase: { roles: DECIDERS, scope: 'write', otherOutcome: 'NOT_FOUND' },
  RecordCaseStep: { roles: DECIDERS, scope: 'write', otherOutcome: 'NOT_FOUND' },
  RecordCasePublication: { roles: DECIDERS, scope: 'write', otherOutcome: 'NOT_FOUND' },
  TransferCase: { roles: DECIDERS, scope: 'write', otherOutcome: 'NOT_FOUND' },
  RecordTransferOutcome: { roles: DECIDERS, scope: 'write', otherOutcome: 'NOT_FOUND' },
  CloseCase: { roles: DECIDERS, scope: 'write', otherOutcome: 'NOT_FOUND' },
  CaseDetail: { roles: 'ANY', scope: 'read' },
  CasesDue: { roles: 'ANY' },
  HolidayCalendar: { roles: 'ANY' },
  LoadHolidayYear: { roles: ['ADMIN'] },
  VoidInspection: { roles: DECIDERS, scope: 'write', otherOutcome: 'NOT_FOUND' },

  // MANAGER records exposures and runs sweeps. Decision: ADMIN alone may not (the bootstrap
  // administrator is ADMIN+MANAGER for that reason).
  RecordExposure: { roles: ['MANAGER'] },
  CreateSweep: { roles: ['MANAGER'] },
  SetSweepAssignments: { roles: ['MANAGER'] },
  ActivateSweep: { roles: ['MANAGER'] },
  CloseSweep: { roles: ['MANAGER'] },

  // Progress: any officer; INSPECTOR and SUPERVISOR see their jurisdiction's figures, and a bureau
  // filter outside it is NOT_FOUND. Decision: ADMIN may read progress (figures, read-only).
  SweepProgress: { roles: 'ANY', scope: 'read' },

  // Audit trail: SUPERVISOR (own jurisdiction), MANAGER, ADMIN (who manages the records).
  // Decision: an INSPECTOR does not read audit trails (FORBIDDEN, as the code has it).
  AuditTrail: { roles: ['SUPERVISOR', 'MANAGER', 'ADMIN'], scope: 'read' },
};

const CALLERS: Caller[] = ['INSPECTOR', 'SUPERVISOR', 'MANAGER', 'ADMIN', 'ANONYMOUS'];

function expected(row: Row, role: Caller, side: Side): Outcome {
  if (row.roles === 'PUBLIC') return 'OK';
  if (role === 'ANONYMOUS') return 'UNAUTHENTICATED';
  if (row.roles !== 'ANY' && !row.roles.includes(role)) return 'FORBIDDEN';
  const bound = role === 'INSPECTOR' || role === 'SUPERVISOR';
  if (side === 'other' && row.scope && bound) {
    return row.scope === 'read' ? 'NOT_FOUND' : (row.otherOutcome ?? 'NOT_FOUND');
  }
  return 'OK';
}

const operations = [...servedOperations().keys()].sort();
const cells = operations.flatMap((operation) => {
  const row = TABLE[operation] as Row | undefined;
  const sides: Side[] = row?.scope ? ['own', 'other'] : ['own'];
  return CALLERS.flatMap((role) =>
    sides.map((side) => ({
      operation,
      role,
      side,
      outcome: row ? expected(row, role, side) : ('NO ROW' as const),
    })),
  );
});

describe('authorization matrix of the contract operations', () => {
  let app: TestApp;
  let world: ContractWorld;
  let builders: Record<string, VariablesBuilder>;

  beforeAll(async () => {
    app = await startTestApp();
    world = await createContractWorld(app);
    builders = contractVariables(app, world);
  });
  afterAll(() => app.close());

  it('has a row and a variables builder for every contract operation, and none for a gone one', () => {
    expect(Object.keys(TABLE).sort()).toEqual(operations);
    expect(Object.keys(builders).sort()).toEqual(operations);
  });

  describe('lists an INSPECTOR or SUPERVISOR sends show only their jurisdiction', () => {
    let ownFinding: string;
    let otherFinding: string;

    beforeAll(async () => {
      // An overdue OPEN finding (case decision due in 2019) in bureau A and one in bureau B.
      for (const side of ['own', 'other'] as const) {
        const cell = cellOf(world, 'INSPECTOR', side);
        const inspection = await createInspection(app, {
          sweepId: world.sweep.id,
          categoryId: world.sweep.categoryIds.get('SEASONED_FLOUR_PRODUCTS')!,
          premisesId: cell.premisesId,
          officerIds: cell.inspectors,
        });
        const finding = await createFinding(app, { inspectionId: inspection.id });
        if (side === 'own') ownFinding = finding.id;
        else otherFinding = finding.id;
      }
    });

    async function findingIds(operation: string, role: Caller): Promise<string[]> {
      const variables = { sweepId: world.sweep.id, first: 100 };
      const result = await app.gql(operation, variables, { token: callerOf(world, role)?.token });
      expect(result.errors).toBeUndefined();
      const connection = result.data!.findings as { edges: { node: { id: string } }[] };
      return connection.edges.map((edge) => edge.node.id);
    }

    it.each(['INSPECTOR', 'SUPERVISOR'] as const)(
      'OverdueFindings sent by %s lists their bureau’s overdue finding and not another bureau’s',
      async (role) => {
        const ids = await findingIds('OverdueFindings', role);
        expect(ids).toContain(ownFinding);
        expect(ids).not.toContain(otherFinding);
      },
    );

    it('OverdueFindings sent by a MANAGER lists the overdue findings of every bureau', async () => {
      const ids = await findingIds('OverdueFindings', 'MANAGER');
      expect(ids).toEqual(expect.arrayContaining([ownFinding, otherFinding]));
    });

    it('MyBureauOpenFindings sent by an INSPECTOR lists their bureau’s open finding only', async () => {
      const ids = await findingIds('MyBureauOpenFindings', 'INSPECTOR');
      expect(ids).toContain(ownFinding);
      expect(ids).not.toContain(otherFinding);
    });

    it('SearchPremises filtered on another bureau shows an INSPECTOR an empty list (not NOT_FOUND), a MANAGER its premises', async () => {
      const search = (role: Caller) =>
        app.gql(
          'SearchPremises',
          { filter: { bureauId: world.bureauB.id }, first: 100 },
          { token: callerOf(world, role)?.token },
        );
      const premisesIds = (result: Awaited<ReturnType<typeof search>>): string[] =>
        ((result.data?.premisesList?.edges ?? []) as { node: { id: string } }[]).map(
          (edge) => edge.node.id,
        );
      const inspector = await search('INSPECTOR');
      expect(inspector.errors).toBeUndefined();
      expect(premisesIds(inspector)).not.toContain(world.shopB.id);
      expect(inspector.data!.premisesList.totalCount).toBe(0);
      expect(premisesIds(await search('MANAGER'))).toContain(world.shopB.id);
    });
  });

  it.each(cells)(
    '$operation sent by $role on a record of the $side bureau is $outcome',
    async ({ operation, role, side, outcome }) => {
      expect(outcome).not.toBe('NO ROW');
      const variables = await builders[operation](cellOf(world, role, side));
      const result = await app.gql(operation, variables, { token: callerOf(world, role)?.token });
      takeNewToken(callerOf(world, role), result.data);
      if (outcome === 'OK') {
        expect(result.errors).toBeUndefined();
        expect(result.data).toEqual(expect.any(Object));
      } else {
        expect(result.errors?.[0]?.extensions?.code).toBe(outcome);
        const data = result.data ?? {};
        expect(Object.values(data).every((value) => value === null)).toBe(true);
      }
    },
  );
});
