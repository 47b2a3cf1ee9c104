import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { CurrentOfficer } from '../auth/current-officer';
import { BadUserInput, NotFound } from '../common/errors/domain-errors';
import { Bureau } from './bureau.entity';
import type { CreateBureauInput } from './dto/bureau.types';

@Injectable()
export class BureausService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The whole tree, root first, then by level and code. Bureau names are not confidential. */
  list(): Promise<Bureau[]> {
    return this.dataSource
      .getRepository(Bureau)
      .createQueryBuilder('b')
      .orderBy(`CASE b.kind WHEN 'MUNICIPAL' THEN 0 WHEN 'SUB_BUREAU' THEN 1 ELSE 2 END`)
      .addOrderBy('b.code')
      .getMany();
  }

  async create(input: CreateBureauInput, actor: CurrentOfficer): Promise<Bureau> {
    if (input.kind === 'MUNICIPAL' && input.parentId) {
      throw BadUserInput.field(
        'input.parentId',
        'a municipal bureau is the root and has no parent',
      );
    }
    if (input.kind !== 'MUNICIPAL' && !input.parentId) {
      throw BadUserInput.field(
        'input.parentId',
        'a sub-bureau or county bureau needs a parent bureau',
      );
    }
    return this.dataSource.transaction(async (manager) => {
      if (input.parentId && !(await manager.existsBy(Bureau, { id: input.parentId }))) {
        throw new NotFound('Bureau', input.parentId);
      }
      if (input.kind === 'MUNICIPAL' && (await manager.existsBy(Bureau, { kind: 'MUNICIPAL' }))) {
        throw BadUserInput.field('input.kind', 'there is already a municipal bureau');
      }
      const bureau = await manager.save(
        manager.create(Bureau, {
          code: input.code,
          name: input.name,
          kind: input.kind,
          divisionCode: input.divisionCode,
          parentId: input.parentId ?? null,
        }),
      );
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
