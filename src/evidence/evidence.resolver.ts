import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentScope } from '../auth/decorators';
import type { Scope } from '../common/scope';
import type { GraphQLContext } from '../graphql/context';
import { EvidenceType } from '../inspections/dto/inspection.types';
import { EvidenceService } from './evidence.service';

/** Evidence.uploaded: the evidence area's field on the inspections area's type. */
@Resolver(() => EvidenceType)
export class EvidenceResolver {
  constructor(private readonly service: EvidenceService) {}

  @ResolveField(() => Boolean, {
    description:
      'Whether the file itself (证据文件) has arrived for a finding within your jurisdiction: PUT /evidence/{sha256} with its bytes after logging the finding (an upload counts for the uploader’s own findings citing it; a finding elsewhere citing the same hash needs its own upload of the same bytes, stored once); GET /evidence/{sha256} serves it.',
  })
  uploaded(
    @Parent() evidence: EvidenceType,
    @Context() context: GraphQLContext,
    @CurrentScope() scope: Scope,
  ): Promise<boolean> {
    return this.service.uploaded(context.loaders, scope, evidence.sha256);
  }
}
