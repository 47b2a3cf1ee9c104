import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar, JSONScalar } from '../../common/scalars/scalars';

@ObjectType('AuditEvent', {
  description:
    'One entry of the audit log (审计日志): who changed which record, how, before and after. Never updated or deleted.',
})
export class AuditEventType {
  @Field(() => DateTimeScalar, { description: 'When the change was made (UTC).' })
  at: Date;

  @Field({ description: 'What was done, e.g. CREATE, VOID, RECTIFICATION_ORDERED.' })
  action: string;

  @Field({
    description:
      'Kind of record: Inspection, Finding, Premises, Sweep, Exposure, Bureau or Officer.',
  })
  entityType: string;

  @Field(() => ID, { description: 'UUID of the record.' })
  entityId: string;

  @Field(() => String, {
    nullable: true,
    description: 'The x-request-id of the request that made the change.',
  })
  requestId: string | null;

  @Field(() => JSONScalar, { nullable: true, description: 'The record before the change.' })
  before: unknown;

  @Field(() => JSONScalar, { nullable: true, description: 'The record after the change.' })
  after: unknown;

  actorId: string | null;
}
