import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentScope } from '../auth/decorators';
import type { Connection } from '../common/pagination/connection';
import { PageArgs } from '../common/pagination/connection';
import type { Scope } from '../common/scope';
import type { GraphQLContext } from '../graphql/context';
import {
  PharmacistConflictConnection,
  PharmacistConflictType,
} from './dto/pharmacist-conflict.types';
import { PremisesType } from './dto/premises.types';
import { PharmacistConflictsService } from './pharmacist-conflicts.service';
import type { Premises } from './premises.entity';
import { PremisesRepository } from './premises.repository';

@Resolver(() => PharmacistConflictType)
export class PharmacistConflictsResolver {
  constructor(
    private readonly conflicts: PharmacistConflictsService,
    private readonly premises: PremisesRepository,
  ) {}

  @Query(() => PharmacistConflictConnection, {
    description:
      'Suspected certificate renting (执业药师挂证): every pharmacist registration number recorded at two or more pharmacies, by number. Any logged-in officer: MANAGER and ADMIN see all; inspectors and supervisors see a conflict when one of its pharmacies is in their jurisdiction, with only those pharmacies listed and the others counted in hiddenPharmacyCount.',
  })
  pharmacistRegistrationConflicts(
    @Args() page: PageArgs,
    @CurrentScope() scope: Scope,
  ): Promise<Connection<PharmacistConflictType>> {
    return this.conflicts.list(page, scope);
  }

  @ResolveField(() => [PremisesType], {
    description:
      'The pharmacies (药店) recording the number that the caller may see (their jurisdiction; all for managers), with their bureaus via `bureau`.',
  })
  async pharmacies(
    @Parent() conflict: PharmacistConflictType,
    @Context() context: GraphQLContext,
    @CurrentScope() scope: Scope,
  ): Promise<Premises[]> {
    // the visible ids are those of the scope already; the loader applies it again all the same
    const premises = await this.premises
      .premisesLoader(context.loaders, scope)
      .loadMany(conflict.visiblePremisesIds);
    return premises.filter((row): row is Premises => !(row instanceof Error));
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
    @CurrentScope() scope: Scope,
  ): Promise<PharmacistConflictType[]> {
    return this.conflicts.forPremises(context.loaders, scope, premises.id);
  }
}
