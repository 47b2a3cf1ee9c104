import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The bureau tree (行政层级) in one place: `bureau_subtree(id)` is a bureau and all its descendants
 * (its jurisdiction, 管辖范围), `bureau_ancestry(id)` a bureau and all its ancestors. Every query
 * that needs either calls these (through src/bureaus/bureau-tree.ts) instead of writing its own
 * recursive walk. A function rather than a closure table: a city has a few dozen bureaus, so the
 * walk costs microseconds, and a function has no second copy of the tree for triggers to keep in
 * step when a bureau is created or moved.
 */
export class BureauTree1795922200000 implements MigrationInterface {
  name = 'BureauTree1795922200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION bureau_subtree(root uuid) RETURNS SETOF uuid
      LANGUAGE sql STABLE PARALLEL SAFE AS $$
        WITH RECURSIVE subtree(id) AS (
          SELECT id FROM bureaus WHERE id = root
          UNION ALL
          SELECT b.id FROM bureaus b JOIN subtree s ON b.parent_id = s.id
        )
        SELECT id FROM subtree
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION bureau_ancestry(bureau uuid) RETURNS SETOF uuid
      LANGUAGE sql STABLE PARALLEL SAFE AS $$
        WITH RECURSIVE up(id, parent_id) AS (
          SELECT id, parent_id FROM bureaus WHERE id = bureau
          UNION ALL
          SELECT b.id, b.parent_id FROM bureaus b JOIN up ON b.id = up.parent_id
        )
        SELECT id FROM up
      $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION bureau_ancestry(uuid)`);
    await queryRunner.query(`DROP FUNCTION bureau_subtree(uuid)`);
  }
}
