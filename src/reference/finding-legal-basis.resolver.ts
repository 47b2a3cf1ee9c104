import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { shanghaiDay } from '../common/time/shanghai';
import type { GraphQLContext } from '../graphql/context';
import { FindingType } from '../inspections/dto/inspection.types';
import { LegalBasisType } from './dto/reference.types';
import { legalBasisOn } from './legal-bases';
import { ReferenceService } from './reference.service';

/** What a finding needs to find its basis; the parent is the finding record. */
type FindingOfDay = FindingType & { categoryId?: string; foundOn?: string };

/**
 * `Finding.legalBasis`: the law in force on the finding's day, of the checklist item of its
 * category whose FAIL points to its violation type, else its violation type's default. Read from
 * the request's reference snapshot: no statement per finding.
 */
@Resolver(() => FindingType)
export class FindingLegalBasisResolver {
  constructor(private readonly reference: ReferenceService) {}

  @ResolveField(() => LegalBasisType, {
    nullable: true,
    description:
      'The legal basis (法律依据) in force on the day it was found; null when none is on record.',
  })
  async legalBasis(
    @Parent() finding: FindingOfDay,
    @Context() context: GraphQLContext,
  ): Promise<LegalBasisType | null> {
    const snapshot = await this.reference.forRequest(context.loaders);
    const category = finding.categoryId ? snapshot.categoryById.get(finding.categoryId) : undefined;
    const item = category?.checklist.find(
      (candidate) => candidate.failViolationType.code === finding.violationTypeCode,
    );
    return legalBasisOn(
      snapshot.legalBases,
      item?.code ?? null,
      finding.violationTypeCode,
      finding.foundOn ?? shanghaiDay(finding.createdAt),
    );
  }
}
