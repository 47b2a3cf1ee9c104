import { AuditRepository } from '../../../src/audit/audit.repository';
import { AuditService } from '../../../src/audit/audit.service';
import { BadUserInput } from '../../../src/common/errors/domain-errors';
import { Database } from '../../../src/database/database';
import { EXPOSURE_CURSOR, ExposuresRepository } from '../../../src/exposures/exposures.repository';
import { ExposuresService } from '../../../src/exposures/exposures.service';
import { Loaders } from '../../../src/graphql/loaders';
import { ReferenceRepository } from '../../../src/reference/reference.repository';
import { ReferenceService } from '../../../src/reference/reference.service';
import { SweepsRepository } from '../../../src/sweeps/sweeps.repository';
import { cityBureau } from '../../factories/people';
import { mediumDatabase, type MediumDatabase } from '../medium';

describe('the exposures list and its cursor', () => {
  let db: MediumDatabase;
  let service: ExposuresService;
  const exposures = new ExposuresRepository();
  const days = ['2019-04-01', '2019-03-20', '2019-03-20', '2019-03-20', '2019-02-10'];

  beforeAll(async () => {
    db = await mediumDatabase();
    const database = new Database(db.dataSource);
    service = new ExposuresService(
      database,
      exposures,
      new AuditService(new AuditRepository()),
      new ReferenceService(database, new ReferenceRepository()),
    );
    for (const [index, exposedOn] of days.entries()) {
      await db.query(
        `INSERT INTO exposures (title, source, exposed_on, involves_jurisdiction) VALUES ($1, 'MEDIA', $2, false)`,
        [`曝光${index}`, exposedOn],
      );
    }
  });
  afterAll(() => db.close());

  it('pages newest exposedOn first, ties by id, each cursor the sort key of its edge', async () => {
    const expected = await db.query<{ id: string; day: string }>(
      `SELECT id, to_char(exposed_on, 'YYYY-MM-DD') AS day FROM exposures ORDER BY exposed_on DESC, id DESC`,
    );
    const seen: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 10; page++) {
      const connection = await service.list({ first: 2, after });
      expect(connection.totalCount).toBe(days.length);
      for (const edge of connection.edges) {
        seen.push(edge.node.id);
        expect(EXPOSURE_CURSOR.decode(edge.cursor)).toEqual([edge.node.exposedOn, edge.node.id]);
      }
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor!;
    }
    expect(seen).toEqual(expected.map((row) => row.id));
  });

  it('starts after a cursor’s key, even when that key is of no row', async () => {
    const page = await service.list({
      first: 10,
      after: EXPOSURE_CURSOR.encode(['2019-03-21', '00000000-0000-4000-8000-000000000000']),
    });
    expect(page.edges.map((edge) => edge.node.exposedOn)).toEqual([
      '2019-03-20',
      '2019-03-20',
      '2019-03-20',
      '2019-02-10',
    ]);
  });

  it('refuses a malformed cursor as BAD_USER_INPUT on after', async () => {
    const encode = (values: unknown[]) =>
      Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
    for (const after of [
      'not-a-cursor',
      encode(['not-a-day', 'not-a-uuid']),
      encode(['2019-03-20', 'not-a-uuid']),
      encode(['2019-02-30', '00000000-0000-4000-8000-000000000000']),
      encode(['2019-03-20', '00000000-0000-4000-8000-000000000000', 1]),
    ]) {
      const error = await service.list({ after }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(BadUserInput);
      expect((error as BadUserInput).extensions.fields).toEqual([
        expect.objectContaining({ path: 'after' }),
      ]);
    }
  });

  it('loads exposures by id and the sweeps each triggered, newest start first', async () => {
    const [first, second] = await db.query<{ id: string }>(
      `SELECT id FROM exposures ORDER BY exposed_on DESC, id DESC`,
    );
    const city = await cityBureau(db);
    const sweep = async (code: string, startDate: string) =>
      (
        await db.query<{ id: string }>(
          `INSERT INTO sweeps (code, title, directive, lead_bureau_id, status, start_date, end_date)
           VALUES ($1, '专项整治', '文号', $2, 'DRAFT', $3, '2019-12-31') RETURNING id`,
          [code, city.id, startDate],
        )
      )[0].id;
    const older = await sweep('OLDER', '2019-03-16');
    const newer = await sweep('NEWER', '2019-05-01');
    for (const sweepId of [older, newer])
      await db.query(`INSERT INTO sweep_exposures (sweep_id, exposure_id) VALUES ($1, $2)`, [
        sweepId,
        first.id,
      ]);

    const loaders = new Loaders(db.database);
    const sweepIds = new SweepsRepository().sweepIdsByExposureLoader(loaders);
    const [sweepsOfFirst, sweepsOfSecond] = await Promise.all([
      sweepIds.load(first.id),
      sweepIds.load(second.id),
    ]);
    expect([...sweepsOfFirst].sort()).toEqual([older, newer].sort());
    expect(sweepsOfSecond).toEqual([]);

    const unknown = '00000000-0000-4000-8000-000000000000';
    const loaded = await exposures.exposureLoader(loaders).loadMany([second.id, unknown]);
    expect(loaded.map((row) => row && !(row instanceof Error) && row.id)).toEqual([
      second.id,
      undefined,
    ]);
    expect(exposures.exposureLoader(loaders)).toBe(exposures.exposureLoader(loaders));
  });
});
