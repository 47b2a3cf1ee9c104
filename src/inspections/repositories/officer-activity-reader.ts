import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * The read of officers (执法人员) the two-officer rule needs. TO BE FOLDED into
 * `OfficersRepository.activityByIds(manager, ids)` (src/officers) at merge.
 */
@Injectable()
export class OfficerActivityReader {
  /** Whether each officer found is active, by id; ids not found are absent. */
  async activityByIds(
    manager: EntityManager,
    ids: readonly string[],
  ): Promise<Map<string, boolean>> {
    if (ids.length === 0) return new Map();
    const rows = await manager.query<{ id: string; active: boolean }[]>(
      `SELECT id, active FROM officers WHERE id = ANY($1::uuid[])`,
      [[...ids]],
    );
    return new Map(rows.map((row) => [row.id, row.active]));
  }
}
