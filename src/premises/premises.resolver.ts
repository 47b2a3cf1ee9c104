import { Args, Context, ID, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { CurrentOfficer } from '../auth/current-officer';
import { languageOf } from '../common/messages/language';
import { render } from '../common/messages/message';
import { CurrentScope, CurrentUser, Roles } from '../auth/decorators';
import type { Bureau } from '../bureaus/bureau.entity';
import { BureausRepository } from '../bureaus/bureaus.repository';
import { BureauType } from '../bureaus/dto/bureau.types';
import type { Connection } from '../common/pagination/connection';
import type { Scope } from '../common/scope';
import { UuidPipe } from '../common/validation/uuid.pipe';
import type { GraphQLContext } from '../graphql/context';
import {
  ImportPremisesInput,
  ImportPremisesPayload,
  PremisesConnection,
  PremisesListArgs,
} from './dto/premises.inputs';
import { PremisesType } from './dto/premises.types';
import { PremisesImportService } from './premises-import.service';
import type { Premises } from './premises.entity';
import { PremisesService } from './premises.service';

@Resolver(() => PremisesType)
export class PremisesResolver {
  constructor(
    private readonly premisesService: PremisesService,
    private readonly importService: PremisesImportService,
    private readonly bureaus: BureausRepository,
  ) {}

  @Query(() => PremisesType, {
    nullable: true,
    description:
      'One premises (市场主体). Any logged-in officer; inspectors and supervisors only within their jurisdiction. Outside it, or unknown: null with a NOT_FOUND error. A malformed id is BAD_USER_INPUT.',
  })
  premises(
    @Args('id', { type: () => ID, description: 'UUID of the premises.' }, UuidPipe) id: string,
    @CurrentScope() scope: Scope,
  ): Promise<Premises> {
    return this.premisesService.get(id, scope);
  }

  @Query(() => PremisesConnection, {
    description:
      'Searches premises (市场主体), in the order asked (default by name), ties by id. Any logged-in officer; inspectors and supervisors see only their jurisdiction, in the items and in totalCount.',
  })
  premisesList(
    @Args() args: PremisesListArgs,
    @CurrentScope() scope: Scope,
  ): Promise<Connection<Premises>> {
    return this.premisesService.list(args.filter, args, scope, args.orderBy);
  }

  @Mutation(() => ImportPremisesPayload, {
    description:
      'Imports rows of the premises registry (市场主体名录). ADMIN only. Valid rows are created or update the premises they match (credit code, else name and address) in one transaction; invalid rows come back in `rejected` with a reason.',
  })
  @Roles('ADMIN')
  async importPremises(
    @Args('input', { description: 'Rows of the premises registry (市场主体名录) to import.' })
    input: ImportPremisesInput,
    @CurrentUser() officer: CurrentOfficer,
    @Context() context: GraphQLContext,
  ): Promise<ImportPremisesPayload> {
    const result = await this.importService.import(input.rows, {
      actorId: officer.id,
      requestId: officer.requestId,
    });
    // Reasons are data for the clerk (not errors), in the response language (Chinese unless
    // Accept-Language: en).
    const language = languageOf(context.req.headers['accept-language']);
    return {
      ...result,
      rejected: result.rejected.map((rejection) => ({
        row: rejection.row,
        reason: render(rejection.reason, language),
      })),
    };
  }

  @ResolveField(() => BureauType, { description: 'The bureau responsible for the premises.' })
  async bureau(
    premises: PremisesType,
    _args: unknown,
    context: GraphQLContext,
  ): Promise<Bureau | undefined> {
    return this.bureaus.bureauLoader(context.loaders).load(premises.bureauId);
  }
}
