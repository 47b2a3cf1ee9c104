import { CalendarService } from '../../../src/common/time/calendar.service';
import { Database } from '../../../src/database/database';
import { Loaders } from '../../../src/graphql/loaders';
import { CalendarRepository } from '../../../src/reference/calendar.repository';
import { ReferenceRepository } from '../../../src/reference/reference.repository';
import { ReferenceService } from '../../../src/reference/reference.service';
import { mediumDatabase, type MediumDatabase } from '../medium';

describe('reference data and the holiday calendar', () => {
  let db: MediumDatabase;
  let reference: ReferenceService;
  const calendar = new CalendarService(new CalendarRepository());

  beforeAll(async () => {
    db = await mediumDatabase();
    reference = new ReferenceService(new Database(db.dataSource), new ReferenceRepository());
  });
  afterAll(() => db.close());

  it('loads the categories with their checklists in order and the violation types', async () => {
    const snapshot = await reference.load();
    const codes = snapshot.categories.map((category) => category.code);
    expect(codes).toEqual([...codes].sort());
    expect(codes).toContain('SEASONED_FLOUR_PRODUCTS');
    const [{ count }] = await db.query<{ count: number }>(
      'SELECT count(*)::int AS count FROM checklist_items',
    );
    expect(
      snapshot.categories.reduce((total, category) => total + category.checklist.length, 0),
    ).toBe(count);
    for (const category of snapshot.categories) {
      expect(snapshot.categoryById.get(category.id)).toBe(category);
      for (const item of category.checklist) expect(item.failViolationType).toBeDefined();
    }
    const first = snapshot.categories[0];
    const positions = await db.query<{ code: string }>(
      'SELECT code FROM checklist_items WHERE category_id = $1 ORDER BY position, code',
      [first.id],
    );
    expect(first.checklist.map((item) => item.code)).toEqual(positions.map((row) => row.code));
    expect(snapshot.violationTypeByCode.size).toBe(snapshot.violationTypes.length);
    // Inside a transaction it reads on the manager given, and per request once.
    expect((await db.rollback((manager) => reference.load(manager))).categories).toHaveLength(
      codes.length,
    );
    const loaders = new Loaders(db.database);
    expect(await reference.forRequest(loaders)).toBe(await reference.forRequest(loaders));
  });

  it('counts working days over the holiday table: holidays skipped, make-up days worked', async () => {
    // 2019-09-29 (Sunday) was worked for the National Day holiday, 2019-10-01..07 were off.
    const repository = new CalendarRepository();
    const exceptions = await repository.exceptionsBetween(db.manager, '2019-09-27', '2019-10-12');
    expect(exceptions.get('2019-09-29')).toBe(true);
    expect(exceptions.get('2019-10-01')).toBe(false);
    expect(exceptions.has('2019-09-27')).toBe(false);
    expect(exceptions.get('2019-10-12')).toBe(true);

    expect(await calendar.addWorkingDays(db.manager, '2019-09-27', 1)).toBe('2019-09-29');
    expect(await calendar.addWorkingDays(db.manager, '2019-09-27', 2)).toBe('2019-09-30');
    expect(await calendar.addWorkingDays(db.manager, '2019-09-27', 3)).toBe('2019-10-08');
  });
});
