import { createOfficer } from '../factories/people';
import { createSweepWorld, SweepWorld } from '../helpers/sweep-world';

const EXTEND = `mutation Extend($input: ExtendSweepInput!) {
  extendSweep(input: $input) { sweep { id startDate endDate } }
}`;

/** Issue 17, item 5: sweep dates from 2000-01-01, at most 366 days, a manager extends. */
describe('sweep date bounds', () => {
  let w: SweepWorld;
  beforeAll(async () => (w = await createSweepWorld()));
  afterAll(() => w.app.close());

  const create = (startDate: string, endDate: string) => {
    const input = w.sweepInput({ startDate, endDate });
    return w.app.gql('CreateSweep', { input }, { token: w.manager.token });
  };
  const paths = (result: { errors?: { extensions?: Record<string, any> }[] }) =>
    ((result.errors?.[0].extensions?.fields ?? []) as { path: string }[]).map((f) => f.path);

  it('refuses the probe’s 0100-01-01 to 9999-12-31 on both fields, and writes nothing', async () => {
    const before = await w.app.query(`SELECT count(*)::int AS count FROM sweeps`);
    const result = await create('0100-01-01', '9999-12-31');
    expect(result.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(paths(result)).toEqual(['input.startDate', 'input.endDate']);
    expect(await w.app.query(`SELECT count(*)::int AS count FROM sweeps`)).toEqual(before);
  });

  it('accepts 366 days and refuses 367', async () => {
    expect((await create('2020-01-01', '2020-12-31')).errors).toBeUndefined();
    const long = await create('2019-01-01', '2020-01-02');
    expect(paths(long)).toEqual(['input.endDate']);
  });

  it('lets a manager extend a sweep past a year, step by step, audited; no one else', async () => {
    const created = await create('2019-03-01', '2019-12-31');
    const id = created.data!.createSweep.sweep.id as string;
    const extend = (endDate: string, token = w.manager.token) =>
      w.app.gql(EXTEND, { input: { sweepId: id, endDate } }, { token });

    expect((await extend('2020-06-30')).data!.extendSweep.sweep).toMatchObject({
      startDate: '2019-03-01',
      endDate: '2020-06-30',
    });
    expect(paths(await extend('2020-06-01'))).toEqual(['input.endDate']);
    expect(paths(await extend('2021-07-02'))).toEqual(['input.endDate']);
    const inspector = await createOfficer(w.app, w.east.id, ['INSPECTOR', 'SUPERVISOR']);
    expect((await extend('2020-07-31', inspector.token)).errors![0].extensions!.code).toBe(
      'FORBIDDEN',
    );
    const [audit] = await w.app.query(
      `SELECT before->>'endDate' AS before, after->>'endDate' AS after FROM audit_events
       WHERE entity_id = $1 AND action = 'EXTEND'`,
      [id],
    );
    expect(audit).toEqual({ before: '2019-12-31', after: '2020-06-30' });
  });
});
