import { pageOf } from '../../../src/common/pagination/connection';
import { createHash, randomBytes } from 'node:crypto';
import { BadUserInput, NotFound } from '../../../src/common/errors/domain-errors';
import { Scope } from '../../../src/common/scope';
import { Loaders } from '../../../src/graphql/loaders';
import {
  FindingsRepository,
  FINDINGS_CURSORS,
} from '../../../src/inspections/repositories/findings.repository';
import { createFinding, createInspection } from '../../factories/field-work';
import { asApp, mediumField, MediumField, scopeOfA, scopeOfB } from '../inspections/field';
import { mediumDatabase, type MediumDatabase } from '../medium';

describe('FindingsRepository', () => {
  let db: MediumDatabase;
  let field: MediumField;
  const repository = new FindingsRepository();
  /** Findings by bureau, as written. */
  const ids = { a: [] as string[], a1: [] as string[], b: [] as string[], voided: '' };
  let inspectionOfA = '';

  beforeAll(async () => {
    db = await mediumDatabase();
    field = await mediumField(db);
    const app = asApp(db);
    const inspect = (premisesId: string, officerIds: string[], voided = false) =>
      createInspection(app, {
        sweepId: field.sweep.id,
        categoryId: field.categoryId,
        premisesId,
        officerIds,
        voided,
      });
    const inA = await inspect(field.shopA, field.officersA);
    inspectionOfA = inA.id;
    const inA1 = await inspect(field.shopA1, field.officersA);
    const inB = await inspect(field.shopB, field.officersB);
    for (let index = 0; index < 3; index += 1) {
      ids.a.push((await createFinding(app, { inspectionId: inA.id, severity: 'MINOR' })).id);
    }
    ids.a1.push((await createFinding(app, { inspectionId: inA1.id, status: 'RECTIFYING' })).id);
    ids.b.push((await createFinding(app, { inspectionId: inB.id })).id);
    const voided = await inspect(field.shopA, field.officersA, true);
    ids.voided = (await createFinding(app, { inspectionId: voided.id })).id;
  });
  afterAll(() => db.close());

  const listed = async (scope: Scope, filter = {}, first = 100) => {
    const page = await repository.list(db.manager, scope, filter, pageOf({ first }));
    return {
      totalCount: page.totalCount,
      ids: page.edges.map((edge) => edge.node.id).sort(),
    };
  };

  it('lists only the findings inside the scope, never voided ones, and counts the same', async () => {
    expect(await listed(scopeOfA(field))).toEqual({
      totalCount: 4,
      ids: [...ids.a, ...ids.a1].sort(),
    });
    expect(await listed(scopeOfB(field))).toEqual({ totalCount: 1, ids: ids.b });
    expect(await listed(Scope.system())).toEqual({
      totalCount: 5,
      ids: [...ids.a, ...ids.a1, ...ids.b].sort(),
    });
  });

  it('filters by a bureau subtree, within the scope still', async () => {
    expect((await listed(Scope.system(), { subtreeOf: field.bureauA.id })).ids).toEqual(
      [...ids.a, ...ids.a1].sort(),
    );
    expect((await listed(Scope.system(), { subtreeOf: field.bureauA1.id })).ids).toEqual(ids.a1);
    expect(
      (await listed(Scope.system(), { subtreeOf: field.city.id, alsoSubtreeOf: field.bureauA1.id }))
        .ids,
    ).toEqual(ids.a1);
    // A subtree outside the scope shows nothing: the scope always applies besides.
    expect(await listed(scopeOfA(field), { subtreeOf: field.bureauB.id })).toEqual({
      totalCount: 0,
      ids: [],
    });
    expect((await listed(scopeOfA(field), { statuses: ['RECTIFYING'] })).ids).toEqual(ids.a1);
    expect((await listed(scopeOfA(field), { severities: ['MINOR'] })).ids).toEqual(
      [...ids.a].sort(),
    );
  });

  it('pages newest first by cursor, each finding once, the count over all pages', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 10; pages += 1) {
      const page = await repository.list(
        db.manager,
        Scope.system(),
        {},
        pageOf({ first: 2, after: after ?? undefined }),
      );
      expect(page.totalCount).toBe(5);
      seen.push(...page.edges.map((edge) => edge.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect([...seen].sort()).toEqual([...ids.a, ...ids.a1, ...ids.b].sort());
    expect(new Set(seen).size).toBe(5);
    const all = await repository.list(db.manager, Scope.system(), {}, pageOf({ first: 100 }));
    expect(seen).toEqual(all.edges.map((edge) => edge.node.id));
    const createdAt = all.edges.map((edge) => edge.node.createdAt.getTime());
    expect([...createdAt].sort((x, y) => y - x)).toEqual(createdAt);
    // A cursor is (created_at in UTC with microseconds, id).
    const [at, id] = FINDINGS_CURSORS.FOUND_AT.decode(all.edges[0].cursor);
    expect(id).toBe(all.edges[0].node.id);
    expect(at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/);
  });

  it.each([
    ['not base64 JSON', 'garbage'],
    [
      'a day instead of an instant',
      Buffer.from('["2019-03-20","00000000-0000-4000-8000-000000000000"]').toString('base64url'),
    ],
    [
      'an id that is no UUID',
      Buffer.from('["2019-03-20T02:00:00.000000","x"]').toString('base64url'),
    ],
    [
      'three values',
      Buffer.from(
        '["2019-03-20T02:00:00.000000","00000000-0000-4000-8000-000000000000",1]',
      ).toString('base64url'),
    ],
  ])('refuses a cursor that is %s as BAD_USER_INPUT on after', async (_name, after) => {
    const refusal = await repository
      .list(db.manager, Scope.system(), {}, pageOf({ first: 2, after: after ?? undefined }))
      .catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(BadUserInput);
    expect((refusal as BadUserInput).fields.map((field) => field.path)).toEqual(['after']);
  });

  it('reads a finding by id only inside the scope, voided or not', async () => {
    expect((await repository.findInScope(db.manager, scopeOfA(field), ids.a1[0]))?.id).toBe(
      ids.a1[0],
    );
    expect(await repository.findInScope(db.manager, scopeOfA(field), ids.b[0])).toBeNull();
    expect((await repository.findInScope(db.manager, scopeOfA(field), ids.voided))?.voided).toBe(
      true,
    );
  });

  it("loads a request's findings by id as NOT_FOUND outside the scope", async () => {
    const loader = repository.findingLoader(new Loaders(db.database), scopeOfA(field));
    const [own, other] = await Promise.all([
      loader.load(ids.a[0]).catch((error: unknown) => error),
      loader.load(ids.b[0]).catch((error: unknown) => error),
    ]);
    expect(own).toMatchObject({ id: ids.a[0] });
    expect(other).toBeInstanceOf(NotFound);
  });

  it('tells whether a finding exists inside the scope, voided or not', async () => {
    expect(await repository.existsInScope(db.manager, scopeOfA(field), ids.a1[0])).toBe(true);
    expect(await repository.existsInScope(db.manager, scopeOfA(field), ids.voided)).toBe(true);
    expect(await repository.existsInScope(db.manager, scopeOfA(field), ids.b[0])).toBe(false);
    expect(await repository.existsInScope(db.manager, Scope.system(), ids.b[0])).toBe(true);
  });

  it('says an evidence file is cited only when a finding inside the scope cites it', async () => {
    const cited = createHash('sha256').update(randomBytes(32)).digest('hex');
    await db.query(`UPDATE findings SET evidence = $2::jsonb WHERE id = $1`, [
      ids.a1[0],
      JSON.stringify([
        { fileName: 'a.jpg', mediaType: 'image/jpeg', sizeBytes: 10, sha256: cited },
      ]),
    ]);
    expect(await repository.citesEvidenceInScope(db.manager, scopeOfA(field), cited)).toBe(true);
    expect(await repository.citesEvidenceInScope(db.manager, Scope.system(), cited)).toBe(true);
    expect(await repository.citesEvidenceInScope(db.manager, scopeOfB(field), cited)).toBe(false);
    const uncited = createHash('sha256').update(randomBytes(32)).digest('hex');
    expect(await repository.citesEvidenceInScope(db.manager, Scope.system(), uncited)).toBe(false);
  });

  it("gives the system job an inspection's finding ids in the order written", async () => {
    expect(await repository.idsOfInspectionForSystem(db.manager, inspectionOfA)).toEqual(ids.a);
  });
});
