import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { CurrentOfficer } from '../auth/current-officer';
import { InvalidState, NotFound } from '../common/errors/domain-errors';
import { TERMINAL_STATUSES } from '../inspections/finding.entity';
import { Sweep } from '../sweeps/sweep.entity';

/**
 * 结束专项整治行动: ACTIVE → CLOSED. A sweep closes only when every finding that counts (not voided)
 * has a terminal follow-up (RESOLVED, CLOSED, TRANSFERRED), or when the manager carries the open
 * ones over (结转): they are flagged `carried_over` and stay workable after the sweep closes.
 */
@Injectable()
export class CloseSweepService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async close(
    input: { sweepId: string; carryOverOpenFindings?: boolean | null },
    actor: CurrentOfficer,
  ): Promise<Sweep> {
    return this.dataSource.transaction(async (manager) => {
      const before = await manager
        .getRepository(Sweep)
        .createQueryBuilder('s')
        .setLock('pessimistic_write')
        .where('s.id = :id', { id: input.sweepId })
        .getOne();
      if (!before) throw new NotFound('Sweep', input.sweepId);
      if (before.status !== 'ACTIVE') {
        throw new InvalidState(`Only an ACTIVE sweep can be closed`, before.status, 'CLOSE');
      }
      // Rows locked so no follow-up changes a status between this check and the close.
      const open = await manager.query<{ id: string }[]>(
        `SELECT id FROM findings
         WHERE sweep_id = $1 AND NOT voided AND status <> ALL($2::varchar[])
         ORDER BY id FOR UPDATE`,
        [input.sweepId, TERMINAL_STATUSES],
      );
      if (open.length > 0 && !input.carryOverOpenFindings) {
        throw new InvalidState(
          `${open.length} finding(s) of the sweep are not yet RESOLVED, CLOSED or TRANSFERRED; settle them or close with carryOverOpenFindings`,
          before.status,
          'CLOSE',
        );
      }
      const openIds = open.map((row) => row.id);
      if (openIds.length > 0) {
        // Not a follow-up step: the workflow status and version stay as they are.
        await manager.query(
          `UPDATE findings SET carried_over = true, updated_at = now() WHERE id = ANY($1::uuid[])`,
          [openIds],
        );
      }
      await manager.query(`UPDATE sweeps SET status = 'CLOSED', closed_at = now() WHERE id = $1`, [
        input.sweepId,
      ]);
      const after = await manager.findOneByOrFail(Sweep, { id: input.sweepId });
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'CLOSE',
        entityType: 'Sweep',
        entityId: after.id,
        before,
        after: { ...after, carriedOverFindingIds: openIds },
        requestId: actor.requestId,
      });
      return after;
    });
  }
}
