import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar, JSONScalar } from '../../common/scalars/scalars';
import { AuditActionEnum, type AuditedEntityType, AuditEntityTypeEnum } from '../audit-vocabulary';

@ObjectType('AuditEvent', {
  description:
    'One entry of the audit log (审计日志): who changed which record, how, before and after. Never updated or deleted.',
})
export class AuditEventType {
  @Field(() => DateTimeScalar, { description: 'When the change was made (UTC).' })
  at: Date;

  @Field(() => AuditActionEnum, { description: 'What was done.' })
  action: string;

  @Field(() => AuditEntityTypeEnum, { description: 'Kind of record.' })
  entityType: AuditedEntityType;

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
