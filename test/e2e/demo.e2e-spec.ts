import { seedDemo } from '../../src/bootstrap/demo-seed';
import { DEMO_PASSWORD } from '../../src/bootstrap/demo-data';
import { startTestApp, TestApp } from '../helpers/test-app';

describe('the demo of the 2019 sweep', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ SEED_DEMO: 'true' });
  });
  afterAll(() => app.close());

  it('lets a demo manager log in at once and see the city bureau tree', async () => {
    const token = await app.login('DEMO-MANAGER', DEMO_PASSWORD);
    const me = await app.gql('Me', {}, { token });
    expect(me.data!.me).toMatchObject({
      name: '王建国',
      roles: ['MANAGER'],
      bureau: { code: 'CITY' },
    });
    const bureaus = await app.gql('Bureaus', {}, { token });
    const codes = bureaus.data!.bureaus.map((bureau: { code: string }) => bureau.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        'CITY',
        'XINGQING',
        'JINFENG',
        'XIXIA',
        'YONGNING',
        'HELAN',
        'LINGWU',
      ]),
    );
  });

  it('has officers of every role who can log in', async () => {
    for (const certificate of ['DEMO-ADMIN', 'XQ-SUP-01', 'XQ-INS-01', 'YN-INS-02']) {
      await expect(app.login(certificate, DEMO_PASSWORD)).resolves.toEqual(expect.any(String));
    }
  });

  it('holds premises of every kind, the two gala exposures and the 2019 sweep with its inspections', async () => {
    const kinds = await app.query<{ kind: string }>(
      `SELECT DISTINCT kind FROM premises ORDER BY kind`,
    );
    expect(kinds).toHaveLength(11);
    const exposures = await app.query(`SELECT title FROM exposures WHERE source = 'CCTV_315_GALA'`);
    expect(exposures).toHaveLength(2);
    const [sweep] =
      await app.query(`SELECT status, directive, (SELECT count(*)::int FROM sweep_exposures se WHERE se.sweep_id = s.id) AS exposures
      FROM sweeps s WHERE code = '2019-315-DPC'`);
    expect(sweep).toEqual({ status: 'ACTIVE', directive: '寧市監辦發〔2019〕21號', exposures: 2 });
    const statuses = await app.query<{ status: string }>(
      `SELECT DISTINCT status FROM findings ORDER BY status`,
    );
    expect(statuses.map((row) => row.status)).toEqual([
      'CASE_FILED',
      'CLOSED',
      'OPEN',
      'PENALIZED',
      'RECTIFYING',
      'RESOLVED',
      'TRANSFERRED',
    ]);
    const [voided] = await app.query(`SELECT count(*)::int AS count FROM inspections WHERE voided`);
    expect(voided.count).toBe(1);
  });

  it('keeps findings consistent with their follow-ups', async () => {
    const mismatched = await app.query(`
      SELECT f.id FROM findings f
      WHERE f.version <> 1 + (SELECT count(*) FROM follow_ups u WHERE u.finding_id = f.id)
         OR f.status <> coalesce((SELECT u.to_status FROM follow_ups u WHERE u.finding_id = f.id ORDER BY u.at DESC LIMIT 1), 'OPEN')`);
    expect(mismatched).toEqual([]);
  });

  it('audits every seeded record and does not seed twice', async () => {
    const [unaudited] = await app.query(`SELECT count(*)::int AS count FROM inspections i
      WHERE NOT EXISTS (SELECT 1 FROM audit_events a WHERE a.entity_id = i.id)`);
    expect(unaudited.count).toBe(0);
    const before = await app.query(`SELECT count(*)::int AS count FROM premises`);
    await expect(app.dataSource.transaction((manager) => seedDemo(manager))).resolves.toBe(false);
    expect(await app.query(`SELECT count(*)::int AS count FROM premises`)).toEqual(before);
  });
});
