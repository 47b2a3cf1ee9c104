import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Sweep } from './sweep.entity';

/**
 * How a write holds a sweep (专项整治行动) while it works under it: `share` for records written
 * under the sweep (an inspection, a finding, a plan) so that it cannot change status meanwhile;
 * `update` for a change of the sweep itself (activate, close, assign), which waits for those.
 */
export type SweepLock = 'share' | 'update';

/** Every SQL statement on sweeps and their assignments, categories and exposures. */
@Injectable()
export class SweepsRepository {
  /** The sweep, locked for the rest of the transaction, or null. The one way to lock a sweep. */
  lock(manager: EntityManager, id: string, mode: SweepLock): Promise<Sweep | null> {
    return manager
      .createQueryBuilder(Sweep, 's')
      .where('s.id = :id', { id })
      .setLock(mode === 'share' ? 'pessimistic_read' : 'pessimistic_write')
      .getOne();
  }
}
