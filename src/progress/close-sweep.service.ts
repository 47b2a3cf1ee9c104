import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import type { CurrentOfficer } from '../auth/current-officer';
import { InvalidState, NotFound } from '../common/errors/domain-errors';
import { message, type MessageKey } from '../common/messages/message';
import { Database } from '../database/database';
import type { Sweep } from '../sweeps/sweep.entity';
import { SweepsRepository } from '../sweeps/sweeps.repository';
import { CloseSweepRepository } from './close-sweep.repository';

/**
 * 结束专项整治行动: ACTIVE → CLOSED. A sweep closes only when every finding that counts (not voided)
 * has a terminal follow-up (RESOLVED, CLOSED, TRANSFERRED) and no compulsory measure still in force
 * on it, or when the manager carries the open ones over (结转): they are flagged `carried_over` and
 * stay workable after the sweep closes.
 */
@Injectable()
export class CloseSweepService {
  constructor(
    private readonly database: Database,
    private readonly sweeps: SweepsRepository,
    private readonly repository: CloseSweepRepository,
    private readonly audit: AuditService,
  ) {}

  async close(
    input: { sweepId: string; carryOverOpenFindings?: boolean | null },
    actor: CurrentOfficer,
  ): Promise<Sweep> {
    return this.database.transaction(async (manager) => {
      const before = await this.sweeps.lock(manager, input.sweepId, 'update');
      if (!before) throw new NotFound('Sweep', input.sweepId);
      if (before.status !== 'ACTIVE') {
        throw new InvalidState(
          message('progress.closeNotActive', {
            status: message(`state.${before.status}` as MessageKey),
          }),
          before.status,
          'CLOSE',
        );
      }
      const open = await this.repository.lockOpenFindingsUnscoped(manager, input.sweepId);
      const openIds = open.ids;
      if (openIds.length > 0 && !input.carryOverOpenFindings) {
        throw new InvalidState(
          open.underMeasure > 0
            ? message('progress.openFindingsWithMeasures', {
                count: openIds.length,
                measures: open.underMeasure,
                field: 'carryOverOpenFindings',
              })
            : message('progress.openFindings', {
                count: openIds.length,
                field: 'carryOverOpenFindings',
              }),
          before.status,
          'CLOSE',
        );
      }
      await this.repository.carryOver(manager, openIds);
      const after = await this.sweeps.markClosed(manager, input.sweepId);
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
