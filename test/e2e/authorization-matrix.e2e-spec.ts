import { randomBytes, randomUUID } from 'node:crypto';
import { createFinding, createInspection, createSweep } from '../factories/field-work';
import { createOfficer, OfficerRecord } from '../factories/people';
import { contractOperations } from '../helpers/contract';
import { createFieldWorld, FieldWorld } from '../helpers/field-world';
import { ADMIN_CERTIFICATE, ADMIN_PASSWORD, startTestApp, TestApp } from '../helpers/test-app';

/**
 * Who may send which contract operation, on records of their own bureau and of another one.
 *
 * One row per contract operation: the roles that may send it (every other role is FORBIDDEN,
 * an anonymous caller UNAUTHENTICATED), whether it touches a jurisdiction-bound record, and how to
 * build valid variables for a record of the caller's own bureau (A) or of another bureau (B).
 * INSPECTOR and SUPERVISOR belong to bureau A; MANAGER and ADMIN to the city bureau and see
 * everything, so for them "other" is allowed wherever their role is.
 */
type Role = 'INSPECTOR' | 'SUPERVISOR' | 'MANAGER' | 'ADMIN';
type Caller = Role | 'ANONYMOUS';
type Side = 'own' | 'other';
type Outcome = 'OK' | 'FORBIDDEN' | 'NOT_FOUND' | 'UNAUTHENTICATED';

interface Cell {
  role: Caller;
  side: Side;
  /** The caller (for ANONYMOUS: the inspector whose records the variables name). */
  actor: { id: string };
  /** Another active officer of the record's bureau, to make up two officers on site. */
  partner: { id: string };
  /** Officers of the record's bureau (A or B) who made the inspection. */
  inspectors: string[];
  premisesId: string;
  bureauId: string;
}

interface Row {
  /** Roles that may send it; 'ANY' = any authenticated officer; 'PUBLIC' = no token needed. */
  roles: readonly Role[] | 'ANY' | 'PUBLIC';
  /**
   * 'read': a record outside INSPECTOR/SUPERVISOR jurisdiction is NOT_FOUND;
   * 'write': changing one is `otherOutcome` (the contract allows FORBIDDEN or NOT_FOUND).
   * Absent: the operation names no jurisdiction-bound record (lists filter by scope instead).
   */
  scope?: 'read' | 'write';
  otherOutcome?: 'FORBIDDEN' | 'NOT_FOUND';
  variables: (cell: Cell) => Promise<Record<string, unknown>> | Record<string, unknown>;
}

const FIELD = ['INSPECTOR', 'SUPERVISOR', 'MANAGER'] as const;
const DECIDERS = ['SUPERVISOR', 'MANAGER'] as const;

function unique(prefix: string): string {
  return `${prefix}${randomBytes(4).toString('hex').toUpperCase()}`;
}

