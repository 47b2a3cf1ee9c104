import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SqlParameters, type Scope } from '../common/scope';

/**
 * TRANSITIONAL: the one read of findings (问题记录) the evidence area needs, until the inspections
 * area's repository offers it (a scoped "does a finding cite this file"); then the evidence
 * service calls that and this file goes. Findings are jurisdiction-bound: the read takes a Scope.
 */
@Injectable()
export class CitingFindingsRepository {
  /** Whether a finding inside the scope cites the evidence file of this SHA-256. */
  async anyInScope(manager: EntityManager, scope: Scope, sha256: string): Promise<boolean> {
    const params = new SqlParameters();
    const cited$ = params.add(JSON.stringify([{ sha256 }]), 'jsonb');
    const rows = await manager.query<unknown[]>(
      `SELECT 1 FROM findings f WHERE f.evidence @> ${cited$} AND ${scope.sql('f.bureau_id', params)} LIMIT 1`,
      params.values,
    );
    return rows.length > 0;
  }
}
