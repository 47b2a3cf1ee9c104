import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentScope } from '../auth/decorators';
import type { Connection } from '../common/pagination/connection';
import { PageArgs, pageOf } from '../common/pagination/connection';
import type { Scope } from '../common/scope';
import { type GraphQLContext, scopeOf } from '../graphql/context';
import { InspectionConnection } from '../premises/dto/premises.inputs';
import { PremisesType } from '../premises/dto/premises.types';
import { InspectionType } from './dto/inspection.types';
import type { Inspection } from './inspection.entity';
import {
  InspectionsRepository,
  premisesInspectionsCursor,
} from './repositories/inspections.repository';

/**
 * The inspections of a premises (市场主体), as the caller's jurisdiction sees them: by the
 * inspections' own bureau, so that when a premises moves to another bureau each bureau sees only
 * the inspections it logged.
 */
@Resolver(() => PremisesType)
export class PremisesInspectionsResolver {
  constructor(private readonly repository: InspectionsRepository) {}

  @ResolveField(() => InspectionType, {
    nullable: true,
    description:
      'The latest inspection (检查记录) that is not voided, by time of visit; null if none.',
  })
  lastInspection(
    premises: PremisesType,
    _args: unknown,
    context: GraphQLContext,
  ): Promise<Inspection | null> {
    return this.repository
      .lastOfPremisesLoader(context.loaders, scopeOf(context))
      .load(premises.id);
  }

  @ResolveField(() => InspectionConnection, {
    description:
      'Inspections (检查记录) of the premises that are not voided, newest visit first. Page size default 20, at most 100.',
  })
  inspections(
    @Parent() premises: PremisesType,
    @Args() page: PageArgs,
    @Context() context: GraphQLContext,
    @CurrentScope() scope: Scope,
  ): Promise<Connection<Inspection>> {
    const request = pageOf(page);
    const cursor = request.cursor
      ? premisesInspectionsCursor.decode(request.cursor, request.cursorArgument)
      : null;
    return this.repository
      .pagesOfPremisesLoader(context.loaders, scope, { page: request, cursor })
      .load(premises.id);
  }
}
