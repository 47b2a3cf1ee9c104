import { Injectable } from '@nestjs/common';
import { BadUserInput, NotFound } from '../common/errors/domain-errors';
import { message } from '../common/messages/message';
import type { Scope } from '../common/scope';
import { Database } from '../database/database';
import { AUDITED_ENTITY_TYPES, AuditEvent, AuditedEntityType } from './audit-event.entity';
import { AuditRepository } from './audit.repository';
import { AuditedRecordsRepository } from './audited-records.repository';

/** Reads the audit log (审计日志) of one record, within the reader's jurisdiction. */
@Injectable()
export class AuditTrailService {
  constructor(
    private readonly database: Database,
    private readonly events: AuditRepository,
    private readonly records: AuditedRecordsRepository,
  ) {}

  /** The trail of a record in `scope`; NOT_FOUND when the record is outside it. */
  async trail(entityType: string, entityId: string, scope: Scope): Promise<AuditEvent[]> {
    if (!(AUDITED_ENTITY_TYPES as readonly string[]).includes(entityType)) {
      throw BadUserInput.field(
        'entityType',
        message('audit.unknownEntityType', { types: AUDITED_ENTITY_TYPES }),
      );
    }
    const type = entityType as AuditedEntityType;
    const manager = this.database.manager;
    if (!(await this.records.inScope(manager, scope, type, entityId))) {
      throw new NotFound(type, entityId);
    }
    return this.events.trail(manager, type, entityId);
  }
}
