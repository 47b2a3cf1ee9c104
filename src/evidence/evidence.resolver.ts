import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '../graphql/context';
import { EvidenceType } from '../inspections/dto/inspection.types';
import { EvidenceService } from './evidence.service';

/** Evidence.uploaded: the evidence area's field on the inspections area's type. */
@Resolver(() => EvidenceType)
export class EvidenceResolver {
  constructor(private readonly service: EvidenceService) {}

  @ResolveField(() => Boolean, {
    description:
      'Whether the file itself (证据文件) has arrived: PUT /evidence/{sha256} with its bytes after logging the finding; GET /evidence/{sha256} serves it.',
  })
  uploaded(@Parent() evidence: EvidenceType, @Context() context: GraphQLContext): Promise<boolean> {
    return this.service.uploaded(context.loaders, evidence.sha256);
  }
}
