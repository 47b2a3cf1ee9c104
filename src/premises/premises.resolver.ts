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
import { languageOf } from '../common/messages/language';
import { reasonInChinese } from './rules/reason-zh';
import { CurrentUser, Roles } from '../auth/decorators';
import { Bureau } from '../bureaus/bureau.entity';
import { BureauType } from '../bureaus/dto/bureau.types';
import type { Connection } from '../common/pagination/connection';
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
  ) {}

  @Query(() => PremisesType, {
    nullable: true,
    description:
      'One premises (市场主体). Any logged-in officer; inspectors and supervisors only within their jurisdiction. Outside it, or unknown: null with a NOT_FOUND error. A malformed id is BAD_USER_INPUT.',
  })
  premises(
    @Args('id', { type: () => ID, description: 'UUID of the premises.' }, UuidPipe) id: string,
    @CurrentUser() officer: CurrentOfficer,
  ): Promise<Premises> {
    return this.premisesService.get(id, officer);
  }

  @Query(() => PremisesConnection, {
    description:
      'Searches premises (市场主体), ordered by name then id. Any logged-in officer; inspectors and supervisors see only their jurisdiction, in the items and in totalCount.',
  })
  premisesList(
    @Args() args: PremisesListArgs,
    @CurrentUser() officer: CurrentOfficer,
  ): Promise<Connection<Premises>> {
    return this.premisesService.list(args.filter, args, officer);
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
    // Reasons are for the clerk, in the response language (Chinese unless Accept-Language: en).
    if (languageOf(context.req.headers['accept-language']) === 'en') return result;
    return {
      ...result,
      rejected: result.rejected.map((rejection) => ({
        ...rejection,
        reason: reasonInChinese(rejection.reason),
      })),
    };
  }

  @ResolveField(() => BureauType, { description: 'The bureau responsible for the premises.' })
  async bureau(
    @Parent() premises: PremisesType,
    @Context() context: GraphQLContext,
  ): Promise<Bureau | undefined> {
    return context.loaders.byId(Bureau).load(premises.bureauId);
  }
}
