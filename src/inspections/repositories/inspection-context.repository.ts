import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SqlParameters, type Scope } from '../../common/scope';
import { CalendarService, type WorkingDaysWindow } from '../../common/time/calendar.service';
import { hydrate } from '../../database/hydrate';
import { ExposedProduct } from '../../exposures/exposed-product.entity';
import { Officer } from '../../officers/officer.entity';
import { OfficersRepository } from '../../officers/officers.repository';
import { Premises } from '../../premises/premises.entity';
import { PremisesRepository } from '../../premises/premises.repository';
import { ReferenceRepository } from '../../reference/reference.repository';
import type { Sweep } from '../../sweeps/sweep.entity';
import { SweepsRepository } from '../../sweeps/sweeps.repository';

/** What logging an inspection (检查记录) checks and answers with, as of one statement. */
export interface InspectionContext {
  /** The sweep, held FOR SHARE until the transaction ends (it cannot change status meanwhile). */
  sweep: Sweep;
  /** The premises, when it is inside the caller's scope. */
  premises: Premises | null;
  /** Those of the officers named that may be on a visit to the premises (`eligibleForVisit`). */
  eligibleOfficers: Officer[];
  /** The ids of the sweep's target categories. */
  sweepCategoryIds: string[];
  /**
   * Those of the exposed products named that belong to an exposure of the sweep; all of the
   * sweep's when `allExposedProducts` was asked (to match product lots against them).
   */
  exposedProducts: ExposedProduct[];
  /** The holiday table over the window asked for (day → working day). */
  calendarExceptions: Record<string, boolean>;
  /** The reference data version, read before any reference data this transaction reads. */
  referenceVersion: string;
}

/** Who logs what where: the ids the input names. */
export interface InspectionContextQuery {
  sweepId: string;
  premisesId: string;
  officerIds: readonly string[];
  exposedProductIds: readonly string[];
  /** Whether to read every exposed product of the sweep (a finding names a lot to match). */
  allExposedProducts?: boolean;
  /** The holiday table's days the findings' clocks need, or null without findings. */
  calendar: WorkingDaysWindow | null;
}

/**
 * The one read of logInspection (issue 15): the sweep lock, the premises in scope, the officers'
 * eligibility, the sweep's categories and exposed products, the holiday days and the reference
 * data version, in a single statement instead of seven. Each part is the SQL of the repository
 * that owns its table, so every rule keeps one home; this class only puts them in one statement.
 */
@Injectable()
export class InspectionContextRepository {
  constructor(
    private readonly sweeps: SweepsRepository,
    private readonly premises: PremisesRepository,
    private readonly officers: OfficersRepository,
    private readonly calendar: CalendarService,
  ) {}

  /** Null when the sweep does not exist. */
  async read(
    manager: EntityManager,
    scope: Scope,
    query: InspectionContextQuery,
  ): Promise<InspectionContext | null> {
    const params = new SqlParameters(query.sweepId);
    const premisesId$ = params.add(query.premisesId, 'uuid');
    // Eligibility by the premises' own bureau, as the two-officer rule asks; if the premises is
    // outside the scope the request is refused before this list is looked at.
    const premisesBureau$ = `(SELECT pb.bureau_id FROM premises pb WHERE pb.id = ${premisesId$})`;
    const window = query.calendar ?? { from: '2000-01-01', to: '2000-01-01' };
    const read = await this.sweeps.lockWith(manager, params, 'share', {
      premises: this.premises.inScopeJsonSql(manager, scope, premisesId$, params),
      officers: this.officers.eligibleForVisitJsonSql(
        manager,
        params.add([...new Set(query.officerIds)], 'uuid[]'),
        premisesBureau$,
      ),
      categoryIds: this.sweeps.categoryIdsSql('s.id'),
      exposedProducts: this.sweeps.exposedProductsOfSweepJsonSql(
        's.id',
        params.add([...new Set(query.exposedProductIds)], 'uuid[]'),
        params.add(query.allExposedProducts ?? false, 'boolean'),
      ),
      calendar: this.calendar.exceptionsJsonSql(
        params.add(window.from, 'date'),
        params.add(window.to, 'date'),
      ),
      referenceVersion: ReferenceRepository.versionSql,
    });
    if (!read) return null;
    const { sweep, alongside } = read;
    const premises = alongside.premises as Record<string, unknown> | null;
    return {
      sweep,
      premises: premises ? hydrate(manager, Premises, premises, true) : null,
      eligibleOfficers: (alongside.officers as Record<string, unknown>[]).map((row) =>
        hydrate(manager, Officer, row, true),
      ),
      sweepCategoryIds: alongside.categoryIds as string[],
      exposedProducts: (alongside.exposedProducts as Record<string, unknown>[]).map((row) =>
        hydrate(manager, ExposedProduct, row, true),
      ),
      calendarExceptions: alongside.calendar as Record<string, boolean>,
      referenceVersion: alongside.referenceVersion as string,
    };
  }
}
