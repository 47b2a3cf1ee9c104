import {
  Args,
  Context,
  ID,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import type { CurrentOfficer } from '../auth/current-officer';
import { CurrentScope, CurrentUser, Roles } from '../auth/decorators';
import type { Bureau } from '../bureaus/bureau.entity';
import { BureausRepository } from '../bureaus/bureaus.repository';
import { BureauType } from '../bureaus/dto/bureau.types';
import type { Connection } from '../common/pagination/connection';
import type { Scope } from '../common/scope';
import { UuidPipe } from '../common/validation/uuid.pipe';
import { Database } from '../database/database';
import type { GraphQLContext } from '../graphql/context';
import {
  CreateOfficerInput,
  OfficerConnection,
  OfficerPayload,
  OfficersArgs,
  OfficerType,
  ResetOfficerPasswordInput,
} from './dto/officer.types';
import { listOfficers } from './officers-list';
import { OfficersRepository } from './officers.repository';
import type { Officer } from './officer.entity';
import { OfficersService } from './officers.service';

@Resolver(() => OfficerType)
export class OfficersResolver {
  constructor(
    private readonly officers: OfficersService,
    private readonly bureaus: BureausRepository,
    private readonly database: Database,
    private readonly repository: OfficersRepository,
  ) {}

  @Query(() => OfficerType, { description: 'The logged-in officer.' })
  me(@CurrentUser() officer: CurrentOfficer): Promise<Officer> {
    return this.officers.findById(officer.id);
  }

  @Query(() => OfficerConnection, {
    name: 'officers',
    description:
      'Officers (执法人员), by name then id: the colleagues to name on an inspection, the accounts to manage. Inspectors and supervisors see the officers of their jurisdiction; managers and admins everyone.',
  })
  officerList(
    @Args() args: OfficersArgs,
    @CurrentUser() officer: CurrentOfficer,
    @CurrentScope() scope: Scope,
  ): Promise<Connection<Officer>> {
    const filter = args.filter ?? {};
    return listOfficers(
      this.database,
      this.repository,
      scope,
      {
        subtreeOf: filter.bureauId,
        bureauId: filter.myBureau ? officer.bureauId : null,
        roles: filter.roles,
        active: filter.active,
        search: filter.search,
      },
      args,
    );
  }

  @Mutation(() => OfficerPayload, {
    description: 'Adds an officer. ADMIN only; a duplicate certificate number is CONFLICT.',
  })
  @Roles('ADMIN')
  async createOfficer(
    @Args('input', { description: 'The officer (执法人员) to create.' }) input: CreateOfficerInput,
    @CurrentUser() actor: CurrentOfficer,
  ): Promise<OfficerPayload> {
    return { officer: await this.officers.create(input, actor) };
  }

  @Mutation(() => OfficerPayload, {
    description:
      'Deactivates an officer at once: they can no longer log in and their tokens stop working. ADMIN only; the last active ADMIN cannot be deactivated (CONFLICT).',
  })
  @Roles('ADMIN')
  async deactivateOfficer(
    @Args('id', { type: () => ID, description: 'The officer to deactivate.' }, UuidPipe) id: string,
    @CurrentUser() actor: CurrentOfficer,
  ): Promise<OfficerPayload> {
    return { officer: await this.officers.deactivate(id, actor) };
  }

  @Mutation(() => OfficerPayload, {
    description:
      'Lets a deactivated officer log in again (tokens from before the deactivation stay invalid). ADMIN only.',
  })
  @Roles('ADMIN')
  async reactivateOfficer(
    @Args('id', { type: () => ID, description: 'The officer to reactivate.' }, UuidPipe) id: string,
    @CurrentUser() actor: CurrentOfficer,
  ): Promise<OfficerPayload> {
    return { officer: await this.officers.reactivate(id, actor) };
  }

  @Mutation(() => OfficerPayload, {
    description:
      "Sets a new password for an officer who forgot theirs; every earlier token of that officer stops working at once. The password has at least 12 characters, does not contain the officer's certificate number and is not a common password. ADMIN only.",
  })
  @Roles('ADMIN')
  async resetOfficerPassword(
    @Args('input', { description: 'The officer and their new password.' })
    input: ResetOfficerPasswordInput,
    @CurrentUser() actor: CurrentOfficer,
  ): Promise<OfficerPayload> {
    return {
      officer: await this.officers.resetPassword(input.officerId, input.newPassword, actor),
    };
  }

  @ResolveField(() => BureauType, { description: 'The bureau the officer belongs to.' })
  async bureau(
    @Parent() officer: OfficerType,
    @Context() context: GraphQLContext,
  ): Promise<Bureau | undefined> {
    return this.bureaus.bureauLoader(context.loaders).load(officer.bureauId);
  }
}
