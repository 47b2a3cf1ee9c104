import { Field, ObjectType } from '@nestjs/graphql';
import { FindingType } from './inspection.types';

@ObjectType({ description: 'Result of a finding mutation: the finding as it stands now.' })
export class FindingPayload {
  @Field({
    description:
      'True when this is a repeat of an earlier request with the same idempotency key: nothing was changed again.',
  })
  replayed: boolean;

  @Field(() => FindingType, { description: 'The finding.' })
  finding: FindingType;
}
