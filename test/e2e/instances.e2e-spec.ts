import { randomUUID } from 'node:crypto';
import { LOGIN_THROTTLE } from '../../src/auth/login-throttle.service';
import { OfficerCache } from '../../src/officers/officer-cache';
import {
  createFinding,
  createInspection,
  createPremises,
  createSweep,
} from '../factories/field-work';
import { cityBureau, createBureau, createOfficer, OfficerRecord } from '../factories/people';
import { ADMIN_CERTIFICATE, ADMIN_PASSWORD, startTestApp, TestApp } from '../helpers/test-app';
import { createTestDatabase, dropTestDatabase } from '../setup/database';

const FINDINGS = 20;

interface OrderAnswer {
  orderRectification?: { replayed: boolean; finding: { id: string; version: number } };
}

describe('two instances on one database', () => {
  let databaseUrl: string;
  let first: TestApp;
  let second: TestApp;
  let inspector: OfficerRecord;
  let findingIds: string[];

  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
    // One after the other, as two instances of a deployment start.
    first = await startTestApp({ TRUST_PROXY: 'loopback' }, { databaseUrl });
    second = await startTestApp({ TRUST_PROXY: 'loopback' }, { databaseUrl });
    const bureau = await createBureau(first);
    inspector = await createOfficer(first, bureau.id, ['INSPECTOR']);
    const colleague = await createOfficer(first, bureau.id, ['INSPECTOR']);
    const sweep = await createSweep(first, { leadBureauId: (await cityBureau(first)).id });
    const premises = await createPremises(first, { bureauId: bureau.id });
    findingIds = [];
    for (let index = 0; index < FINDINGS; index += 1) {
      const inspection = await createInspection(first, {
        sweepId: sweep.id,
        categoryId: sweep.categoryIds.get('SEASONED_FLOUR_PRODUCTS')!,
        premisesId: premises.id,
        officerIds: [inspector.id, colleague.id],
      });
      findingIds.push((await createFinding(first, { inspectionId: inspection.id })).id);
    }
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
    await dropTestDatabase(databaseUrl);
  });

  it('keeps one administrator and one city bureau when a second instance starts', async () => {
    const [counts] = await first.query<{ admins: number; cities: number }>(
      `SELECT (SELECT count(*)::int FROM officers WHERE certificate_number = $1) AS admins,
              (SELECT count(*)::int FROM bureaus WHERE code = 'CITY') AS cities`,
      [ADMIN_CERTIFICATE],
    );
    expect(counts).toEqual({ admins: 1, cities: 1 });
  });

  it('runs each idempotency key once when the same request reaches both instances at once', async () => {
    const requests = findingIds.map((findingId) => ({
      findingId,
      input: {
        idempotencyKey: randomUUID(),
        findingId,
        expectedVersion: 1,
        deadline: '2019-04-05',
        documentNumber: '宁市监责改〔2019〕7号',
      },
    }));
    const answers = await Promise.all(
      requests.map(({ input }) =>
        Promise.all(
          [first, second].map((app) =>
            app.gql<OrderAnswer>('OrderRectification', { input }, { token: inspector.token }),
          ),
        ),
      ),
    );
    for (const pair of answers) {
      for (const answer of pair) expect(answer.errors).toBeUndefined();
      const replayed = pair.map((answer) => answer.data!.orderRectification!.replayed).sort();
      expect(replayed).toEqual([false, true]);
      expect(pair.map((answer) => answer.data!.orderRectification!.finding.version)).toEqual([
        2, 2,
      ]);
    }
    const rows = await first.query<{ finding_id: string; follow_ups: number; records: number }>(
      `SELECT f.id AS finding_id,
         (SELECT count(*)::int FROM follow_ups u WHERE u.finding_id = f.id) AS follow_ups,
         (SELECT count(*)::int FROM idempotency_records r
            WHERE r.officer_id = $2 AND r.result ->> 'findingId' = f.id::text) AS records
       FROM findings f WHERE f.id = ANY($1::uuid[])`,
      [findingIds, inspector.id],
    );
    expect(rows).toHaveLength(FINDINGS);
    expect(rows.filter((row) => row.follow_ups !== 1 || row.records !== 1)).toEqual([]);
  });

  describe('the officers each instance keeps (issue 15)', () => {
    const me = (app: TestApp, token: string) => app.gql('Me', {}, { token });
    const code = async (app: TestApp, token: string) =>
      (await me(app, token)).errors?.[0].extensions?.code;

    it('refuses a deactivated officer at once on the instance that deactivated them, and on the other as soon as it is told', async () => {
      const admin = await createOfficer(first, (await cityBureau(first)).id, ['ADMIN']);
      const officer = await createOfficer(first, inspector.bureauId, ['INSPECTOR']);
      for (const app of [first, second]) {
        expect((await me(app, officer.token)).data!.me.id).toBe(officer.id);
        // Both instances now keep the officer: the next requests would not read them again.
        expect(app.app.get(OfficerCache).get(officer.id)).toMatchObject({ active: true });
      }
      const told = second.app.get(OfficerCache).nextChangeOf(officer.id);
      const deactivated = await first.gql(
        'DeactivateOfficer',
        { id: officer.id },
        { token: admin.token },
      );
      expect(deactivated.data!.deactivateOfficer.officer).toEqual({
        id: officer.id,
        active: false,
      });
      expect(await code(first, officer.token)).toBe('UNAUTHENTICATED');
      // The other instance hears the officers table's notification when the change commits.
      await told;
      expect(second.app.get(OfficerCache).get(officer.id)).toBeUndefined();
      expect(await code(second, officer.token)).toBe('UNAUTHENTICATED');
    });

    it('hears a change written straight into the officers table on every instance', async () => {
      const officer = await createOfficer(first, inspector.bureauId, ['INSPECTOR']);
      for (const app of [first, second]) expect(await code(app, officer.token)).toBeUndefined();
      const told = [first, second].map((app) => app.app.get(OfficerCache).nextChangeOf(officer.id));
      // As an operator ending every token of the officer would.
      await first.query(`UPDATE officers SET token_version = token_version + 1 WHERE id = $1`, [
        officer.id,
      ]);
      await Promise.all(told);
      for (const app of [first, second])
        expect(await code(app, officer.token)).toBe('UNAUTHENTICATED');
    });
  });

  it('counts login failures across instances: failures on one throttle the other', async () => {
    const attempt = (app: TestApp, password: string) =>
      app.gql(
        'Login',
        { input: { certificateNumber: ADMIN_CERTIFICATE, password } },
        { headers: { 'x-forwarded-for': '203.0.113.50' } },
      );
    for (let index = 0; index < LOGIN_THROTTLE.perCertificateAndAddress; index += 1) {
      const failed = await attempt(first, 'wrong-password-here');
      expect(failed.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    }
    const throttled = await attempt(second, ADMIN_PASSWORD);
    expect(throttled.errors![0].extensions!.code).toBe('TOO_MANY_REQUESTS');
  });
});
