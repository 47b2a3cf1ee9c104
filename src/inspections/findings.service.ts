import { withReadManager } from '../database/read-replica';
import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import type { CurrentOfficer } from '../auth/current-officer';
import { BadUserInput, NotFound } from '../common/errors/domain-errors';
import { Connection, decodeCursor, pageSize, toConnection } from '../common/pagination/connection';
import { withinJurisdiction } from '../common/scope';
import { overdueSql } from '../follow-ups/overdue';
import type { FindingFilter, FindingsArgs } from './dto/inspection.inputs';
import { Finding } from './finding.entity';

/** The created_at of a cursor: UTC with microseconds, as PostgreSQL stores it. */
const CURSOR_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/;

/** A bureau and all its descendants, as a sub-select on the parameter `:subtreeRoot`. */
const SUBTREE_SQL = `(WITH RECURSIVE subtree AS (
    SELECT id FROM bureaus WHERE id = :subtreeRoot
    UNION ALL SELECT b.id FROM bureaus b JOIN subtree ON b.parent_id = subtree.id
  ) SELECT id FROM subtree)`;

/** Reads of 发现问题: lists and single findings, always within the caller's jurisdiction. */
@Injectable()
export class FindingsService {
  constructor(private readonly dataSource: DataSource) {}

  async findById(id: string, officer: CurrentOfficer): Promise<Finding> {
    const query = this.dataSource
      .getRepository(Finding)
      .createQueryBuilder('f')
      .where('f.id = :id', { id });
    const finding = await withinJurisdiction(query, 'f.bureau_id', officer).getOne();
    if (!finding) throw new NotFound('Finding', id);
    return finding;
  }

  /** Newest first (created_at desc, id); voided findings are never listed. */
  async list(args: FindingsArgs, officer: CurrentOfficer): Promise<Connection<Finding>> {
    // Lists may come from the read replica (DATABASE_READ_URL).
    return withReadManager(this.dataSource, (manager) => this.page(manager, args, officer));
  }

  private async page(
    manager: EntityManager,
    args: FindingsArgs,
    officer: CurrentOfficer,
  ): Promise<Connection<Finding>> {
    const first = pageSize(args);
    const base = this.filtered(manager, args.filter ?? {}, officer);
    const totalCount = await base.clone().getCount();
    const page = base
      .clone()
      .addSelect(
        `to_char(f.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`,
        'cursor_at',
      )
      .orderBy('f.created_at', 'DESC')
      .addOrderBy('f.id', 'ASC')
      .limit(first + 1);
    if (args.after) {
      const [at, id] = decodeCursor(args.after, 2);
      if (
        typeof at !== 'string' ||
        !CURSOR_INSTANT.test(at) ||
        typeof id !== 'string' ||
        !isUUID(id)
      ) {
        throw BadUserInput.field('after', 'is not a cursor of this list');
      }
      page.andWhere(
        `(f.created_at < (:cursorAt::timestamp AT TIME ZONE 'UTC') OR (f.created_at = (:cursorAt::timestamp AT TIME ZONE 'UTC') AND f.id > :cursorId::uuid))`,
        { cursorAt: at, cursorId: id },
      );
    }
    const { raw, entities } = await page.getRawAndEntities<{ cursor_at: string }>();
    const cursorOf = new Map(entities.map((finding, index) => [finding, raw[index].cursor_at]));
    return toConnection(entities, first, totalCount, (finding) => [
      cursorOf.get(finding),
      finding.id,
    ]);
  }

  private filtered(
    manager: EntityManager,
    filter: FindingFilter,
    officer: CurrentOfficer,
  ): SelectQueryBuilder<Finding> {
    const query = manager.getRepository(Finding).createQueryBuilder('f').where('NOT f.voided');
    withinJurisdiction(query, 'f.bureau_id', officer);
    if (filter.sweepId) query.andWhere('f.sweep_id = :sweepId', { sweepId: filter.sweepId });
    if (filter.bureauId) {
      query.andWhere(`f.bureau_id IN ${SUBTREE_SQL}`, { subtreeRoot: filter.bureauId });
    }
    if (filter.myBureau) {
      query.andWhere('f.bureau_id = ANY(:myJurisdiction)', {
        myJurisdiction: officer.jurisdiction,
      });
    }
    if (filter.statuses?.length) {
      query.andWhere('f.status IN (:...statuses)', { statuses: filter.statuses });
    }
    if (filter.severities?.length) {
      query.andWhere('f.severity IN (:...severities)', { severities: filter.severities });
    }
    if (filter.violationTypeCodes?.length) {
      query.andWhere('f.violation_type_code IN (:...violationTypeCodes)', {
        violationTypeCodes: filter.violationTypeCodes,
      });
    }
    if (filter.overdue === true) query.andWhere(overdueSql('f'));
    if (filter.overdue === false) query.andWhere(`NOT ${overdueSql('f')}`);
    return query;
  }
}
