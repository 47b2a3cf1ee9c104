import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { hashPassword } from '../auth/password';
import type { CurrentOfficer } from '../auth/current-officer';
import { Bureau } from '../bureaus/bureau.entity';
import { NotFound } from '../common/errors/domain-errors';
import type { CreateOfficerInput } from './dto/officer.types';
import { Officer } from './officer.entity';

@Injectable()
export class OfficersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async findById(id: string): Promise<Officer> {
    const officer = await this.dataSource.getRepository(Officer).findOneBy({ id });
    if (!officer) throw new NotFound('Officer', id);
    return officer;
  }

  async create(input: CreateOfficerInput, actor: CurrentOfficer): Promise<Officer> {
    const passwordHash = await hashPassword(input.password);
    return this.dataSource.transaction(async (manager) => {
      if (!(await manager.existsBy(Bureau, { id: input.bureauId })))
        throw new NotFound('Bureau', input.bureauId);
      const officer = await manager.save(
        manager.create(Officer, {
          name: input.name,
          certificateNumber: input.certificateNumber,
          bureauId: input.bureauId,
          roles: [...new Set(input.roles)],
          passwordHash,
          active: true,
        }),
      );
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
    return this.dataSource.transaction(async (manager) => {
      const before = await manager.findOne(Officer, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!before) throw new NotFound('Officer', id);
      if (!before.active) return before;
      await manager.update(Officer, { id }, { active: false });
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
