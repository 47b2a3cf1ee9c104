import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { CurrentOfficer } from '../auth/current-officer';
import { CurrentUser } from '../auth/decorators';
import type { Connection } from '../common/pagination/connection';
import { PageArgs } from '../common/pagination/connection';
import type { GraphQLContext } from '../graphql/context';
import {
  PharmacistConflictConnection,
  PharmacistConflictType,
} from './dto/pharmacist-conflict.types';
import { PremisesType } from './dto/premises.types';
import { PharmacistConflictsService } from './pharmacist-conflicts.service';
import { Premises } from './premises.entity';

@Resolver(() => PharmacistConflictType)
export class PharmacistConflictsResolver {
  constructor(private readonly conflicts: PharmacistConflictsService) {}

  @Query(() => PharmacistConflictConnection, {
    description:
      'Suspected certificate renting (执业药师挂证): every pharmacist registration number recorded at two or more pharmacies, by number. Any logged-in officer: MANAGER and ADMIN see all; inspectors and supervisors see a conflict when one of its pharmacies is in their jurisdiction, with only those pharmacies listed and the others counted in hiddenPharmacyCount.',
  })
  pharmacistRegistrationConflicts(
    @Args() page: PageArgs,
    @CurrentUser() officer: CurrentOfficer,
  ): Promise<Connection<PharmacistConflictType>> {
    return this.conflicts.list(page, officer);
  }

  @ResolveField(() => [PremisesType], {
    description:
      'The pharmacies (药店) recording the number that the caller may see (their jurisdiction; all for managers), with their bureaus via `bureau`.',
  })
  async pharmacies(
    @Parent() conflict: PharmacistConflictType,
    @Context() context: GraphQLContext,
  ): Promise<Premises[]> {
    const premises = await context.loaders.byId(Premises).loadMany(conflict.visiblePremisesIds);
    return premises.filter((row): row is Premises => row instanceof Premises);
  }
}

@Resolver(() => PremisesType)
export class PremisesPharmacistConflictsResolver {
  constructor(private readonly conflicts: PharmacistConflictsService) {}

  @ResolveField(() => [PharmacistConflictType], {
    description:
      'For a pharmacy: each of its pharmacist registration numbers also recorded at another pharmacy (疑似挂证), by number; `pharmacyCount` includes this pharmacy. Empty for other kinds and for pharmacies without conflicts.',
  })
  pharmacistConflicts(
    @Parent() premises: PremisesType,
    @Context() context: GraphQLContext,
    @CurrentUser() officer: CurrentOfficer,
  ): Promise<PharmacistConflictType[]> {
    return this.conflicts.forPremises(context.loaders, premises.id, officer);
  }
}
