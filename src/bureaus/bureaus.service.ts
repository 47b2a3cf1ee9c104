import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import type { CurrentOfficer } from '../auth/current-officer';
import { BadUserInput, NotFound } from '../common/errors/domain-errors';
import { message } from '../common/messages/message';
import { Database } from '../database/database';
import type { Bureau } from './bureau.entity';
import { BureausRepository } from './bureaus.repository';
import type { CreateBureauInput } from './dto/bureau.types';

@Injectable()
export class BureausService {
  constructor(
    private readonly database: Database,
    private readonly bureaus: BureausRepository,
    private readonly audit: AuditService,
  ) {}

  /** The whole tree, root first, then by level and code. Bureau names are not confidential. */
  list(): Promise<Bureau[]> {
    return this.bureaus.list(this.database.manager);
  }

  async create(input: CreateBureauInput, actor: CurrentOfficer): Promise<Bureau> {
    if (input.kind === 'MUNICIPAL' && input.parentId) {
      throw BadUserInput.field('input.parentId', message('bureaus.municipalHasNoParent'));
    }
    if (input.kind !== 'MUNICIPAL' && !input.parentId) {
      throw BadUserInput.field('input.parentId', message('bureaus.parentNeeded'));
    }
    return this.database.transaction(async (manager) => {
      if (input.parentId && !(await this.bureaus.exists(manager, input.parentId))) {
        throw new NotFound('Bureau', input.parentId);
      }
      if (input.kind === 'MUNICIPAL' && (await this.bureaus.municipalExists(manager))) {
        throw BadUserInput.field('input.kind', message('bureaus.municipalExists'));
      }
      const bureau = await this.bureaus.insert(manager, {
        code: input.code,
        name: input.name,
        kind: input.kind,
        divisionCode: input.divisionCode,
        parentId: input.parentId ?? null,
      });
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'CREATE',
        entityType: 'Bureau',
        entityId: bureau.id,
        after: bureau,
        requestId: actor.requestId,
      });
      return bureau;
    });
  }
}
