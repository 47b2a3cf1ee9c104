import { Field, ObjectType } from '@nestjs/graphql';
import { SweepType } from './sweep.types';

@ObjectType({ description: 'Result of a sweep mutation: the sweep as it stands now.' })
export class SweepPayload {
  @Field(() => SweepType, { description: 'The sweep.' })
  sweep: SweepType;
}
