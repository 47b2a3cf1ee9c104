import { randomUUID } from 'node:crypto';
import { proposedOp } from '../helpers/contract';
import { FieldWorld, startFieldWorld } from '../helpers/field-world';
import type { TestApp } from '../helpers/test-app';

type Input = Record<string, unknown>;
interface ClueFigures {
  cluesReceived: number;
  cluesClosed: number;
  clueClosureRate: number | null;
}
interface ClueProgress {
  totals: ClueFigures;
  byBureau: { bureau: { id: string }; figures: ClueFigures }[];
  byCategory: { category: { code: string }; figures: ClueFigures }[];
  summaryText: string;
}

/**
 * 受理投诉举报（件）, 办结 and 办结率 in the progress figures: the as-of rule, the handling bureau's
 * rows adding up to the totals, categories, the bureau and category filters and the from/to range,
 * from the summaries (open-ended, `to`) and the raw tables (`from`) alike.
 */
describe('clue figures in a sweep’s progress', () => {
  let app: TestApp;
  let world: FieldWorld;
  let otherSweep: string;

  beforeAll(async () => {
    ({ app, world } = await startFieldWorld());
    const [other] = await app.query<{ id: string }>(
      `INSERT INTO sweeps (code, title, directive, lead_bureau_id, status, start_date, end_date, activated_at, category_order)
       VALUES ('OTHER-CLUES', '另一专项', '文号', $1, 'ACTIVE', '2019-03-01', '2019-05-01', now(), '{}') RETURNING id`,
      [world.city.id],
    );
    otherSweep = other.id;
    const sfp = world.sweep.categoryIds.get('SEASONED_FLOUR_PRODUCTS');
    const campus = world.sweep.categoryIds.get('CAMPUS_FOOD');
    const person = { name: '李四', phone: '13995110000', address: '银川市金凤区' };
    const base = (overrides: Input): Input => ({
      kind: 'COMPLAINT',
      source: 'PLATFORM_12315',
      sweepId: world.sweep.id,
      content: '线索内容',
      anonymous: false,
      person,
      ...overrides,
    });
    // c1: complaint of A, accepted 20 March, closed 2 April.
    const c1 = await register(
      base({ bureauId: world.bureauA.id, receivedOn: '2019-03-18', categoryId: sfp }),
    );
    const c1a = await move('AcceptClue', c1, { acceptedOn: '2019-03-20' }, world.supervisorA.token);
    await move('CloseClue', c1a, { closedOn: '2019-04-02' }, world.supervisorA.token);
    // c2: complaint of A, refused: never counted.
    const c2 = await register(base({ bureauId: world.bureauA.id, receivedOn: '2019-03-18' }));
    await move(
      'RefuseClue',
      c2,
      { refusedOn: '2019-03-19', reason: '重复投诉' },
      world.supervisorA.token,
    );
    // c3: complaint of A1 not accepted yet: not counted.
    await register(
      base({ bureauId: world.bureauA1.id, receivedOn: '2019-03-19', categoryId: campus }),
    );
    // c4: anonymous report of A1: counted from its receipt.
    await register(
      base({
        kind: 'REPORT',
        anonymous: true,
        person: null,
        bureauId: world.bureauA1.id,
        receivedOn: '2019-03-19',
        categoryId: campus,
      }),
    );
    // c5: report of B without a category: in B's row and the totals, in no category's row.
    await register(
      base({ kind: 'REPORT', bureauId: world.bureauB.id, receivedOn: '2019-03-25' }),
      world.inspectorB.token,
    );
    // c6: report of B sent to another authority on 26 March: counted up to 25 March only.
    const c6 = await register(
      base({ kind: 'REPORT', bureauId: world.bureauB.id, receivedOn: '2019-03-25' }),
      world.inspectorB.token,
    );
    await move(
      'TransferClue',
      c6,
      { transferredOn: '2019-03-26', toAuthority: '银川市农业农村局' },
      world.supervisorB.token,
    );
    // c7: a report of another sweep: never counted here.
    await register(
      base({
        kind: 'REPORT',
        sweepId: otherSweep,
        bureauId: world.bureauA.id,
        receivedOn: '2019-03-19',
      }),
    );
  });
  afterAll(() => app.close());

  async function register(input: Input, token = world.inspectorA.token) {
    const result = await app.gql<{ registerClue: { clue: { id: string; version: number } } }>(
      proposedOp('RegisterClue'),
      { input: { idempotencyKey: randomUUID(), ...input } },
      { token },
    );
    if (!result.data?.registerClue) throw new Error(JSON.stringify(result.errors));
    return result.data.registerClue.clue;
  }

  async function move(
    name: string,
    clue: { id: string; version: number },
    input: Input,
    token: string,
  ) {
    const field = name[0].toLowerCase() + name.slice(1);
    const result = await app.gql<Record<string, { clue: { id: string; version: number } }>>(
      proposedOp(name),
      {
        input: {
          idempotencyKey: randomUUID(),
          clueId: clue.id,
          expectedVersion: clue.version,
          ...input,
        },
      },
      { token },
    );
    if (!result.data?.[field]) throw new Error(JSON.stringify(result.errors));
    return result.data[field].clue;
  }

  async function progress(filter: Input = {}, token = world.manager.token): Promise<ClueProgress> {
    const result = await app.gql<{ sweepProgress: ClueProgress }>(
      proposedOp('ClueProgress'),
      { sweepId: world.sweep.id, filter },
      { token },
    );
    if (!result.data?.sweepProgress) throw new Error(JSON.stringify(result.errors));
    return result.data.sweepProgress;
  }

  const bureauRow = (report: ClueProgress, id: string) =>
    report.byBureau.find((row) => row.bureau.id === id)?.figures;
  const categoryRow = (report: ClueProgress, code: string) =>
    report.byCategory.find((row) => row.category.code === code)?.figures;

  it('counts accepted complaints and received reports, closed ones and the rate, in the handling bureau’s rows adding up to the totals', async () => {
    const report = await progress();
    expect(report.totals).toEqual({ cluesReceived: 3, cluesClosed: 1, clueClosureRate: 0.3333 });
    expect(bureauRow(report, world.bureauA.id)).toEqual({
      cluesReceived: 2,
      cluesClosed: 1,
      clueClosureRate: 0.5,
    });
    expect(bureauRow(report, world.bureauA1.id)).toMatchObject({
      cluesReceived: 1,
      cluesClosed: 0,
    });
    expect(bureauRow(report, world.bureauB.id)).toEqual({
      cluesReceived: 1,
      cluesClosed: 0,
      clueClosureRate: 0,
    });
    const topLevel = [world.bureauA.id, world.bureauB.id].map(
      (id) => bureauRow(report, id)!.cluesReceived,
    );
    expect(topLevel.reduce((a, b) => a + b)).toBe(report.totals.cluesReceived);
    expect(categoryRow(report, 'SEASONED_FLOUR_PRODUCTS')).toEqual({
      cluesReceived: 1,
      cluesClosed: 1,
      clueClosureRate: 1,
    });
    expect(categoryRow(report, 'CAMPUS_FOOD')).toMatchObject({ cluesReceived: 1 });
    expect(categoryRow(report, 'VACCINES')).toEqual({
      cluesReceived: 0,
      cluesClosed: 0,
      clueClosureRate: null,
    });
    expect(report.summaryText).not.toMatch(/投诉|举报|办结/);
  });

  it('counts as of the `to` day: acceptance, closing and transfers out count only once they took effect', async () => {
    expect((await progress({ to: '2019-03-25' })).totals).toEqual({
      cluesReceived: 4,
      cluesClosed: 0,
      clueClosureRate: 0,
    });
    expect((await progress({ to: '2019-03-19' })).totals).toMatchObject({ cluesReceived: 1 });
    expect((await progress({ to: '2019-04-02' })).totals).toMatchObject({
      cluesReceived: 3,
      cluesClosed: 1,
    });
  });

  it('follows the from day (read from the raw tables), the bureau filter, the category filter and the caller’s scope', async () => {
    expect((await progress({ from: '2019-03-20' })).totals).toMatchObject({ cluesReceived: 1 });
    expect((await progress({ bureauId: world.bureauA.id })).totals).toMatchObject({
      cluesReceived: 2,
      cluesClosed: 1,
    });
    expect(
      (await progress({ categoryCodes: ['SEASONED_FLOUR_PRODUCTS', 'CAMPUS_FOOD'] })).totals,
    ).toMatchObject({ cluesReceived: 2 });
    expect((await progress({}, world.inspectorB.token)).totals).toMatchObject({
      cluesReceived: 1,
    });
  });
});
