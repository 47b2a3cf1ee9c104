import { randomUUID } from 'node:crypto';
import { createOfficer } from '../factories/people';
import { createFieldWorld, FieldWorld, refusal } from '../helpers/field-world';
import { startTestApp, TestApp } from '../helpers/test-app';

describe('the audit trail', () => {
  let app: TestApp;
  let world: FieldWorld;
  let inspectionId: string;
  let findingId: string;

  beforeAll(async () => {
    app = await startTestApp();
    world = await createFieldWorld(app);
    const result = await app.gql(
      'LogInspection',
      {
        input: {
          idempotencyKey: randomUUID(),
          sweepId: world.sweep.id,
          categoryId: world.sweep.categoryIds.get('SEASONED_FLOUR_PRODUCTS'),
          premisesId: world.shopA1.id,
          officerIds: [world.inspectorA.id, world.inspectorA2.id],
          inspectedAt: '2019-03-20T02:00:00Z',
          outcome: 'ISSUES_FOUND',
          findings: [{ violationTypeCode: 'THREE_NO_PRODUCTS', description: '无标签食品' }],
        },
      },
      { token: world.inspectorA.token, headers: { 'x-request-id': 'req-log-1' } },
    );
    expect(result.errors).toBeUndefined();
    inspectionId = result.data!.logInspection.inspection.id;
    findingId = result.data!.logInspection.inspection.findings[0].id;
  });
  afterAll(() => app.close());

  function trail(entityType: string, entityId: string, token: string) {
    return app.gql('AuditTrail', { entityType, entityId }, { token });
  }

  it('refuses UPDATE and DELETE of audit events issued with plain SQL', async () => {
    const [event] = await app.query<{ id: string }>(
      `SELECT id FROM audit_events WHERE entity_id = $1`,
      [inspectionId],
    );
    await expect(
      app.query(`UPDATE audit_events SET action = 'FORGED' WHERE id = $1`, [event.id]),
    ).rejects.toThrow();
    await expect(app.query(`DELETE FROM audit_events WHERE id = $1`, [event.id])).rejects.toThrow();
    const [row] = await app.query(`SELECT action FROM audit_events WHERE id = $1`, [event.id]);
    expect(row.action).toBe('CREATE');
  });

  it('shows a manager who did what, with the request id, oldest first', async () => {
    await app.gql(
      'VoidInspection',
      { input: { inspectionId, reason: '录入错误' } },
      { token: world.supervisorA.token, headers: { 'x-request-id': 'req-void-1' } },
    );
    const result = await trail('Inspection', inspectionId, world.manager.token);
    expect(result.errors).toBeUndefined();
    const events = result.data!.auditTrail;
    expect(events).toMatchObject([
      {
        action: 'CREATE',
        actor: { id: world.inspectorA.id, name: '张伟' },
        requestId: 'req-log-1',
        before: null,
      },
      {
        action: 'VOID',
        actor: { id: world.supervisorA.id, name: '王强' },
        requestId: 'req-void-1',
      },
    ]);
    expect(events[0].after).toMatchObject({
      id: inspectionId,
      voided: false,
      outcome: 'ISSUES_FOUND',
    });
    expect(events[1].before).toMatchObject({ voided: false });
    expect(events[1].after).toMatchObject({ voided: true, voidReason: '录入错误' });
    expect(Date.parse(events[0].at)).toBeLessThanOrEqual(Date.parse(events[1].at));

    const findingTrail = await trail('Finding', findingId, world.manager.token);
    expect(findingTrail.data!.auditTrail.map((event: { action: string }) => event.action)).toEqual([
      'CREATE',
      'VOID',
    ]);
  });

  it("lets a supervisor read the trail of records in their bureau's jurisdiction only", async () => {
    const own = await trail('Inspection', inspectionId, world.supervisorA.token);
    expect(own.data!.auditTrail.length).toBeGreaterThan(0);
    const ownFinding = await trail('Finding', findingId, world.supervisorA.token);
    expect(ownFinding.data!.auditTrail.length).toBeGreaterThan(0);
    expect(refusal(await trail('Inspection', inspectionId, world.supervisorB.token)).code).toBe(
      'NOT_FOUND',
    );
    expect(refusal(await trail('Finding', findingId, world.supervisorB.token)).code).toBe(
      'NOT_FOUND',
    );
  });

  it('scopes premises, officers and bureaus by their bureau, and keeps sweeps and exposures for managers', async () => {
    const token = world.supervisorA.token;
    expect((await trail('Premises', world.shopA.id, token)).errors).toBeUndefined();
    expect(refusal(await trail('Premises', world.shopB.id, token)).code).toBe('NOT_FOUND');
    expect((await trail('Officer', world.inspectorA2.id, token)).errors).toBeUndefined();
    expect(refusal(await trail('Officer', world.inspectorB.id, token)).code).toBe('NOT_FOUND');
    expect((await trail('Bureau', world.bureauA1.id, token)).errors).toBeUndefined();
    expect(refusal(await trail('Bureau', world.city.id, token)).code).toBe('NOT_FOUND');
    expect(refusal(await trail('Sweep', world.sweep.id, token)).code).toBe('NOT_FOUND');
    const bySupervisor = await trail('Exposure', randomUUID(), token);
    expect(refusal(bySupervisor).code).toBe('NOT_FOUND');
    const byManager = await trail('Sweep', world.sweep.id, world.manager.token);
    expect(byManager.data!.auditTrail).toEqual([]);
  });

  it('answers NOT_FOUND to a supervisor for a record that does not exist', async () => {
    const result = await trail('Inspection', randomUUID(), world.supervisorA.token);
    expect(refusal(result).code).toBe('NOT_FOUND');
  });

  it('refuses an inspector with FORBIDDEN', async () => {
    const result = await trail('Inspection', inspectionId, world.inspectorA.token);
    expect(refusal(result).code).toBe('FORBIDDEN');
    expect(result.data).toBeNull();
  });

  it('refuses an unknown entity type and a malformed id as BAD_USER_INPUT', async () => {
    const unknownType = await trail('Invoice', inspectionId, world.manager.token);
    expect(refusal(unknownType)).toEqual({ code: 'BAD_USER_INPUT', paths: ['entityType'] });
    const badId = await trail('Inspection', 'nope', world.manager.token);
    expect(refusal(badId)).toEqual({ code: 'BAD_USER_INPUT', paths: ['entityId'] });
  });

  it('shows a system action with a null actor', async () => {
    const officer = await createOfficer(app, world.bureauA.id, ['INSPECTOR']);
    await app.query(
      `INSERT INTO audit_events (actor_id, action, entity_type, entity_id, after) VALUES (NULL, 'DEACTIVATE', 'Officer', $1, '{"active": false}')`,
      [officer.id],
    );
    const result = await trail('Officer', officer.id, world.manager.token);
    expect(result.data!.auditTrail).toEqual([
      {
        at: expect.any(String),
        action: 'DEACTIVATE',
        actor: null,
        requestId: null,
        before: null,
        after: { active: false },
      },
    ]);
  });
});
