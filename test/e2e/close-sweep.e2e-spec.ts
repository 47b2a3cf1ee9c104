import { randomUUID } from 'node:crypto';
import { cityBureau, createBureau, createOfficer } from '../factories/people';
import type { BureauRecord } from '../factories/people';
import {
  createFinding,
  createInspection,
  createPremises,
  createSweep,
} from '../factories/field-work';
import { startTestApp, TestApp } from '../helpers/test-app';

const CLOSE_WITH_CARRIED_OVER = `mutation CloseCarryingOver($sweepId: ID!) {
  closeSweep(input: { sweepId: $sweepId, carryOverOpenFindings: true }) {
    sweep { status carriedOverFindings { id status } }
  }
}`;

describe('closeSweep', () => {
  let app: TestApp;
  let city: BureauRecord;
  let bureau: BureauRecord;
  let managerToken: string;

  beforeAll(async () => {
    app = await startTestApp();
    city = await cityBureau(app);
    bureau = await createBureau(app);
    managerToken = (await createOfficer(app, city.id, ['MANAGER'])).token;
  });

  afterAll(() => app?.close());

  /** A sweep with one finding per status given, plus a voided open one that never blocks. */
  async function sweepWithFindings(
    statuses: string[],
    status: 'ACTIVE' | 'DRAFT' | 'CLOSED' = 'ACTIVE',
  ) {
    const sweep = await createSweep(app, {
      leadBureauId: city.id,
      status,
      categoryCodes: ['SEASONED_FLOUR_PRODUCTS'],
    });
    const premises = await createPremises(app, { bureauId: bureau.id });
    const categoryId = sweep.categoryIds.get('SEASONED_FLOUR_PRODUCTS')!;
    const inspection = await createInspection(app, {
      sweepId: sweep.id,
      categoryId,
      premisesId: premises.id,
      officerIds: [randomUUID(), randomUUID()],
    });
    const findingIds: string[] = [];
    for (const findingStatus of statuses) {
      findingIds.push(
        (await createFinding(app, { inspectionId: inspection.id, status: findingStatus })).id,
      );
    }
    const voided = await createInspection(app, {
      sweepId: sweep.id,
      categoryId,
      premisesId: premises.id,
      officerIds: [randomUUID(), randomUUID()],
      voided: true,
    });
    await createFinding(app, { inspectionId: voided.id, status: 'OPEN' });
    return { sweepId: sweep.id, findingIds };
  }

  function close(sweepId: string, carryOverOpenFindings?: boolean, token = managerToken) {
    return app.gql<{ closeSweep: { sweep: { id: string; status: string; closedAt: string } } }>(
      'CloseSweep',
      { input: { sweepId, carryOverOpenFindings } },
      { token },
    );
  }

  it('closes an ACTIVE sweep whose findings are finished on both tracks, and audits it', async () => {
    const { sweepId } = await sweepWithFindings(['NOT_FILED', 'CLOSED', 'TRANSFERRED']);
    const result = await close(sweepId);
    expect(result.errors).toBeUndefined();
    expect(result.data!.closeSweep.sweep).toMatchObject({ id: sweepId, status: 'CLOSED' });
    expect(new Date(result.data!.closeSweep.sweep.closedAt).getTime()).toBeGreaterThan(
      Date.now() - 60_000,
    );
    const [row] = await app.query(`SELECT status, closed_at FROM sweeps WHERE id = $1`, [sweepId]);
    expect(row.status).toBe('CLOSED');
    const events = await app.query(
      `SELECT action, before->>'status' AS before, after->>'status' AS after FROM audit_events WHERE entity_type = 'Sweep' AND entity_id = $1`,
      [sweepId],
    );
    expect(events).toEqual([{ action: 'CLOSE', before: 'ACTIVE', after: 'CLOSED' }]);
  });

  it('refuses to close with open findings unless they are carried over', async () => {
    const { sweepId } = await sweepWithFindings(['NOT_FILED', 'RECTIFYING', 'CASE_FILED']);
    const refused = await close(sweepId);
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'INVALID_STATE',
      from: 'ACTIVE',
      action: 'CLOSE',
    });
    const [row] = await app.query(`SELECT status FROM sweeps WHERE id = $1`, [sweepId]);
    expect(row.status).toBe('ACTIVE');
    const events = await app.query(`SELECT 1 FROM audit_events WHERE entity_id = $1`, [sweepId]);
    expect(events).toHaveLength(0);
  });

  it('treats a rectified finding with no filing decision yet as open: it needs one (程序规定 第十八条)', async () => {
    const { sweepId } = await sweepWithFindings(['RESOLVED', 'CLOSED']);
    expect((await close(sweepId)).errors?.[0].extensions).toMatchObject({
      code: 'INVALID_STATE',
      action: 'CLOSE',
    });
  });

  it('carries open findings over when asked, lists them on the sweep and leaves them workable', async () => {
    const { sweepId, findingIds } = await sweepWithFindings(['NOT_FILED', 'RECTIFYING', 'OPEN']);
    const result = await app.gql<{
      closeSweep: {
        sweep: { status: string; carriedOverFindings: { id: string; status: string }[] };
      };
    }>(CLOSE_WITH_CARRIED_OVER, { sweepId }, { token: managerToken });
    expect(result.errors).toBeUndefined();
    expect(result.data!.closeSweep.sweep.status).toBe('CLOSED');
    expect(
      result.data!.closeSweep.sweep.carriedOverFindings.map((finding) => finding.id).sort(),
    ).toEqual([findingIds[1], findingIds[2]].sort());
    const rows = await app.query<{
      id: string;
      carried_over: boolean;
      status: string;
      version: number;
    }>(
      `SELECT id, carried_over, status, version FROM findings WHERE sweep_id = $1 AND NOT voided`,
      [sweepId],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get(findingIds[0])).toMatchObject({ carried_over: false, status: 'NOT_FILED' });
    expect(byId.get(findingIds[1])).toMatchObject({
      carried_over: true,
      status: 'RECTIFYING',
      version: 1,
    });
    expect(byId.get(findingIds[2])).toMatchObject({
      carried_over: true,
      status: 'OPEN',
      version: 1,
    });

    const [audit] = await app.query(
      `SELECT after->'carriedOverFindingIds' AS ids FROM audit_events WHERE entity_type = 'Sweep' AND entity_id = $1`,
      [sweepId],
    );
    expect([...audit.ids].sort()).toEqual([findingIds[1], findingIds[2]].sort());
  });

  it('refuses to close a sweep that is not ACTIVE, naming its status', async () => {
    const draft = await sweepWithFindings([], 'DRAFT');
    expect((await close(draft.sweepId)).errors?.[0].extensions).toMatchObject({
      code: 'INVALID_STATE',
      from: 'DRAFT',
      action: 'CLOSE',
    });
    const { sweepId } = await sweepWithFindings([]);
    await close(sweepId);
    expect((await close(sweepId)).errors?.[0].extensions).toMatchObject({
      code: 'INVALID_STATE',
      from: 'CLOSED',
      action: 'CLOSE',
    });
  });

  it('is for managers only, and an unknown sweep is NOT_FOUND', async () => {
    const { sweepId } = await sweepWithFindings([]);
    const supervisor = await createOfficer(app, bureau.id, ['SUPERVISOR']);
    expect((await close(sweepId, false, supervisor.token)).errors?.[0].extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect((await close(randomUUID())).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const malformed = await close('not-a-uuid');
    expect(malformed.errors?.[0].extensions?.fields?.[0].path).toBe('input.sweepId');
  });
});
