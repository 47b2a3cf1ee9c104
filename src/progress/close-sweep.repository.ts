import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import type { Scope } from '../common/scope';
import { groupBy, type Loaders } from '../graphql/loaders';
import { finishedSql } from '../cases/tracks';
import { inForceSql } from '../compulsory-measures/workflow';
import { Finding } from '../inspections/finding.entity';

/**
 * Every SQL statement of closing a sweep (结束专项整治行动) and of the findings it carried over
 * (结转). The sweep itself is locked and closed only through SweepsRepository (`lock`,
 * `markClosed`); the findings' flag is written here, in the caller's transaction.
 */
@Injectable()
export class CloseSweepRepository {
  /**
   * The sweep's findings that count (not voided) and are open: not finished on both tracks
   * (rectification and case, src/cases/tracks.ts), or with a compulsory measure still in force
   * (goods sealed or seized, 行政强制法 第二十五条: the measure outlives no sweep unnoticed), locked
   * FOR UPDATE so that no follow-up changes a status between this check and the close. Every
   * bureau's: closing a sweep concerns all its findings, whatever the scope of the manager closing
   * it. `underMeasure` counts those with a measure in force.
   */
  async lockOpenFindingsUnscoped(
    manager: EntityManager,
    sweepId: string,
  ): Promise<{ ids: string[]; underMeasure: number }> {
    const inForce = `EXISTS (SELECT 1 FROM compulsory_measures m
                      WHERE m.finding_id = findings.id AND ${inForceSql('m')})`;
    const rows = await manager.query<{ id: string; under_measure: boolean }[]>(
      `SELECT id, ${inForce} AS under_measure FROM findings
       WHERE sweep_id = $1 AND NOT voided AND (NOT ${finishedSql('findings')} OR ${inForce})
       ORDER BY id FOR UPDATE`,
      [sweepId],
    );
    return {
      ids: rows.map((row) => row.id),
      underMeasure: rows.filter((row) => row.under_measure).length,
    };
  }

  /** Flags findings carried over. Not a follow-up step: their status and version stay as they are. */
  async carryOver(manager: EntityManager, findingIds: string[]): Promise<void> {
    if (findingIds.length === 0) return;
    await manager.query(
      `UPDATE findings SET carried_over = true, updated_at = now() WHERE id = ANY($1::uuid[])`,
      [findingIds],
    );
  }

  /**
   * The request's loader of each sweep's carried-over findings within `scope`, voided ones left
   * out, oldest first: one statement per tick for every sweep asked.
   */
  carriedOverFindingsLoader(loaders: Loaders, scope: Scope): DataLoader<string, Finding[]> {
    return loaders.custom(
      'progress.carriedOverFindingsBySweep',
      () =>
        new DataLoader<string, Finding[]>(async (sweepIds) => {
          const rows = await loaders.read((manager) =>
            this.carriedOverFindings(manager, scope, [...sweepIds]),
          );
          return groupBy(sweepIds, rows, (row) => row.sweepId);
        }),
    );
  }

  /** The carried-over findings of the sweeps within `scope`, voided ones left out, oldest first. */
  carriedOverFindings(
    manager: EntityManager,
    scope: Scope,
    sweepIds: string[],
  ): Promise<Finding[]> {
    return scope
      .apply(
        manager
          .createQueryBuilder(Finding, 'f')
          .where('f.sweep_id = ANY(:sweepIds)', { sweepIds })
          .andWhere('f.carried_over AND NOT f.voided'),
        'f.bureau_id',
      )
      .orderBy('f.found_on')
      .addOrderBy('f.id')
      .getMany();
  }
}
