import { randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { createFinding, createInspection } from '../../factories/field-work';
import { asApp, mediumField, type MediumField } from '../inspections/field';
import { mediumDatabase, type MediumDatabase } from '../medium';

/**
 * The database's own guarantees on the clue (投诉举报线索) and compulsory-measure (查封、扣押) tables
 * (migration 1796500000000): a row that references nothing is refused whatever the service does,
 * and a measure has at most one open suspension.
 */
describe('foreign keys of clues and compulsory measures', () => {
  let db: MediumDatabase;
  let field: MediumField;
  let findingId = '';

  beforeAll(async () => {
    db = await mediumDatabase();
    field = await mediumField(db);
    const inspection = await createInspection(asApp(db), {
      sweepId: field.sweep.id,
      categoryId: field.categoryId,
      premisesId: field.shopA,
      officerIds: field.officersA,
    });
    findingId = (await createFinding(asApp(db), { inspectionId: inspection.id })).id;
  });
  afterAll(() => db.close());

  const insertClue = (manager: EntityManager, bureauId: string) =>
    manager.query<{ id: string }[]>(
      `INSERT INTO clues (number, kind, source, received_on, bureau_id, content, anonymous, status, created_by_id)
       VALUES ($1, 'REPORT', 'LETTER', '2019-03-20', $2, '举报内容', true, 'RECEIVED', $3) RETURNING id`,
      [`FK-${randomBytes(4).toString('hex')}`, bureauId, field.officersA[0]],
    );

  const insertMeasure = async (manager: EntityManager): Promise<string> => {
    const [row] = await manager.query<{ id: string }[]>(
      `INSERT INTO compulsory_measures (finding_id, sweep_id, bureau_id, premises_id, category_id, kind, decision_number,
         decided_on, approved_by_id, approved_on, officer_ids, items_value, due_on, created_by_id)
       SELECT f.id, f.sweep_id, f.bureau_id, f.premises_id, f.category_id, 'SEIZE', $2,
         '2019-03-20', $3, '2019-03-20', $4::uuid[], '0.00', '2019-05-05', $3
       FROM findings f WHERE f.id = $1 RETURNING id`,
      [findingId, `扣字FK-${randomBytes(4).toString('hex')}`, field.officersA[0], field.officersA],
    );
    return row.id;
  };

  const suspend = (manager: EntityManager, measureId: string, from: string, to: string | null) =>
    manager.query(
      `INSERT INTO compulsory_measure_suspensions (measure_id, reason, "from", "to", officer_id)
       VALUES ($1, 'TESTING', $2, $3, $4)`,
      [measureId, from, to, field.officersA[0]],
    );

  it('keeps a clue of an existing bureau', async () => {
    const rows = await db.rollback((manager) => insertClue(manager, field.bureauA.id));
    expect(rows).toHaveLength(1);
  });

  it('refuses a clue of a bureau that does not exist', async () => {
    await expect(db.rollback((manager) => insertClue(manager, randomUUID()))).rejects.toMatchObject(
      { code: '23503', constraint: 'clues_bureau_fk' },
    );
  });

  it('refuses a link of a clue that does not exist', async () => {
    const link = db.rollback((manager) =>
      manager.query(
        `INSERT INTO clue_links (clue_id, finding_id, linked_by_id) VALUES ($1, $2, $3)`,
        [randomUUID(), findingId, field.officersA[0]],
      ),
    );
    await expect(link).rejects.toMatchObject({ code: '23503', constraint: 'clue_links_clue_fk' });
  });

  it('refuses an item of no measure', async () => {
    const item = db.rollback((manager) =>
      manager.query(
        `INSERT INTO compulsory_measure_items (measure_id, position, product, quantity, unit, value, custody_place)
         VALUES ($1, 1, '散装面粉', '10', '袋', '100.00', '局暂扣物品仓库')`,
        [randomUUID()],
      ),
    );
    await expect(item).rejects.toMatchObject({
      code: '23503',
      constraint: 'compulsory_measure_items_measure_fk',
    });
  });

  it('refuses a second open suspension of one measure, after a closed one', async () => {
    const second = db.rollback(async (manager) => {
      const measureId = await insertMeasure(manager);
      await suspend(manager, measureId, '2019-03-21', '2019-03-25');
      await suspend(manager, measureId, '2019-03-26', null);
      await suspend(manager, measureId, '2019-03-27', null);
    });
    await expect(second).rejects.toMatchObject({
      code: '23505',
      constraint: 'compulsory_measure_suspensions_open_key',
    });
  });

  it("removes a measure's items and suspensions with it, and refuses to remove its finding", async () => {
    const left = await db.rollback(async (manager) => {
      const measureId = await insertMeasure(manager);
      await suspend(manager, measureId, '2019-03-21', null);
      await manager.query(
        `INSERT INTO compulsory_measure_items (measure_id, position, product, quantity, unit, value, custody_place)
         VALUES ($1, 1, '散装面粉', '10', '袋', '100.00', '局暂扣物品仓库')`,
        [measureId],
      );
      await manager.query(`DELETE FROM compulsory_measures WHERE id = $1`, [measureId]);
      const [counts] = await manager.query<{ items: number; suspensions: number }[]>(
        `SELECT (SELECT count(*)::int FROM compulsory_measure_items WHERE measure_id = $1) AS items,
                (SELECT count(*)::int FROM compulsory_measure_suspensions WHERE measure_id = $1) AS suspensions`,
        [measureId],
      );
      return counts;
    });
    expect(left).toEqual({ items: 0, suspensions: 0 });

    const findingGone = db.rollback(async (manager) => {
      await insertMeasure(manager);
      await manager.query(`DELETE FROM findings WHERE id = $1`, [findingId]);
    });
    await expect(findingGone).rejects.toMatchObject({
      code: '23503',
      constraint: 'compulsory_measures_finding_fk',
    });
  });
});