describe('authorization matrix of the contract operations', () => {
  let app: TestApp;
  let world: FieldWorld;
  let supervisor: OfficerRecord;
  let admin: OfficerRecord;
  const tokens: Partial<Record<Caller, string>> = {};

  async function inspectionOf(cell: Cell): Promise<string> {
    const inspection = await createInspection(app, {
      sweepId: world.sweep.id,
      categoryId: world.sweep.categoryIds.get('SEASONED_FLOUR_PRODUCTS')!,
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
    const columns = {
      OPEN: {},
      RECTIFYING: { rectificationOrdered: true, rectificationDeadline: '2019-04-10' },
      CASE_FILED: {
        caseNumber: unique('立'),
        caseFiledOn: '2019-03-25',
        penaltyDecisionDue: '2019-06-23',
      },
      PENALIZED: {
        caseNumber: unique('立'),
        caseFiledOn: '2019-03-25',
        penaltyDecisionDue: '2019-06-23',
        fine: '3000.00',
      },
    }[state];
    const finding = await createFinding(app, {
      inspectionId: await inspectionOf(cell),
      status: state,
      ...columns,
    });
    return { findingId: finding.id, expectedVersion: 1 };
  }

  async function draftSweep(): Promise<string> {
    return (
      await createSweep(app, {
        leadBureauId: world.city.id,
        status: 'DRAFT',
        assignments: [{ bureauId: world.bureauA.id, categoryCode: 'CAMPUS_FOOD', target: 1 }],
      })
    ).id;
  }

  async function inactiveOfficer(bureauId: string): Promise<string> {
    const [row] = await app.query<{ id: string }>(
      `INSERT INTO officers (name, certificate_number, bureau_id, roles, password_hash)
       VALUES ('待停用执法员', $1, $2, '{INSPECTOR}', 'x') RETURNING id`,
      [unique('D'), bureauId],
    );
    return row.id;
  }

  /*
   * THE TABLE. Decisions where DOMAIN.md is silent are marked "Decision:".
   */
  const TABLE: Record<string, Row> = {
    // Reference and lists: any officer; lists are limited by scope, not refused.
    Bureaus: { roles: 'ANY', variables: () => ({}) },
    ReferenceData: { roles: 'ANY', variables: () => ({}) },
    Me: { roles: 'ANY', variables: () => ({}) },
    Login: {
      roles: 'PUBLIC',
      variables: () => ({
        input: { certificateNumber: ADMIN_CERTIFICATE, password: ADMIN_PASSWORD },
      }),
    },
    ActiveSweeps: { roles: 'ANY', variables: () => ({ first: 5 }) },
    Exposures: { roles: 'ANY', variables: () => ({ first: 5 }) },
    SearchPremises: { roles: 'ANY', variables: () => ({ filter: { search: '食品' }, first: 5 }) },
    // Decision: an ADMIN (no bureau work of their own) still gets an empty, not refused, list.
    MyBureauOpenFindings: { roles: 'ANY', variables: () => ({ first: 5 }) },
    OverdueFindings: { roles: 'ANY', variables: () => ({ sweepId: world.sweep.id, first: 5 }) },

    // ADMIN manages bureaus and officers and imports the premises registry.
    CreateBureau: {
      roles: ['ADMIN'],
      variables: () => ({
        input: {
          code: unique('M'),
          name: unique('矩阵分局'),
          kind: 'SUB_BUREAU',
          divisionCode: '640104',
          parentId: world.city.id,
        },
      }),
    },
    CreateOfficer: {
      roles: ['ADMIN'],
      variables: (cell) => ({
        input: {
          name: '新执法员',
          certificateNumber: unique('N'),
          bureauId: cell.bureauId,
          roles: ['INSPECTOR'],
          password: 'a-long-password-1',
        },
      }),
    },
    DeactivateOfficer: {
      roles: ['ADMIN'],
      variables: async (cell) => ({ id: await inactiveOfficer(cell.bureauId) }),
    },
    ImportPremises: {
      roles: ['ADMIN'],
      variables: () => ({
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
    },

    // Premises detail: a jurisdiction-bound read.
    PremisesDetail: {
      roles: 'ANY',
      scope: 'read',
      variables: (cell) => ({ id: cell.premisesId }),
    },

    // Field work. Decision: a MANAGER may log inspections and findings and order rectification
    // (DOMAIN: "a SUPERVISOR of the bureau (or a MANAGER)"; the code allows it for the field work
    // too). An ADMIN is not a field officer: FORBIDDEN even with no bureau limit.
    LogInspection: {
      roles: FIELD,
      scope: 'write',
      otherOutcome: 'NOT_FOUND',
      variables: (cell) => ({
        input: {
          idempotencyKey: randomUUID(),
          sweepId: world.sweep.id,
          categoryId: world.sweep.categoryIds.get('SEASONED_FLOUR_PRODUCTS'),
          premisesId: cell.premisesId,
          officerIds: [cell.actor.id, cell.partner.id],
          inspectedAt: '2019-03-20T02:00:00Z',
          outcome: 'COMPLIANT',
        },
      }),
    },
    AddFinding: {
      roles: FIELD,
      scope: 'write',
      otherOutcome: 'NOT_FOUND',
      variables: async (cell) => ({
        input: {
          idempotencyKey: randomUUID(),
          inspectionId: await inspectionOf(cell),
          finding: { violationTypeCode: 'THREE_NO_PRODUCTS', description: '无标签辣条' },
        },
      }),
    },
    OrderRectification: {
      roles: FIELD,
      scope: 'write',
      otherOutcome: 'NOT_FOUND',
      variables: async (cell) => ({
        input: {
          idempotencyKey: randomUUID(),
          ...(await findingOf(cell, 'OPEN')),
          deadline: '2019-04-10',
        },
      }),
    },
    RecordReinspection: {
      roles: FIELD,
      scope: 'write',
      otherOutcome: 'NOT_FOUND',
      variables: async (cell) => ({
        input: {
          idempotencyKey: randomUUID(),
          ...(await findingOf(cell, 'RECTIFYING')),
          passed: true,
          inspectedAt: new Date().toISOString(),
          officerIds: [cell.actor.id, cell.partner.id],
        },
      }),
    },

    // Decisions on findings and voiding: SUPERVISOR of the bureau, or a MANAGER.
    FileCase: {
      roles: DECIDERS,
      scope: 'write',
      otherOutcome: 'NOT_FOUND',
      variables: async (cell) => ({
        input: {
          idempotencyKey: randomUUID(),
          ...(await findingOf(cell, 'OPEN')),
          caseNumber: unique('立'),
          filedOn: '2019-03-25',
        },
      }),
    },
    DecidePenalty: {
      roles: DECIDERS,
      scope: 'write',
      otherOutcome: 'NOT_FOUND',
      variables: async (cell) => ({
        input: {
          idempotencyKey: randomUUID(),
          ...(await findingOf(cell, 'CASE_FILED')),
          decisionNumber: unique('罚'),
          decidedOn: '2019-04-01',
          fine: '3000.00',
        },
      }),
    },
    TransferToPolice: {
      roles: DECIDERS,
      scope: 'write',
      otherOutcome: 'NOT_FOUND',
      variables: async (cell) => ({
        input: {
          idempotencyKey: randomUUID(),
          ...(await findingOf(cell, 'OPEN')),
          documentNumber: unique('移'),
          transferredOn: '2019-03-25',
        },
      }),
    },
    CloseFinding: {
      roles: DECIDERS,
      scope: 'write',
      otherOutcome: 'NOT_FOUND',
      variables: async (cell) => ({
        input: {
          idempotencyKey: randomUUID(),
          ...(await findingOf(cell, 'PENALIZED')),
          reason: '罚没款已缴清',
        },
      }),
    },
    VoidInspection: {
      roles: DECIDERS,
      scope: 'write',
      otherOutcome: 'NOT_FOUND',
      variables: async (cell) => ({
        input: { inspectionId: await inspectionOf(cell), reason: '重复录入' },
      }),
    },

    // MANAGER records exposures and runs sweeps.
    RecordExposure: {
      roles: ['MANAGER'],
      variables: () => ({
        input: {
          title: unique('曝光'),
          source: 'CCTV_315_GALA',
          exposedOn: '2019-03-15',
          categoryCodes: ['SEASONED_FLOUR_PRODUCTS'],
          involvesJurisdiction: false,
        },
      }),
    },
    CreateSweep: {
      roles: ['MANAGER'],
      variables: () => ({
        input: {
          code: unique('S'),
          title: '专项整治',
          leadBureauId: world.city.id,
          exposureIds: [],
          categoryCodes: ['CAMPUS_FOOD'],
          startDate: '2019-03-16',
          endDate: '2019-04-30',
        },
      }),
    },
    SetSweepAssignments: {
      roles: ['MANAGER'],
      variables: async (cell) => ({
        input: {
          sweepId: await draftSweep(),
          assignments: [{ bureauId: cell.bureauId, categoryCode: 'CAMPUS_FOOD', target: 3 }],
        },
      }),
    },
    ActivateSweep: {
      roles: ['MANAGER'],
      variables: async () => ({ id: await draftSweep() }),
    },
    CloseSweep: {
      roles: ['MANAGER'],
      variables: async () => ({
        input: { sweepId: (await createSweep(app, { leadBureauId: world.city.id })).id },
      }),
    },

    // Progress: any officer; a bureau filter outside the caller's jurisdiction is NOT_FOUND.
    // Decision: ADMIN may read progress (read-only figures, no personal data beyond names).
    SweepProgress: {
      roles: 'ANY',
      scope: 'read',
      variables: (cell) => ({ sweepId: world.sweep.id, filter: { bureauId: cell.bureauId } }),
    },

    // Audit trail: SUPERVISOR (own jurisdiction), MANAGER, ADMIN (who manages the records).
    // Decision: an INSPECTOR does not read audit trails.
    AuditTrail: {
      roles: ['SUPERVISOR', 'MANAGER', 'ADMIN'],
      scope: 'read',
      variables: async (cell) => ({
        entityType: 'Inspection',
        entityId: await inspectionOf(cell),
      }),
    },
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

  function cellOf(role: Caller, side: Side): Cell {
    const actor =
      role === 'SUPERVISOR'
        ? supervisor
        : role === 'MANAGER'
          ? world.manager
          : role === 'ADMIN'
            ? admin
            : world.inspectorA;
    const own = side === 'own';
    const partner = own
      ? actor.id === world.inspectorA2.id
        ? world.inspectorA
        : world.inspectorA2
      : world.inspectorB;
    return {
      role,
      side,
      actor,
      partner,
      inspectors: own
        ? [world.inspectorA.id, world.inspectorA2.id]
        : [world.inspectorB.id, world.supervisorB.id],
      premisesId: own ? world.shopA.id : world.shopB.id,
      bureauId: own ? world.bureauA.id : world.bureauB.id,
    };
  }

  const operations = [...contractOperations().keys()].sort();
  const cells = operations.flatMap((operation) => {
    const row = TABLE[operation] as Row | undefined;
    const sides: Side[] = row?.scope ? ['own', 'other'] : ['own'];
    return CALLERS.flatMap((role) =>
      sides.map((side) => ({
        operation,
        role,
        side,
        outcome: row ? expected(row, role, side) : 'OK',
      })),
    );
  });

  beforeAll(async () => {
    app = await startTestApp();
    world = await createFieldWorld(app);
    supervisor = await createOfficer(app, world.bureauA.id, ['SUPERVISOR'], { name: '纯督导' });
    // The bootstrap administrator is ADMIN+MANAGER; the matrix needs the ADMIN role alone.
    admin = await createOfficer(app, world.city.id, ['ADMIN'], { name: '系统管理员' });
    tokens.INSPECTOR = world.inspectorA.token;
    tokens.SUPERVISOR = supervisor.token;
    tokens.MANAGER = world.manager.token;
    tokens.ADMIN = admin.token;
  });
  afterAll(() => app.close());

  it('has a row for every contract operation and none for an operation that is gone', () => {
    expect(Object.keys(TABLE).sort()).toEqual(operations);
  });

  it.each(cells)(
    '$operation sent by $role on a record of the $side bureau is $outcome',
    async ({ operation, role, side, outcome }) => {
      const row = TABLE[operation];
      expect(row).toBeDefined();
      const variables = await row.variables(cellOf(role, side));
      const result = await app.gql(operation, variables, { token: tokens[role] });
      if (outcome === 'OK') {
        expect(result.errors).toBeUndefined();
        expect(result.data).toEqual(expect.any(Object));
      } else {
        expect(result.errors?.[0]?.extensions?.code).toBe(outcome);
        expect(result.data?.[Object.keys(result.data ?? {})[0]] ?? null).toBeNull();
      }
    },
  );
});
