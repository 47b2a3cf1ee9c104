import { randomUUID } from 'node:crypto';
import { proposedOp } from '../helpers/contract';
import { FieldWorld, startFieldWorld } from '../helpers/field-world';
import type { TestApp } from '../helpers/test-app';

/**
 * A clue's stored due day (the work queue's order) follows the holiday table: loading a year
 * again recomputes the open clues whose clocks run through it, each with an audit event that
 * carries no personal data.
 */
describe('clue due days when a holiday year is loaded', () => {
  let app: TestApp;
  let world: FieldWorld;

  beforeAll(async () => {
    ({ app, world } = await startFieldWorld());
  });
  afterAll(() => app.close());

  it('moves an open report’s due day with a holiday added, and leaves one it does not touch', async () => {
    const register = async () => {
      const result = await app.gql<{
        registerClue: { clue: { id: string; dueOn: string; version: number } };
      }>(
        proposedOp('RegisterClue'),
        {
          input: {
            idempotencyKey: randomUUID(),
            kind: 'REPORT',
            source: 'LETTER',
            receivedOn: '2019-03-18',
            bureauId: world.bureauA.id,
            content: '举报无证经营',
            anonymous: false,
            person: { name: '赵六', phone: '13995119999' },
          },
        },
        { token: world.inspectorA.token },
      );
      return result.data!.registerClue.clue;
    };
    const open = await register();
    const decided = await register();
    expect(open.dueOn).toBe('2019-04-09');
    const moved = await app.gql(
      proposedOp('RecordClueVerification'),
      {
        input: {
          idempotencyKey: randomUUID(),
          clueId: decided.id,
          expectedVersion: 1,
          outcome: 'NOT_FILED',
          decidedOn: '2019-03-20',
          reason: '不属实',
        },
      },
      { token: world.supervisorA.token },
    );
    expect(moved.errors).toBeUndefined();

    const days = await app.query<{ date: string; working_day: boolean; name: string | null }>(
      `SELECT to_char(day, 'YYYY-MM-DD') AS date, working_day, name FROM calendar_exceptions
        WHERE day BETWEEN '2019-01-01' AND '2019-12-31' ORDER BY day`,
    );
    const loaded = await app.gql<{ loadHolidayYear: { recomputedDeadlines: number } }>(
      'LoadHolidayYear',
      {
        input: {
          year: 2019,
          notice: '国办发明电〔2018〕15号（测试）',
          days: [
            ...days.map((day) => ({
              date: day.date,
              kind: day.working_day ? 'WORKDAY' : 'HOLIDAY',
              name: day.name ?? '节假日',
            })),
            { date: '2019-04-01', kind: 'HOLIDAY', name: '测试假日' },
          ],
        },
      },
      { token: await app.adminToken() },
    );
    expect(loaded.errors).toBeUndefined();
    expect(loaded.data!.loadHolidayYear.recomputedDeadlines).toBeGreaterThanOrEqual(1);

    const [openRow] = await app.query(
      `SELECT to_char(due_on, 'YYYY-MM-DD') AS due_on FROM clues WHERE id = $1`,
      [open.id],
    );
    expect(openRow.due_on).toBe('2019-04-10');
    const events = await app.query<{ entity_id: string; before: unknown; after: unknown }>(
      `SELECT entity_id, before, after FROM audit_events WHERE action = 'RECOMPUTE_DEADLINES' AND entity_type = 'Clue'`,
    );
    expect(events.map((event) => event.entity_id)).toContain(open.id);
    expect(events.map((event) => event.entity_id)).not.toContain(decided.id);
    expect(JSON.stringify(events)).not.toMatch(/赵六|13995119999/);
    const queue = await app.gql<{ clue: { dueOn: string; clocks: { dueOn: string }[] } }>(
      proposedOp('Clue'),
      { id: open.id },
      { token: world.supervisorA.token },
    );
    expect(queue.data!.clue).toMatchObject({
      dueOn: '2019-04-10',
      clocks: [{ dueOn: '2019-04-10' }],
    });
  });
});
