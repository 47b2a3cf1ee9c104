import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { hashPassword } from '../auth/password';
import type { CurrentOfficer } from '../auth/current-officer';
import { BureausRepository } from '../bureaus/bureaus.repository';
import { passwordProblem } from '../auth/password-policy';
import { BadUserInput, Conflict, NotFound } from '../common/errors/domain-errors';
import { message } from '../common/messages/message';
import { Database } from '../database/database';
import type { CreateOfficerInput } from './dto/officer.types';
import type { Officer } from './officer.entity';
import { OfficerCache } from './officer-cache';
import { OfficersRepository } from './officers.repository';

@Injectable()
export class OfficersService {
  constructor(
    private readonly database: Database,
    private readonly officers: OfficersRepository,
    private readonly bureaus: BureausRepository,
    private readonly audit: AuditService,
    private readonly officerCache: OfficerCache,
  ) {}

  async findById(id: string): Promise<Officer> {
    const officer = await this.officers.findById(this.database.manager, id);
    if (!officer) throw new NotFound('Officer', id);
    return officer;
  }

  /**
   * A new officer; the password follows the policy (`passwordProblem`), except the published one
   * of the demo officers (`demoPassword`, for the demo seed only).
   */
  async create(
    input: CreateOfficerInput,
    actor: CurrentOfficer,
    options: { demoPassword?: boolean } = {},
  ): Promise<Officer> {
    const problem = options.demoPassword
      ? null
      : passwordProblem(input.password, input.certificateNumber);
    if (problem) throw BadUserInput.field('input.password', problem);
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

  /**
   * Deactivation is immediate: the next request with the officer's token is UNAUTHENTICATED. The
   * last active ADMIN cannot be deactivated (nobody could manage officers any more): CONFLICT.
   */
  async deactivate(id: string, actor: CurrentOfficer): Promise<Officer> {
    const officer = await this.database.transaction(async (manager) => {
      // Lock the active admins first, so two admins deactivating each other cannot both pass.
      const activeAdmins = await this.officers.lockActiveAdminIds(manager);
      const before = await this.officers.lockById(manager, id);
      if (!before) throw new NotFound('Officer', id);
      if (!before.active) return before;
      if (activeAdmins.length === 1 && activeAdmins[0] === id)
        throw new Conflict(message('officers.lastAdmin'));
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
    // Committed: this instance forgets the officer before it answers (the others are notified).
    this.officerCache.forget(id);
    return officer;
  }

  /** Reactivation (ADMIN): the officer may log in again; tokens from before stay dead. */
  async reactivate(id: string, actor: CurrentOfficer): Promise<Officer> {
    const officer = await this.database.transaction(async (manager) => {
      const before = await this.officers.lockById(manager, id);
      if (!before) throw new NotFound('Officer', id);
      if (before.active) return before;
      await this.officers.reactivate(manager, id);
      const after = { ...before, active: true };
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'REACTIVATE',
        entityType: 'Officer',
        entityId: id,
        before,
        after,
        requestId: actor.requestId,
      });
      return after;
    });
    this.officerCache.forget(id);
    return officer;
  }

  /**
   * An ADMIN sets a new password for an officer (who forgot theirs); every earlier token of that
   * officer stops working at once. The password follows the same policy as changePassword.
   */
  async resetPassword(id: string, newPassword: string, actor: CurrentOfficer): Promise<Officer> {
    const officer = await this.officers.findById(this.database.manager, id);
    if (!officer) throw new NotFound('Officer', id);
    const problem = passwordProblem(newPassword, officer.certificateNumber);
    if (problem) throw BadUserInput.field('input.newPassword', problem);
    const passwordHash = await hashPassword(newPassword);
    const reset = await this.database.transaction(async (manager) => {
      const locked = await this.officers.lockById(manager, id);
      if (!locked) throw new NotFound('Officer', id);
      await this.officers.setPassword(manager, id, passwordHash);
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'RESET_PASSWORD',
        entityType: 'Officer',
        entityId: id,
        requestId: actor.requestId,
      });
      return locked;
    });
    this.officerCache.forget(id);
    return reset;
  }
}
