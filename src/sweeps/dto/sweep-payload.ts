import { Field, ObjectType } from '@nestjs/graphql';
import { SweepType } from './sweep.types';

/** Result of every sweep mutation (createSweep, setSweepAssignments, activateSweep, closeSweep). */
@ObjectType({ description: 'Result of a sweep mutation: the sweep as it now stands.' })
export class SweepPayload {
  @Field(() => SweepType, { description: 'The sweep (专项整治行动) after the change.' })
  sweep: SweepType;
}
