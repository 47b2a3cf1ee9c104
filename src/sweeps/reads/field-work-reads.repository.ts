import { Injectable } from '@nestjs/common';
import type DataLoader from 'dataloader';
import type { Scope } from '../../common/scope';
import type { Loaders } from '../../graphql/loaders';
import { Inspection } from '../../inspections/inspection.entity';
import { Premises } from '../../premises/premises.entity';
import { byIdLoader } from './by-id-loader';

/**
 * TRANSITIONAL scoped reads of inspections and premises by id that selection needs (a plan's
 * visits), until they are folded into the inspections and premises areas' repositories. Both are
 * jurisdiction-bound: a record outside the scope loads as NOT_FOUND, however it is reached.
 */
@Injectable()
export class FieldWorkReadsRepository {
  /** Inspections by id within `scope` for this request; outside it or unknown, NOT_FOUND. */
  inspectionLoader(loaders: Loaders, scope: Scope): DataLoader<string, Inspection> {
    return loaders.custom('reads.inspectionInScope', () =>
      byIdLoader(loaders, 'Inspection', (manager, ids) =>
        scope
          .apply(
            manager.createQueryBuilder(Inspection, 'i').where('i.id IN (:...ids)', { ids }),
            'i.bureau_id',
          )
          .getMany(),
      ),
    );
  }

  /** Premises by id within `scope` for this request; outside it or unknown, NOT_FOUND. */
  premisesLoader(loaders: Loaders, scope: Scope): DataLoader<string, Premises> {
    return loaders.custom('reads.premisesInScope', () =>
      byIdLoader(loaders, 'Premises', (manager, ids) =>
        scope
          .apply(
            manager.createQueryBuilder(Premises, 'p').where('p.id IN (:...ids)', { ids }),
            'p.bureau_id',
          )
          .getMany(),
      ),
    );
  }
}
