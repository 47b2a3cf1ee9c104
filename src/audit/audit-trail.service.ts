import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CurrentOfficer } from '../auth/current-officer';
import { BadUserInput, NotFound } from '../common/errors/domain-errors';
import { jurisdictionSql } from '../common/scope';
import { AUDITED_ENTITY_TYPES, AuditEvent, AuditedEntityType } from './audit-event.entity';

/**
 * SQL giving the bureau that holds a record, by entity type, for the jurisdiction check of
 * non-managers. Sweeps and exposures are city-wide: only managers read their trail.
 */
const BUREAU_OF: Record<AuditedEntityType, string | null> = {
  Inspection: 'SELECT bureau_id FROM inspections WHERE id = $1',
  Finding: 'SELECT bureau_id FROM findings WHERE id = $1',
  Premises: 'SELECT bureau_id FROM premises WHERE id = $1',
  Officer: 'SELECT bureau_id FROM officers WHERE id = $1',
  Bureau: 'SELECT id AS bureau_id FROM bureaus WHERE id = $1',
  InspectionPlan: 'SELECT bureau_id FROM inspection_plans WHERE id = $1',
  Sweep: null,
  Exposure: null,
  // An evidence file belongs to the bureaus of the findings that cite it.
  EvidenceFile: `SELECT f.bureau_id FROM evidence_files e JOIN findings f
    ON f.evidence @> jsonb_build_array(jsonb_build_object('sha256', e.sha256::text)) WHERE e.id = $1`,
};

/** Reads the audit log (审计日志) of one record, within the reader's jurisdiction. */
@Injectable()
export class AuditTrailService {
  constructor(private readonly dataSource: DataSource) {}

  async trail(
    entityType: string,
    entityId: string,
    officer: CurrentOfficer,
  ): Promise<AuditEvent[]> {
    if (!(AUDITED_ENTITY_TYPES as readonly string[]).includes(entityType)) {
      throw BadUserInput.field('entityType', `must be one of ${AUDITED_ENTITY_TYPES.join(', ')}`);
    }
    const type = entityType as AuditedEntityType;
    if (!officer.seesEverything && !(await this.holds(type, entityId, officer))) {
      throw new NotFound(type, entityId);
    }
    return this.dataSource.getRepository(AuditEvent).find({
      where: { entityType: type, entityId },
      order: { id: 'ASC' },
    });
  }

  private async holds(
    type: AuditedEntityType,
    entityId: string,
    officer: CurrentOfficer,
  ): Promise<boolean> {
    const bureauOf = BUREAU_OF[type];
    if (!bureauOf) return false;
    const scope = jurisdictionSql('record.bureau_id', officer, 2);
    const rows = await this.dataSource.query<unknown[]>(
      `SELECT 1 FROM (${bureauOf}) record WHERE ${scope.sql}`,
      [entityId, ...scope.parameters],
    );
    return rows.length > 0;
  }
}
