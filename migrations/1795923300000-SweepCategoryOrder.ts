import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The order in which a sweep lists its target categories (reports follow it: DOMAIN.md, Sweep).
 * Sweeps created before it get the categories in the order of the 2019 directive, as DOMAIN.md's
 * table lists them (any other category after those, by code).
 */
export class SweepCategoryOrder1795923300000 implements MigrationInterface {
  name = 'SweepCategoryOrder1795923300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "sweeps" ADD "category_order" uuid array NOT NULL DEFAULT '{}'`,
    );
    await queryRunner.query(`
      UPDATE sweeps s SET category_order = coalesce((
        SELECT array_agg(sc.category_id ORDER BY coalesce(array_position(ARRAY[
          'SEASONED_FLOUR_PRODUCTS', 'CAMPUS_FOOD', 'PHARMACIST_CERTIFICATES', 'VACCINES',
          'AGRICULTURAL_INPUTS']::varchar[], c.code), 100), c.code)
        FROM sweep_categories sc JOIN target_categories c ON c.id = sc.category_id
        WHERE sc.sweep_id = s.id
      ), '{}')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sweeps" DROP COLUMN "category_order"`);
  }
}
