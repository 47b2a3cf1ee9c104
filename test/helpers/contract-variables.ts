import { randomBytes, randomUUID } from 'node:crypto';
import { createFinding, createInspection, createSweep } from '../factories/field-work';
import { hashPassword } from '../../src/auth/password';
import { createOfficer, OFFICER_PASSWORD, OfficerRecord } from '../factories/people';
import { createFieldWorld, FieldWorld } from './field-world';
import { ADMIN_CERTIFICATE, ADMIN_PASSWORD, TestApp } from './test-app';

/**
 * Valid variables for every contract operation, built on fresh records where the operation
 * changes state, for a record of the caller's own bureau (A) or of another one (B). Shared by the
 * authorization matrix and the fuzz tests.
 */
export type Role = 'INSPECTOR' | 'SUPERVISOR' | 'MANAGER' | 'ADMIN';
export type Caller = Role | 'ANONYMOUS';
export type Side = 'own' | 'other';

/** The field world plus a SUPERVISOR-only officer of bureau A and an ADMIN-only officer of the city. */
export interface ContractWorld extends FieldWorld {
  supervisor: OfficerRecord;
  admin: OfficerRecord;
}

export async function createContractWorld(app: TestApp): Promise<ContractWorld> {
  const world = await createFieldWorld(app);
  return {
    ...world,
    supervisor: await createOfficer(app, world.bureauA.id, ['SUPERVISOR'], { name: '纯督导' }),
    // The bootstrap administrator is ADMIN+MANAGER; this one has the ADMIN role alone.
    admin: await createOfficer(app, world.city.id, ['ADMIN'], { name: '系统管理员' }),
  };
}

export interface Cell {
  /** The caller (for ANONYMOUS: the inspector whose records the variables name). */
  actor: { id: string };
  /** Another active officer of the record's bureau, to make up two officers on site. */
  partner: { id: string };
  /** Officers of the record's bureau (A or B) who made the inspection. */
  inspectors: string[];
  premisesId: string;
  bureauId: string;
}

/** The caller's officer record and token (none for ANONYMOUS). */
export function callerOf(world: ContractWorld, role: Caller): OfficerRecord | undefined {
  return {
    INSPECTOR: world.inspectorA,
    SUPERVISOR: world.supervisor,
    MANAGER: world.manager,
    ADMIN: world.admin,
    ANONYMOUS: undefined,
  }[role];
}

export function cellOf(world: ContractWorld, role: Caller, side: Side): Cell {
  const actor = callerOf(world, role) ?? world.inspectorA;
  const own = side === 'own';
  const partner = own
    ? actor.id === world.inspectorA2.id
      ? world.inspectorA
      : world.inspectorA2
    : world.inspectorB;
  return {
    actor,
    partner,
    inspectors: own
      ? [world.inspectorA.id, world.inspectorA2.id]
      : [world.inspectorB.id, world.supervisorB.id],
    premisesId: own ? world.shopA.id : world.shopB.id,
    bureauId: own ? world.bureauA.id : world.bureauB.id,
  };
}

export function unique(prefix: string): string {
  return `${prefix}${randomBytes(4).toString('hex').toUpperCase()}`;
}

/**
 * After a successful changePassword the caller's earlier token no longer works: the caller keeps
 * the one the answer carries.
 */
export function takeNewToken(
  caller: OfficerRecord | undefined,
  data: Record<string, any> | null | undefined,
): void {
  const accessToken = (data?.changePassword as { accessToken?: string } | null | undefined)
    ?.accessToken;
  if (caller && accessToken) caller.token = accessToken;
}

export type VariablesBuilder = (cell: Cell) => Promise<Record<string, unknown>>;

