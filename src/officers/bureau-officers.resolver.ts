import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentScope } from '../auth/decorators';
import { BureauType } from '../bureaus/dto/bureau.types';
import type { Connection } from '../common/pagination/connection';
import type { Scope } from '../common/scope';
import { Database } from '../database/database';
import { BureauOfficersArgs, OfficerConnection } from './dto/officer.types';
import type { Officer } from './officer.entity';
import { listOfficers } from './officers-list';
import { OfficersRepository } from './officers.repository';

/** Bureau.officers: the officers area owns the link (officers.bureau_id). */
@Resolver(() => BureauType)
export class BureauOfficersResolver {
  constructor(
    private readonly database: Database,
    private readonly repository: OfficersRepository,
  ) {}

  @ResolveField(() => OfficerConnection, {
    description:
      "The bureau's own officers (not its descendants'), by name then id. Inspectors and supervisors see those of their jurisdiction only: a bureau outside it lists none.",
  })
  officers(
    @Parent() bureau: BureauType,
    @Args() args: BureauOfficersArgs,
    @CurrentScope() scope: Scope,
  ): Promise<Connection<Officer>> {
    return listOfficers(
      this.database,
      this.repository,
      scope,
      { bureauId: bureau.id, active: args.active },
      args,
    );
  }
}
