import { Injectable } from '@nestjs/common';
import type { CurrentOfficer } from '../auth/current-officer';
import { NotFound } from '../common/errors/domain-errors';
import { type Connection, pageOf } from '../common/pagination/connection';
import { Scope } from '../common/scope';
import { Database } from '../database/database';
import type { FindingsArgs } from './dto/inspection.inputs';
import type { Finding } from './finding.entity';
import { FindingsRepository } from './repositories/findings.repository';

/** Reads of 发现问题: lists and single findings, always within the caller's jurisdiction. */
@Injectable()
export class FindingsService {
  constructor(
    private readonly database: Database,
    private readonly findings: FindingsRepository,
  ) {}

  async findById(id: string, officer: CurrentOfficer): Promise<Finding> {
    const finding = await this.findings.findInScope(this.database.manager, Scope.of(officer), id);
    if (!finding) throw new NotFound('Finding', id);
    return finding;
  }

  /** In the order asked (default newest first); voided findings are never listed. */
  list(args: FindingsArgs, officer: CurrentOfficer): Promise<Connection<Finding>> {
    const filter = args.filter ?? {};
    // Lists may come from the read replica (DATABASE_READ_URL).
    return this.database.read((manager) =>
      this.findings.list(
        manager,
        Scope.of(officer),
        {
          sweepId: filter.sweepId,
          subtreeOf: filter.bureauId,
          // 本单位: the caller's own bureau and its descendants, even for a manager.
          alsoSubtreeOf: filter.myBureau ? officer.bureauId : null,
          statuses: filter.statuses,
          severities: filter.severities,
          violationTypeCodes: filter.violationTypeCodes,
          overdue: filter.overdue,
        },
        pageOf(args),
        args.orderBy ?? undefined,
      ),
    );
  }
}