/** One builder per contract operation name. */
export function contractVariables(
  app: TestApp,
  world: ContractWorld,
): Record<string, VariablesBuilder> {
  const category = world.sweep.categoryIds.get('SEASONED_FLOUR_PRODUCTS')!;

  async function inspectionOf(cell: Cell): Promise<string> {
    const inspection = await createInspection(app, {
      sweepId: world.sweep.id,
      categoryId: category,
      premisesId: cell.premisesId,
      officerIds: cell.inspectors,
    });
    return inspection.id;
  }

  /** A fresh finding on a fresh inspection of the cell's premises, in the given state. */
  async function findingOf(
    cell: Cell,
    state: 'OPEN' | 'RECTIFYING' | 'CASE_FILED' | 'PENALIZED',
  ): Promise<{ findingId: string; expectedVersion: number }> {
    const filed = {
      caseNumber: unique('立'),
      caseFiledOn: '2019-03-25',
      penaltyDecisionDue: '2019-06-23',
    };
    const columns = {
      OPEN: {},
      RECTIFYING: { rectificationOrdered: true, rectificationDeadline: '2019-04-10' },
      CASE_FILED: filed,
      PENALIZED: { ...filed, fine: '3000.00' },
    }[state];
    const finding = await createFinding(app, {
      inspectionId: await inspectionOf(cell),
      status: state,
      ...columns,
    });
    return { findingId: finding.id, expectedVersion: 1 };
  }

  /** A DRAFT sweep with one assignment, so that it can be activated. */
  async function draftSweep(): Promise<string> {
    const sweep = await createSweep(app, {
      leadBureauId: world.city.id,
      status: 'DRAFT',
      assignments: [{ bureauId: world.bureauA.id, categoryCode: 'CAMPUS_FOOD', target: 1 }],
    });
    return sweep.id;
  }

  /** An officer written directly (no login), to be deactivated. */
  async function officerToDeactivate(bureauId: string): Promise<string> {
    const [row] = await app.query<{ id: string }>(
      `INSERT INTO officers (name, certificate_number, bureau_id, roles, password_hash)
       VALUES ('待停用执法员', $1, $2, '{INSPECTOR}', 'x') RETURNING id`,
      [unique('D'), bureauId],
    );
    return row.id;
  }

  /** The head who approves for the cell's bureau (程序规定: the case's own bureau). */
  const headOf = (cell: Cell) =>
    cell.bureauId === world.bureauA.id ? world.supervisor.id : world.supervisorB.id;

  /**
   * A case of the cell's bureau in a state an operation needs: FILED, FILED with a decision
   * NOT_ESTABLISHED, DECIDED (a penalty), TRANSFERRED, or FILED and suspended.
   */
  async function caseOf(
    cell: Cell,
    state: 'FILED' | 'NOT_ESTABLISHED' | 'DECIDED' | 'TRANSFERRED' | 'SUSPENDED',
  ): Promise<{ caseId: string; expectedVersion: number }> {
    const { findingId } = await findingOf(cell, state === 'DECIDED' ? 'PENALIZED' : 'CASE_FILED');
    const [{ case_id: caseId }] = await app.query<{ case_id: string }>(
      `SELECT case_id FROM findings WHERE id = $1`,
      [findingId],
    );
    if (state === 'NOT_ESTABLISHED')
      await app.query(
        `UPDATE cases SET outcome = 'NOT_ESTABLISHED', decided_on = '2019-04-20', decision_number = '撤' WHERE id = $1`,
        [caseId],
      );
    if (state === 'TRANSFERRED')
      await app.query(
        `UPDATE cases SET status = 'TRANSFERRED', status_before_transfer = 'FILED', transfer_authority = 'POLICE',
           transfer_document_number = '移', transfer_reported_on = '2019-03-26', transfer_approved_on = '2019-03-27',
           transferred_on = '2019-03-28', transfer_outcome = 'PENDING' WHERE id = $1`,
        [caseId],
      );
    if (state === 'SUSPENDED')
      await app.query(
        `INSERT INTO clock_suspensions (case_id, reason, "from", officer_id) VALUES ($1, 'TESTING', '2019-04-01', $2)`,
        [caseId, headOf(cell)],
      );
    return { caseId, expectedVersion: 1 };
  }

  /** An OPEN finding whose filing clock is suspended. */
  async function suspendedFinding(
    cell: Cell,
  ): Promise<{ findingId: string; expectedVersion: number }> {
    const finding = await findingOf(cell, 'OPEN');
    await app.query(
      `INSERT INTO clock_suspensions (finding_id, reason, "from", officer_id) VALUES ($1, 'TESTING', '2019-03-21', $2)`,
      [finding.findingId, headOf(cell)],
    );
    return finding;
  }

  let officerPasswordHash: Promise<string> | undefined;
  /** The caller's password set back to OFFICER_PASSWORD, and their failed attempts forgotten. */
  async function resetCallerPassword(officerId: string): Promise<void> {
    officerPasswordHash ??= hashPassword(OFFICER_PASSWORD);
    await app.query(`UPDATE officers SET password_hash = $2 WHERE id = $1`, [
      officerId,
      await officerPasswordHash,
    ]);
    await app.query(`DELETE FROM login_failures`);
  }

  const builders: Record<string, (cell: Cell) => unknown> = {
    // A successful change ends the caller's token: the sender takes the new one (see
    // `takeNewToken`).
    ChangePassword: async (cell) => {
      await resetCallerPassword(cell.actor.id);
      return { input: { currentPassword: OFFICER_PASSWORD, newPassword: unique('new-pass-') } };
    },
    ResetOfficerPassword: async (cell) => ({
      input: {
        officerId: await officerToDeactivate(cell.bureauId),
        newPassword: unique('reset-pass-'),
      },
    }),
    Bureaus: () => ({}),
    ReferenceData: () => ({}),
    Me: () => ({}),
    Login: () => ({ input: { certificateNumber: ADMIN_CERTIFICATE, password: ADMIN_PASSWORD } }),
    ActiveSweeps: () => ({ first: 5 }),
    ActiveSweepsProgress: () => ({ from: '2019-03-16', to: '2019-03-31' }),
    Exposures: () => ({ first: 5 }),
    SearchPremises: () => ({ filter: { search: '食品' }, first: 5 }),
    MyBureauOpenFindings: () => ({ first: 5 }),
    OverdueFindings: () => ({ sweepId: world.sweep.id, first: 5 }),
    Officers: () => ({ filter: { active: true, search: '张' }, first: 5 }),
    Colleagues: () => ({}),
    FindingsPageBack: () => ({ filter: { statuses: ['OPEN'] }, last: 5 }),
    FindingsByDeadline: () => ({ filter: { statuses: ['OPEN', 'RECTIFYING'] }, first: 5 }),
    NodeById: async (cell) => ({ id: (await findingOf(cell, 'OPEN')).findingId }),
    DormantPremises: () => ({
      categoryCodes: ['SEASONED_FLOUR_PRODUCTS'],
      since: '2019-03-01',
      first: 5,
    }),
    CreateBureau: () => ({
      input: {
        code: unique('M'),
        name: unique('矩阵分局'),
        kind: 'SUB_BUREAU',
        divisionCode: '640104',
        parentId: world.city.id,
      },
    }),
    CreateOfficer: (cell) => ({
      input: {
        name: '新执法员',
        certificateNumber: unique('N'),
        bureauId: cell.bureauId,
        roles: ['INSPECTOR'],
        password: 'a-long-password-1',
      },
    }),
    DeactivateOfficer: async (cell) => ({ id: await officerToDeactivate(cell.bureauId) }),
    ImportPremises: () => ({
      input: {
        rows: [
          {
            name: unique('导入商店'),
            kind: 'FOOD_RETAILER',
            bureauCode: 'CITY',
            address: unique('某街'),
          },
        ],
      },
    }),
    PremisesDetail: (cell) => ({ id: cell.premisesId }),
    LogInspection: (cell) => ({
      input: {
        idempotencyKey: randomUUID(),
        sweepId: world.sweep.id,
        categoryId: category,
        premisesId: cell.premisesId,
        officerIds: [cell.actor.id, cell.partner.id],
        inspectedAt: '2019-03-20T02:00:00Z',
        outcome: 'ISSUES_FOUND',
        checklist: [{ itemCode: 'SFP-03', result: 'FAIL', note: '甜蜜素超标' }],
        findings: [
          {
            violationTypeCode: 'THREE_NO_PRODUCTS',
            description: '无标签辣条',
            goods: { quantity: 2.5, unit: 'kg', value: '30.00' },
            evidence: [
              {
                fileName: 'shelf.jpg',
                mediaType: 'image/jpeg',
                sizeBytes: 1024,
                sha256: 'a'.repeat(64),
              },
            ],
          },
        ],
        notes: '现场检查',
      },
    }),
    AddFinding: async (cell) => ({
      input: {
        idempotencyKey: randomUUID(),
        inspectionId: await inspectionOf(cell),
        finding: { violationTypeCode: 'THREE_NO_PRODUCTS', description: '无标签辣条' },
      },
    }),
    OrderRectification: async (cell) => ({
      input: {
        idempotencyKey: randomUUID(),
        ...(await findingOf(cell, 'OPEN')),
        deadline: '2019-04-10',
        documentNumber: unique('责改'),
        note: '限期整改',
      },
    }),
    RecordReinspection: async (cell) => ({
      input: {
        idempotencyKey: randomUUID(),
        ...(await findingOf(cell, 'RECTIFYING')),
        passed: false,
        inspectedAt: new Date().toISOString(),
        officerIds: [cell.actor.id, cell.partner.id],
        newDeadline: '2019-05-10',
        note: '仍未整改',
      },
    }),
    FileCase: async (cell) => ({
      input: {
        idempotencyKey: randomUUID(),
        ...(await findingOf(cell, 'OPEN')),
        caseNumber: unique('立'),
        filedOn: '2019-03-25',
      },
    }),
    DecidePenalty: async (cell) => ({
      input: {
        idempotencyKey: randomUUID(),
        ...(await findingOf(cell, 'CASE_FILED')),
        decisionNumber: unique('罚'),
        decidedOn: '2019-04-01',
        fine: '3000.00',
        confiscation: '50.50',
      },
    }),
    TransferToPolice: async (cell) => ({
      input: {
        idempotencyKey: randomUUID(),
        ...(await findingOf(cell, 'OPEN')),
        documentNumber: unique('移'),
        transferredOn: '2019-03-25',
      },
    }),
    CloseFinding: async (cell) => ({
      input: {
        idempotencyKey: randomUUID(),
        ...(await findingOf(cell, 'PENALIZED')),
        reason: '罚没款已缴清',
      },
    }),
    VoidInspection: async (cell) => ({
      input: { inspectionId: await inspectionOf(cell), reason: '重复录入' },
    }),
    RecordExposure: () => ({
      input: {
        title: unique('曝光'),
        source: 'CCTV_315_GALA',
        exposedOn: '2019-03-15',
        summary: '辣条黑作坊',
        reference: 'CCTV 2019-03-15',
        categoryCodes: ['SEASONED_FLOUR_PRODUCTS'],
        involvesJurisdiction: false,
        products: [
          { brand: '某某牌', productName: '辣条', manufacturer: '某厂', batch: '20190301' },
        ],
      },
    }),
    CreateSweep: () => ({
      input: {
        code: unique('S'),
        title: '专项整治',
        directive: '宁市监办发〔2019〕21号',
        leadBureauId: world.city.id,
        exposureIds: [],
        categoryCodes: ['CAMPUS_FOOD'],
        startDate: '2019-03-16',
        endDate: '2019-04-30',
      },
    }),
    SetSweepAssignments: async (cell) => ({
      input: {
        sweepId: await draftSweep(),
        assignments: [{ bureauId: cell.bureauId, categoryCode: 'CAMPUS_FOOD', target: 3 }],
      },
    }),
    ActivateSweep: async () => ({ id: await draftSweep() }),
    CloseSweep: async () => ({
      input: {
        sweepId: (await createSweep(app, { leadBureauId: world.city.id })).id,
        carryOverOpenFindings: false,
      },
    }),
    SweepProgress: (cell) => ({ sweepId: world.sweep.id, filter: { bureauId: cell.bureauId } }),
    AuditTrail: async (cell) => ({ entityType: 'Inspection', entityId: await inspectionOf(cell) }),
    OpenCase: async (cell) => {
      const { findingId } = await findingOf(cell, 'OPEN');
      return {
        input: {
          idempotencyKey: randomUUID(),
          findings: [{ findingId, expectedVersion: 1 }],
          caseNumber: unique('立'),
          filedOn: '2019-03-25',
          approvedById: headOf(cell),
        },
      };
    },
    DeclineCase: async (cell) => ({
      input: {
        idempotencyKey: randomUUID(),
        ...(await findingOf(cell, 'OPEN')),
        reason: 'NO_VIOLATION',
        decidedOn: '2019-03-25',
        approvedById: headOf(cell),
      },
    }),
    ExtendFilingDeadline: async (cell) => ({
      input: {
        idempotencyKey: randomUUID(),
        ...(await findingOf(cell, 'OPEN')),
        approvedById: headOf(cell),
        reason: '案情复杂',
      },
    }),
    SuspendFilingClock: async (cell) => ({
      input: {
        idempotencyKey: randomUUID(),
        ...(await findingOf(cell, 'OPEN')),
        reason: 'TESTING',
        from: '2019-03-21',
      },
    }),
    ResumeFilingClock: async (cell) => ({
      input: {
        idempotencyKey: randomUUID(),
        ...(await suspendedFinding(cell)),
        resumedOn: '2019-03-28',
      },
    }),
    ExtendCaseClock: async (cell) => ({
      input: {
        idempotencyKey: randomUUID(),
        ...(await caseOf(cell, 'FILED')),
        clock: 'PENALTY_DECISION',
        approvedById: headOf(cell),
        reason: '案情复杂',
      },
    }),
    SuspendCase: async (cell) => ({
      input: {
        idempotencyKey: randomUUID(),
        ...(await caseOf(cell, 'FILED')),
        reason: 'TESTING',
        from: '2019-04-01',
      },
    }),
    ResumeCase: async (cell) => ({
      input: {
        idempotencyKey: randomUUID(),
        ...(await caseOf(cell, 'SUSPENDED')),
        resumedOn: '2019-04-05',
      },
    }),
    DecideCase: async (cell) => ({
      input: {
        idempotencyKey: randomUUID(),
        ...(await caseOf(cell, 'FILED')),
        decisionNumber: unique('罚'),
        decidedOn: '2019-04-20',
        penalties: ['WARNING'],
      },
    }),
    RecordCaseStep: async (cell) => ({
      input: {
        idempotencyKey: randomUUID(),
        ...(await caseOf(cell, 'DECIDED')),
        step: 'SERVED',
        on: '2019-04-22',
      },
    }),
    RecordCasePublication: async (cell) => ({
      input: {
        idempotencyKey: randomUUID(),
        ...(await caseOf(cell, 'DECIDED')),
        publishedOn: '2019-04-30',
      },
    }),
    TransferCase: async (cell) => ({
      input: {
        idempotencyKey: randomUUID(),
        ...(await caseOf(cell, 'FILED')),
        authority: 'POLICE',
        documentNumber: unique('移'),
        reportedOn: '2019-03-26',
        approvedOn: '2019-03-27',
        transferredOn: '2019-03-28',
      },
    }),
    RecordTransferOutcome: async (cell) => ({
      input: {
        idempotencyKey: randomUUID(),
        ...(await caseOf(cell, 'TRANSFERRED')),
        outcome: 'RETURNED',
        outcomeOn: '2019-04-05',
      },
    }),
    CloseCase: async (cell) => ({
      input: {
        idempotencyKey: randomUUID(),
        ...(await caseOf(cell, 'NOT_ESTABLISHED')),
        closedOn: '2019-04-25',
      },
    }),
    CaseDetail: async (cell) => ({ id: (await caseOf(cell, 'FILED')).caseId }),
    CasesDue: (cell) => ({ filter: { bureauId: cell.bureauId }, first: 10 }),
    HolidayCalendar: () => ({}),
    LoadHolidayYear: () => ({
      input: {
        year: 2030,
        notice: '国办发明电〔2029〕1号',
        days: [{ date: '2030-01-01', kind: 'HOLIDAY', name: '元旦' }],
      },
    }),
  };
  return Object.fromEntries(
    Object.entries(builders).map(([name, build]) => [
      name,
      async (cell: Cell) => (await build(cell)) as Record<string, unknown>,
    ]),
  );
}
