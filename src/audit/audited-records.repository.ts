import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SqlParameters, type Scope } from '../common/scope';
import type { AuditedEntityType } from './audit-event.entity';

/**
 * SQL giving the bureau that holds a record, by entity type, with the record's id as `$1`. Sweeps
 * and exposures are city-wide: only an unrestricted scope reads their trail.
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

/**
 * Whether an audited record lies in a scope, by the bureau that holds it. It reads the tables of
 * several areas (inspections, findings, premises, inspection plans, evidence files) for one purpose
 * only, the audit trail's jurisdiction check, until each of those areas gives a scoped `exists`.
 */
@Injectable()
export class AuditedRecordsRepository {
  async inScope(
    manager: EntityManager,
    scope: Scope,
    entityType: AuditedEntityType,
    entityId: string,
  ): Promise<boolean> {
    if (scope.unrestricted) return true;
    const bureauOf = BUREAU_OF[entityType];
    if (!bureauOf) return false;
    const params = new SqlParameters(entityId);
    const rows = await manager.query<unknown[]>(
      `SELECT 1 FROM (${bureauOf}) record WHERE ${scope.sql('record.bureau_id', params)} LIMIT 1`,
      params.values,
    );
    return rows.length > 0;
  }
}
