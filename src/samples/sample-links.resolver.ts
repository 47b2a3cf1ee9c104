import { ResolveField, Resolver } from '@nestjs/graphql';
import { type GraphQLContext, scopeOf } from '../graphql/context';
import { FindingType, InspectionType } from '../inspections/dto/inspection.types';
import { SampleType } from './dto/sample.types';
import type { Sample } from './sample.entity';
import { SamplesRepository } from './samples.repository';

/** `Inspection.samples`: the samples taken on an inspection (samples own the link). */
@Resolver(() => InspectionType)
export class InspectionSamplesResolver {
  constructor(private readonly repository: SamplesRepository) {}

  @ResolveField(() => [SampleType], {
    description:
      'Samples taken on this inspection (抽样检验 / 快检), in the order taken; voided ones too, flagged `voided`, so the record stays visible.',
  })
  samples(inspection: InspectionType, _args: unknown, context: GraphQLContext): Promise<Sample[]> {
    return this.repository
      .byInspectionLoader(context.loaders, scopeOf(context))
      .load(inspection.id);
  }
}

/** `Finding.sample`: the failed test a finding rests on (findings.sample_id, set by src/samples). */
@Resolver(() => FindingType)
export class FindingSampleResolver {
  constructor(private readonly repository: SamplesRepository) {}

  @ResolveField(() => SampleType, {
    nullable: true,
    description: 'The test it rests on (以检验结论为依据), if any.',
  })
  async sample(
    finding: FindingType,
    _args: unknown,
    context: GraphQLContext,
  ): Promise<Sample | null> {
    if (!finding.sampleId) return null;
    return this.repository.sampleLoader(context.loaders, scopeOf(context)).load(finding.sampleId);
  }
}
