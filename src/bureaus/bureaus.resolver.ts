import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { CurrentOfficer } from '../auth/current-officer';
import { CurrentUser, Roles } from '../auth/decorators';
import type { GraphQLContext } from '../graphql/context';
import type { Bureau } from './bureau.entity';
import { BureausRepository } from './bureaus.repository';
import { BureausService } from './bureaus.service';
import { BureauType, CreateBureauInput, CreateBureauPayload } from './dto/bureau.types';

@Resolver(() => BureauType)
export class BureausResolver {
  constructor(
    private readonly bureausService: BureausService,
    private readonly bureausRepository: BureausRepository,
  ) {}

  @Query(() => [BureauType], {
    description: 'Every bureau of the tree, the municipal bureau first. Any logged-in officer.',
  })
  bureaus(): Promise<Bureau[]> {
    return this.bureausService.list();
  }

  @Mutation(() => CreateBureauPayload, {
    description: 'Adds a bureau to the tree. ADMIN only; a duplicate code is CONFLICT.',
  })
  @Roles('ADMIN')
  async createBureau(
    @Args('input', { description: 'The bureau (执法单位) to create.' }) input: CreateBureauInput,
    @CurrentUser() officer: CurrentOfficer,
  ): Promise<CreateBureauPayload> {
    return { bureau: await this.bureausService.create(input, officer) };
  }

  @ResolveField(() => BureauType, {
    nullable: true,
    description: 'The parent bureau; null for the municipal bureau.',
  })
  async parent(
    @Parent() bureau: BureauType,
    @Context() context: GraphQLContext,
  ): Promise<Bureau | null> {
    if (!bureau.parentId) return null;
    return (
      (await this.bureausRepository.bureauLoader(context.loaders).load(bureau.parentId)) ?? null
    );
  }
}
