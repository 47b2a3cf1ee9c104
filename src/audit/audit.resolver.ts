import { Args, Context, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentScope, Roles } from '../auth/decorators';
import type { Scope } from '../common/scope';
import { UuidPipe } from '../common/validation/uuid.pipe';
import type { GraphQLContext } from '../graphql/context';
import { OfficerType } from '../officers/dto/officer.types';
import type { Officer } from '../officers/officer.entity';
import { OfficersRepository } from '../officers/officers.repository';
import type { AuditEvent } from './audit-event.entity';
import { AuditTrailService } from './audit-trail.service';
import { AuditEventType } from './dto/audit-event.types';

@Resolver(() => AuditEventType)
export class AuditResolver {
  constructor(
    private readonly trails: AuditTrailService,
    private readonly officers: OfficersRepository,
  ) {}

  @Query(() => [AuditEventType], {
    description:
      'The audit trail (审计日志) of one record, oldest first. MANAGER: any record; SUPERVISOR: records whose bureau is in their jurisdiction (not sweeps or exposures), else NOT_FOUND.',
  })
  @Roles('SUPERVISOR', 'MANAGER', 'ADMIN')
  auditTrail(
    @Args('entityType', {
      description:
        'Kind of record: a name of the AuditEntityType enum (Inspection, Finding, Premises, Sweep, Exposure, Bureau, Officer, InspectionPlan, EvidenceFile, Case, HolidayYear or CompulsoryMeasure), as a string.',
    })
    entityType: string,
    @Args('entityId', { type: () => ID, description: 'UUID of the record.' }, UuidPipe)
    entityId: string,
    @CurrentScope() scope: Scope,
  ): Promise<AuditEvent[]> {
    return this.trails.trail(entityType, entityId, scope);
  }

  @ResolveField(() => OfficerType, {
    nullable: true,
    description: 'Who made the change; null for changes the system made by itself.',
  })
  async actor(
    @Parent() event: AuditEventType,
    @Context() context: GraphQLContext,
  ): Promise<Officer | null> {
    if (!event.actorId) return null;
    return this.officers.officerOrNull(context.loaders, event.actorId);
  }
}
