import {
  BureauRecord,
  cityBureau,
  createBureau,
  createOfficer,
  OfficerRecord,
} from '../factories/people';
import { GraphQLResponse, startTestApp, TestApp } from './test-app';

/**
 * The bureaus, officers and exposure the sweep tests share, with the helpers that act in them:
 * the city bureau with sub-bureaus east and west, a manager of the city and an inspector of east.
 */
export interface SweepWorld {
  app: TestApp;
  city: BureauRecord;
  east: BureauRecord;
  west: BureauRecord;
  manager: OfficerRecord;
  inspector: OfficerRecord;
  exposureId: string;
  /** A valid CreateSweepInput with a code of its own, with `overrides` applied. */
  sweepInput(overrides?: Record<string, unknown>): Record<string, unknown>;
  /** Creates a sweep as the manager; fails the test on any error. */
  createSweep(overrides?: Record<string, unknown>): Promise<string>;
  setAssignments(sweepId: string, assignments: unknown[], token?: string): Promise<GraphQLResponse>;
  assignmentRows(sweepId: string): Promise<{ bureau_id: string; code: string; target: number }[]>;
  /** An ACTIVE sweep from `startDate` to the end of its year, assigned to `bureauId`. */
  activeSweepAssignedTo(bureauId: string, startDate: string): Promise<string>;
}

/** Starts the app and builds the world; call it in beforeAll and close `app` in afterAll. */
export async function createSweepWorld(): Promise<SweepWorld> {
  const app = await startTestApp();
  const city = await cityBureau(app);
  const east = await createBureau(app, { name: '兴庆区分局' });
  const west = await createBureau(app, { name: '金凤区分局' });
  const manager = await createOfficer(app, city.id, ['MANAGER']);
  const inspector = await createOfficer(app, east.id, ['INSPECTOR']);
  const exposure = await app.gql(
    'RecordExposure',
    {
      input: {
        title: '辣条生产黑作坊',
        source: 'CCTV_315_GALA',
        exposedOn: '2019-03-15',
        categoryCodes: ['SEASONED_FLOUR_PRODUCTS'],
        involvesJurisdiction: false,
        products: [{ brand: '某牌', productName: '大面筋' }],
      },
    },
    { token: manager.token },
  );
  expect(exposure.errors).toBeUndefined();
  const exposureId = exposure.data!.recordExposure.exposure.id as string;
  let codeSequence = 0;

  function sweepInput(overrides: Record<string, unknown> = {}) {
    codeSequence += 1;
    return {
      code: `2019-315-${codeSequence}`,
      title: '“3·15”曝光问题大排查大整治',
      directive: '宁市监办发〔2019〕21号',
      leadBureauId: city.id,
      exposureIds: [exposureId],
      categoryCodes: ['SEASONED_FLOUR_PRODUCTS', 'CAMPUS_FOOD'],
      startDate: '2019-03-18',
      endDate: '2019-04-30',
      ...overrides,
    };
  }

  async function createSweep(overrides: Record<string, unknown> = {}): Promise<string> {
    const result = await app.gql(
      'CreateSweep',
      { input: sweepInput(overrides) },
      { token: manager.token },
    );
    expect(result.errors).toBeUndefined();
    return result.data!.createSweep.sweep.id as string;
  }

  function setAssignments(sweepId: string, assignments: unknown[], token = manager.token) {
    return app.gql('SetSweepAssignments', { input: { sweepId, assignments } }, { token });
  }

  function assignmentRows(sweepId: string) {
    return app.query<{ bureau_id: string; code: string; target: number }>(
      `SELECT a.bureau_id, c.code, a.target FROM sweep_assignments a
       JOIN target_categories c ON c.id = a.category_id WHERE a.sweep_id = $1
       ORDER BY a.target`,
      [sweepId],
    );
  }

  async function activeSweepAssignedTo(bureauId: string, startDate: string): Promise<string> {
    const id = await createSweep({ startDate, endDate: `${startDate.slice(0, 4)}-12-31` });
    const assigned = await setAssignments(id, [
      { bureauId, categoryCode: 'CAMPUS_FOOD', target: 5 },
    ]);
    expect(assigned.errors).toBeUndefined();
    const activated = await app.gql('ActivateSweep', { id }, { token: manager.token });
    expect(activated.errors).toBeUndefined();
    return id;
  }

  return {
    app,
    city,
    east,
    west,
    manager,
    inspector,
    exposureId,
    sweepInput,
    createSweep,
    setAssignments,
    assignmentRows,
    activeSweepAssignedTo,
  };
}
