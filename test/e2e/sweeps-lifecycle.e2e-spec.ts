import { createSweepWorld, SweepWorld } from '../helpers/sweep-world';

describe('sweeps (专项整治行动)', () => {
  let w: SweepWorld;
  beforeAll(async () => (w = await createSweepWorld()));
  afterAll(() => w.app.close());

  describe('createSweep', () => {
    it('creates a DRAFT sweep with its lead bureau, exposures and categories, and audits it', async () => {
      const input = w.sweepInput();
      const result = await w.app.gql('CreateSweep', { input }, { token: w.manager.token });
      expect(result.errors).toBeUndefined();
      const sweep = result.data!.createSweep.sweep;
      expect(sweep).toMatchObject({
        code: input.code,
        title: input.title,
        directive: '宁市监办发〔2019〕21号',
        status: 'DRAFT',
        startDate: '2019-03-18',
        endDate: '2019-04-30',
        leadBureau: { id: w.city.id },
        exposures: [{ id: w.exposureId }],
        categories: [{ code: 'CAMPUS_FOOD' }, { code: 'SEASONED_FLOUR_PRODUCTS' }],
      });
      const audit = await w.app.query(
        `SELECT action, actor_id, after FROM audit_events WHERE entity_type = 'Sweep' AND entity_id = $1`,
        [sweep.id],
      );
      expect(audit).toEqual([
        expect.objectContaining({
          action: 'CREATE',
          actor_id: w.manager.id,
          after: expect.objectContaining({
            code: input.code,
            status: 'DRAFT',
            exposureIds: [w.exposureId],
          }),
        }),
      ]);
    });

    it('creates a sweep that no exposure triggered', async () => {
      const id = await w.createSweep({ exposureIds: [] });
      const rows = await w.app.query('SELECT * FROM sweep_exposures WHERE sweep_id = $1', [id]);
      expect(rows).toEqual([]);
    });

    it('refuses an unknown lead bureau on input.leadBureauId', async () => {
      const result = await w.app.gql(
        'CreateSweep',
        { input: w.sweepInput({ leadBureauId: '00000000-0000-4000-8000-000000000000' }) },
        { token: w.manager.token },
      );
      expect(result.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ path: 'input.leadBureauId' }],
      });
    });

    it('refuses an inspector with FORBIDDEN', async () => {
      const result = await w.app.gql(
        'CreateSweep',
        { input: w.sweepInput() },
        { token: w.inspector.token },
      );
      expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });

    it('names an unknown category code by its path', async () => {
      const result = await w.app.gql(
        'CreateSweep',
        { input: w.sweepInput({ categoryCodes: ['CAMPUS_FOOD', 'NO_SUCH_CATEGORY'] }) },
        { token: w.manager.token },
      );
      expect(result.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [
          { path: 'input.categoryCodes[1]', message: expect.stringContaining('NO_SUCH_CATEGORY') },
        ],
      });
    });

    it('names an unknown exposure by its path and a malformed one too', async () => {
      const unknown = await w.app.gql(
        'CreateSweep',
        {
          input: w.sweepInput({
            exposureIds: [w.exposureId, '00000000-0000-4000-8000-000000000000'],
          }),
        },
        { token: w.manager.token },
      );
      expect(unknown.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ path: 'input.exposureIds[1]' }],
      });
      const malformed = await w.app.gql(
        'CreateSweep',
        { input: w.sweepInput({ exposureIds: ['not-a-uuid'] }) },
        { token: w.manager.token },
      );
      expect(malformed.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(malformed.errors?.[0].extensions?.fields[0].path).toMatch(/^input\.exposureIds/);
    });

    it('refuses an end date before the start date on input.endDate, and writes nothing', async () => {
      const input = w.sweepInput({ startDate: '2019-04-30', endDate: '2019-04-29' });
      const result = await w.app.gql('CreateSweep', { input }, { token: w.manager.token });
      expect(result.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ path: 'input.endDate', message: '结束日期不能早于开始日期' }],
      });
      expect(await w.app.query('SELECT id FROM sweeps WHERE code = $1', [input.code])).toEqual([]);
    });

    it('refuses a duplicate code with CONFLICT', async () => {
      const input = w.sweepInput();
      expect(
        (await w.app.gql('CreateSweep', { input }, { token: w.manager.token })).errors,
      ).toBeUndefined();
      const again = await w.app.gql('CreateSweep', { input }, { token: w.manager.token });
      expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
      expect(await w.app.query('SELECT id FROM sweeps WHERE code = $1', [input.code])).toHaveLength(
        1,
      );
    });
  });

  describe('setSweepAssignments', () => {
    it('replaces the assignments as a whole and audits before and after', async () => {
      const sweepId = await w.createSweep();
      const first = await w.setAssignments(sweepId, [
        { bureauId: w.east.id, categoryCode: 'CAMPUS_FOOD', target: 10 },
        { bureauId: w.west.id, categoryCode: 'SEASONED_FLOUR_PRODUCTS', target: 20 },
      ]);
      expect(first.errors).toBeUndefined();
      expect(first.data!.setSweepAssignments.sweep.assignments).toHaveLength(2);
      const second = await w.setAssignments(sweepId, [
        { bureauId: w.city.id, categoryCode: 'SEASONED_FLOUR_PRODUCTS', target: 3 },
      ]);
      expect(second.errors).toBeUndefined();
      expect(second.data!.setSweepAssignments.sweep.assignments).toEqual([
        { bureau: { id: w.city.id }, category: { code: 'SEASONED_FLOUR_PRODUCTS' }, target: 3 },
      ]);
      expect(await w.assignmentRows(sweepId)).toEqual([
        { bureau_id: w.city.id, code: 'SEASONED_FLOUR_PRODUCTS', target: 3 },
      ]);
      const audit = await w.app.query(
        `SELECT before, after FROM audit_events
         WHERE entity_type = 'Sweep' AND entity_id = $1 AND action = 'SET_ASSIGNMENTS' ORDER BY id`,
        [sweepId],
      );
      expect(audit).toHaveLength(2);
      expect(audit[1].before.assignments).toHaveLength(2);
      expect(audit[1].after.assignments).toEqual([
        expect.objectContaining({ bureauId: w.city.id, target: 3 }),
      ]);
    });

    it('refuses two assignments of the same bureau and category, naming the second, and changes nothing', async () => {
      const sweepId = await w.createSweep();
      await w.setAssignments(sweepId, [
        { bureauId: w.east.id, categoryCode: 'CAMPUS_FOOD', target: 7 },
      ]);
      const result = await w.setAssignments(sweepId, [
        { bureauId: w.west.id, categoryCode: 'CAMPUS_FOOD', target: 1 },
        { bureauId: w.west.id, categoryCode: 'CAMPUS_FOOD', target: 2 },
      ]);
      expect(result.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ path: 'input.assignments[1]' }],
      });
      expect(await w.assignmentRows(sweepId)).toEqual([
        { bureau_id: w.east.id, code: 'CAMPUS_FOOD', target: 7 },
      ]);
    });

    it('refuses a category the sweep does not cover, an unknown bureau and a target of zero', async () => {
      const sweepId = await w.createSweep({ categoryCodes: ['CAMPUS_FOOD'] });
      const result = await w.setAssignments(sweepId, [
        { bureauId: w.east.id, categoryCode: 'VACCINES', target: 1 },
        {
          bureauId: '00000000-0000-4000-8000-000000000000',
          categoryCode: 'CAMPUS_FOOD',
          target: 1,
        },
      ]);
      expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0].extensions?.fields).toEqual([
        expect.objectContaining({ path: 'input.assignments[0].categoryCode' }),
        expect.objectContaining({ path: 'input.assignments[1].bureauId' }),
      ]);
      const zero = await w.setAssignments(sweepId, [
        { bureauId: w.east.id, categoryCode: 'CAMPUS_FOOD', target: 0 },
      ]);
      expect(zero.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ path: 'input.assignments[0].target' }],
      });
      expect(await w.assignmentRows(sweepId)).toEqual([]);
    });

    it('refuses an inspector with FORBIDDEN', async () => {
      const sweepId = await w.createSweep();
      const result = await w.setAssignments(
        sweepId,
        [{ bureauId: w.east.id, categoryCode: 'CAMPUS_FOOD', target: 1 }],
        w.inspector.token,
      );
      expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(await w.assignmentRows(sweepId)).toEqual([]);
    });

    it('is allowed while ACTIVE (never down to none) and refused with INVALID_STATE once CLOSED', async () => {
      const sweepId = await w.activeSweepAssignedTo(w.east.id, '2019-05-01');
      const active = await w.setAssignments(sweepId, [
        { bureauId: w.west.id, categoryCode: 'CAMPUS_FOOD', target: 9 },
      ]);
      expect(active.errors).toBeUndefined();
      const emptied = await w.setAssignments(sweepId, []);
      expect(emptied.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [
          { path: 'input.assignments', message: '进行中的专项整治行动至少需要一项任务分配' },
        ],
      });
      await w.app.query(`UPDATE sweeps SET status = 'CLOSED', closed_at = now() WHERE id = $1`, [
        sweepId,
      ]);
      const closed = await w.setAssignments(sweepId, [
        { bureauId: w.east.id, categoryCode: 'CAMPUS_FOOD', target: 1 },
      ]);
      expect(closed.errors?.[0].extensions).toMatchObject({
        code: 'INVALID_STATE',
        from: 'CLOSED',
        action: 'ASSIGN',
      });
      expect(closed.errors?.[0].message).toBe('当前状态（已结束）下不能更改任务分配');
      expect(await w.assignmentRows(sweepId)).toEqual([
        { bureau_id: w.west.id, code: 'CAMPUS_FOOD', target: 9 },
      ]);
    });

    it('answers NOT_FOUND for an unknown sweep', async () => {
      const result = await w.setAssignments('00000000-0000-4000-8000-000000000000', []);
      expect(result.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    });
  });

  describe('activateSweep', () => {
    it('refuses a sweep without assignments with INVALID_STATE and leaves it DRAFT', async () => {
      const sweepId = await w.createSweep();
      const result = await w.app.gql('ActivateSweep', { id: sweepId }, { token: w.manager.token });
      expect(result.errors?.[0].extensions).toMatchObject({
        code: 'INVALID_STATE',
        from: 'DRAFT',
        action: 'ACTIVATE',
      });
      expect(result.errors?.[0].message).toBe(
        '当前状态（草拟）下不能启动：启动前至少需要一项任务分配',
      );
      expect(await w.app.query('SELECT status FROM sweeps WHERE id = $1', [sweepId])).toEqual([
        { status: 'DRAFT' },
      ]);
    });

    it('moves DRAFT to ACTIVE once, audits it, and refuses a second activation', async () => {
      const sweepId = await w.createSweep();
      await w.setAssignments(sweepId, [
        { bureauId: w.east.id, categoryCode: 'CAMPUS_FOOD', target: 4 },
      ]);
      const forbidden = await w.app.gql(
        'ActivateSweep',
        { id: sweepId },
        { token: w.inspector.token },
      );
      expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const first = await w.app.gql('ActivateSweep', { id: sweepId }, { token: w.manager.token });
      expect(first.errors).toBeUndefined();
      expect(first.data!.activateSweep.sweep).toEqual({ id: sweepId, status: 'ACTIVE' });
      const second = await w.app.gql('ActivateSweep', { id: sweepId }, { token: w.manager.token });
      expect(second.errors?.[0].extensions).toMatchObject({
        code: 'INVALID_STATE',
        from: 'ACTIVE',
        action: 'ACTIVATE',
      });
      expect(second.errors?.[0].message).toBe(
        '当前状态（进行中）下不能启动：只有草拟状态的专项整治行动才能启动',
      );
      const english = await w.app.gql(
        'ActivateSweep',
        { id: sweepId },
        { token: w.manager.token, headers: { 'accept-language': 'en' } },
      );
      expect(english.errors?.[0].message).toBe(
        'Only a DRAFT sweep can be activated; this one is ACTIVE',
      );
      const audit = await w.app.query(
        `SELECT before, after FROM audit_events
         WHERE entity_type = 'Sweep' AND entity_id = $1 AND action = 'ACTIVATE'`,
        [sweepId],
      );
      expect(audit).toEqual([
        {
          before: expect.objectContaining({ status: 'DRAFT', activatedAt: null }),
          after: expect.objectContaining({ status: 'ACTIVE', activatedAt: expect.any(String) }),
        },
      ]);
    });

    it('answers NOT_FOUND for an unknown sweep and BAD_USER_INPUT for a malformed id', async () => {
      const unknown = await w.app.gql(
        'ActivateSweep',
        { id: '00000000-0000-4000-8000-000000000000' },
        { token: w.manager.token },
      );
      expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      const malformed = await w.app.gql(
        'ActivateSweep',
        { id: 'nope' },
        { token: w.manager.token },
      );
      expect(malformed.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });
  });
});
