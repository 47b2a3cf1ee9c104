import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { hashPassword } from '../auth/password';
import type { CurrentOfficer } from '../auth/current-officer';
import { BureausRepository } from '../bureaus/bureaus.repository';
import { NotFound } from '../common/errors/domain-errors';
import { Database } from '../database/database';
import type { CreateOfficerInput } from './dto/officer.types';
import type { Officer } from './officer.entity';
import { OfficersRepository } from './officers.repository';

@Injectable()
export class OfficersService {
  constructor(
    private readonly database: Database,
    private readonly officers: OfficersRepository,
    private readonly bureaus: BureausRepository,
    private readonly audit: AuditService,
  ) {}

  async findById(id: string): Promise<Officer> {
    const officer = await this.officers.findById(this.database.manager, id);
    if (!officer) throw new NotFound('Officer', id);
    return officer;
  }

  async create(input: CreateOfficerInput, actor: CurrentOfficer): Promise<Officer> {
    const passwordHash = await hashPassword(input.password);
    return this.database.transaction(async (manager) => {
      if (!(await this.bureaus.exists(manager, input.bureauId)))
        throw new NotFound('Bureau', input.bureauId);
      const officer = await this.officers.insert(manager, {
        name: input.name,
        certificateNumber: input.certificateNumber,
        bureauId: input.bureauId,
        roles: [...new Set(input.roles)],
        passwordHash,
      });
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'CREATE',
        entityType: 'Officer',
        entityId: officer.id,
        after: officer,
        requestId: actor.requestId,
      });
      return officer;
    });
  }

  /** Deactivation is immediate: the next request with the officer's token is UNAUTHENTICATED. */
  async deactivate(id: string, actor: CurrentOfficer): Promise<Officer> {
    return this.database.transaction(async (manager) => {
      const before = await this.officers.lockById(manager, id);
      if (!before) throw new NotFound('Officer', id);
      if (!before.active) return before;
      await this.officers.deactivate(manager, id);
      const after = { ...before, active: false };
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'DEACTIVATE',
        entityType: 'Officer',
        entityId: id,
        before,
        after,
        requestId: actor.requestId,
      });
      return after;
    });
  }
}
