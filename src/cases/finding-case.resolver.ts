import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { DateScalar } from '../common/scalars/scalars';
import { shanghaiDay } from '../common/time/shanghai';
import { isOverdue } from '../follow-ups/overdue';
import { type GraphQLContext, scopeOf } from '../graphql/context';
import { FindingType } from '../inspections/dto/inspection.types';
import type { Finding } from '../inspections/finding.entity';
import { OfficerType } from '../officers/dto/officer.types';
import type { Officer } from '../officers/officer.entity';
import { OfficersRepository } from '../officers/officers.repository';
import type { CaseFile } from './case.entity';
import { CasesRepository } from './cases.repository';
import type { DeclineReason } from './dto/case.enums';
import { CaseType, FilingDecisionType } from './dto/case.types';

/** The case-track fields of a finding, resolved by the cases area, which owns the link. */
@Resolver(() => FindingType)
export class FindingCaseResolver {
  constructor(private readonly cases: CasesRepository) {}

  @ResolveField(() => CaseType, {
    nullable: true,
    description: 'The case (案件) it is in, if filed.',
  })
  async case(finding: Finding, _args: unknown, context: GraphQLContext): Promise<CaseFile | null> {
    if (!finding.caseId) return null;
    return this.cases.caseLoader(context.loaders, scopeOf(context)).load(finding.caseId);
  }

  @ResolveField(() => Boolean, {
    description:
      'Whether it is overdue today (Asia/Shanghai days) on any of the four clocks the statistics count: rectification (RECTIFYING past its deadline), filing decision (none taken past the filing clock), penalty decision (its case FILED past the decision clock) or publication (its decision unpublished past the publication clock). A due day itself is on time.',
  })
  async overdue(finding: Finding, _args: unknown, context: GraphQLContext): Promise<boolean> {
    const caseFile = finding.caseId
      ? await this.cases.caseLoader(context.loaders, scopeOf(context)).load(finding.caseId)
      : null;
    return isOverdue(finding, caseFile ?? null, shanghaiDay(new Date()));
  }

  @ResolveField(() => FilingDecisionType, {
    nullable: true,
    description: 'The decision whether to file a case (立案 or 不予立案), once taken.',
  })
  filingDecision(finding: Finding): FilingDecisionType | null {
    if (!finding.filingDecision || !finding.filingDecidedOn) return null;
    return {
      decision: finding.filingDecision,
      reason: finding.declineReason as DeclineReason | null,
      note: finding.declineNote,
      decidedOn: finding.filingDecidedOn,
      approvedById: finding.filingApprovedById,
    };
  }

  @ResolveField(() => DateScalar, {
    nullable: true,
    description:
      'The nearest open deadline across both tracks: the rectification deadline, the filing decision, or the case’s nearest clock.',
  })
  dueOn(finding: Finding): string | null {
    return finding.dueOn;
  }
}

/** Who approved a filing decision. */
@Resolver(() => FilingDecisionType)
export class FilingDecisionResolver {
  constructor(private readonly officers: OfficersRepository) {}

  @ResolveField(() => OfficerType, { nullable: true, description: 'The head who approved it.' })
  async approvedBy(
    @Parent() decision: FilingDecisionType,
    @Context() context: GraphQLContext,
  ): Promise<Officer | null> {
    if (!decision.approvedById) return null;
    return this.officers.officerOrNull(context.loaders, decision.approvedById);
  }
}
