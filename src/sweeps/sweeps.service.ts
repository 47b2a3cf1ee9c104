import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { CurrentOfficer } from '../auth/current-officer';
import { BadUserInput, InvalidState, NotFound } from '../common/errors/domain-errors';
import type { FieldError } from '../common/errors/domain-errors';
import { message } from '../common/messages/message';
import { Connection, pageOf, toConnection } from '../common/pagination/connection';
import { Database } from '../database/database';
import { BureausRepository } from '../bureaus/bureaus.repository';
import type { Exposure } from '../exposures/exposure.entity';
import { ExposuresRepository } from '../exposures/exposures.repository';
import { categoriesByCode } from '../exposures/exposures.service';
import type { Loaders } from '../graphql/loaders';
import type { TargetCategoryType } from '../reference/dto/reference.types';
import { ReferenceService } from '../reference/reference.service';
import type {
  AssignmentInput,
  CreateSweepInput,
  SetSweepAssignmentsInput,
  SweepsArgs,
} from './dto/sweep.inputs';
import type { SweepAssignment } from './sweep-assignment.entity';
import type { Sweep } from './sweep.entity';
import { AssignmentRow, sweepCursor, SweepLock, SweepsRepository } from './sweeps.repository';
import { SWEEP_DATES, sweepDateProblems } from './sweep-dates';
import { addDays } from '../common/time/shanghai';

/** Sweeps (专项整治行动): creation, assignments (任务分配), activation and listing. */
@Injectable()
export class SweepsService {
  constructor(
    private readonly database: Database,
    private readonly sweeps: SweepsRepository,
    private readonly bureaus: BureausRepository,
    private readonly exposures: ExposuresRepository,
    private readonly audit: AuditService,
    private readonly reference: ReferenceService,
  ) {}

  async create(input: CreateSweepInput, actor: CurrentOfficer): Promise<Sweep> {
    const snapshot = await this.reference.load();
    const categories = categoriesByCode(input.categoryCodes, snapshot.categoryByCode);
    const dateProblems = sweepDateProblems(input.startDate, input.endDate);
    if (dateProblems.length > 0) throw new BadUserInput(dateProblems);
    const exposureIds = [...new Set(input.exposureIds.map((id) => id.toLowerCase()))];
    return this.database.transaction(async (manager) => {
      await this.checkReferences(manager, input);
      const sweep = await this.sweeps.insert(
        manager,
        {
          code: input.code,
          title: input.title,
          directive: input.directive ?? null,
          leadBureauId: input.leadBureauId,
          status: 'DRAFT',
          startDate: input.startDate,
          endDate: input.endDate,
          createdById: actor.id,
        },
        exposureIds,
        categories.map((category) => category.id),
      );
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'CREATE',
        entityType: 'Sweep',
        entityId: sweep.id,
        after: {
          ...sweep,
          exposureIds,
          categoryCodes: categories.map((category) => category.code),
        },
        requestId: actor.requestId,
      });
      return sweep;
    });
  }

  /**
   * Replaces the assignments as a whole. Every assignment names an existing bureau and a category
   * of the sweep, once per bureau and category. Refused (INVALID_STATE) once the sweep is CLOSED.
   */
  async setAssignments(input: SetSweepAssignmentsInput, actor: CurrentOfficer): Promise<Sweep> {
    return this.database.transaction(async (manager) => {
      const sweep = await this.locked(manager, input.sweepId, 'update');
      if (sweep.status === 'CLOSED')
        throw new InvalidState(message('sweeps.closedAssignments'), 'CLOSED', 'ASSIGN');
      // An active sweep keeps at least one target, as activation required one.
      if (sweep.status === 'ACTIVE' && input.assignments.length === 0)
        throw BadUserInput.field('input.assignments', message('sweeps.activeNeedsAssignment'));
      const categoryIds = await this.sweeps.categoryIdsOf(manager, sweep.id);
      const snapshot = await this.reference.load(manager);
      const rows = await this.validAssignments(
        manager,
        input.assignments,
        new Set(categoryIds),
        snapshot.categoryByCode,
      );
      const { before, after } = await this.sweeps.replaceAssignments(manager, sweep.id, rows);
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'SET_ASSIGNMENTS',
        entityType: 'Sweep',
        entityId: sweep.id,
        before: { assignments: before.map(assignmentSnapshot) },
        after: { assignments: after.map(assignmentSnapshot) },
        requestId: actor.requestId,
      });
      return sweep;
    });
  }

  /** DRAFT → ACTIVE; needs at least one assignment. */
  async activate(id: string, actor: CurrentOfficer): Promise<Sweep> {
    return this.database.transaction(async (manager) => {
      const sweep = await this.locked(manager, id, 'update');
      if (sweep.status !== 'DRAFT')
        throw new InvalidState(
          message('sweeps.activateOnlyDraft', { status: message(`sweeps.status.${sweep.status}`) }),
          sweep.status,
          'ACTIVATE',
        );
      if (!(await this.sweeps.hasAssignments(manager, id)))
        throw new InvalidState(message('sweeps.activateNeedsAssignment'), sweep.status, 'ACTIVATE');
      const before = { ...sweep };
      sweep.status = 'ACTIVE';
      sweep.activatedAt = new Date();
      await this.sweeps.markActive(manager, id, sweep.activatedAt);
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'ACTIVATE',
        entityType: 'Sweep',
        entityId: id,
        before,
        after: sweep,
        requestId: actor.requestId,
      });
      return sweep;
    });
  }

  /**
   * A manager extends a DRAFT or ACTIVE sweep: a later end date, at most `SWEEP_DATES.maxDays`
   * beyond the current one (a sweep longer than a year is a decision taken step by step, each
   * audited, not a typo in a date).
   */
  async extend(id: string, endDate: string, actor: CurrentOfficer): Promise<Sweep> {
    return this.database.transaction(async (manager) => {
      const sweep = await this.locked(manager, id, 'update');
      if (sweep.status === 'CLOSED')
        throw new InvalidState(message('sweeps.extendOnlyOpen'), sweep.status, 'EXTEND');
      if (endDate <= sweep.endDate)
        throw BadUserInput.field(
          'input.endDate',
          message('sweeps.extendLater', { endDate: sweep.endDate }),
        );
      const latest = addDays(sweep.endDate, SWEEP_DATES.maxDays);
      if (endDate > latest)
        throw BadUserInput.field(
          'input.endDate',
          message('sweeps.extendTooFar', { days: SWEEP_DATES.maxDays, latest }),
        );
      const before = { ...sweep };
      await this.sweeps.setEndDate(manager, id, endDate);
      sweep.endDate = endDate;
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'EXTEND',
        entityType: 'Sweep',
        entityId: id,
        before,
        after: sweep,
        requestId: actor.requestId,
      });
      return sweep;
    });
  }

  async get(id: string): Promise<Sweep> {
    const sweep = await this.sweeps.byId(this.database.manager, id);
    if (!sweep) throw new NotFound('Sweep', id);
    return sweep;
  }

  /**
   * Sweeps are city-wide campaigns: any logged-in officer may list them. Newest start date first,
   * keyset cursor on (startDate, id).
   */
  async list(args: SweepsArgs, officer: CurrentOfficer): Promise<Connection<Sweep>> {
    const page = pageOf(args);
    const cursor = page.cursor ? sweepCursor.decode(page.cursor, page.cursorArgument) : null;
    const filter = args.filter ?? {};
    const { rows, totalCount } = await this.sweeps.page(
      this.database.manager,
      {
        status: filter.status,
        exposureId: filter.exposureId,
        assignedAboveOrTo: filter.assignedToMyBureau ? officer.bureauId : null,
      },
      cursor,
      page.size + 1,
      page.backward,
    );
    return toConnection(rows, page, totalCount, (row) =>
      sweepCursor.encode([row.startDate, row.id]),
    );
  }

  /** Target categories of sweeps, from the request's reference snapshot; batched. */
  async categoriesOf(sweepId: string, loaders: Loaders): Promise<TargetCategoryType[]> {
    const [categoryIds, snapshot] = await Promise.all([
      this.sweeps.categoryIdsLoader(loaders).load(sweepId),
      this.reference.forRequest(loaders),
    ]);
    return categoryIds
      .map((id) => snapshot.categoryById.get(id))
      .filter((category): category is TargetCategoryType => category !== undefined)
      .sort((a, b) => a.code.localeCompare(b.code));
  }

  /** Exposures that triggered sweeps, newest first; batched. */
  async exposuresOf(sweepId: string, loaders: Loaders): Promise<Exposure[]> {
    const ids = await this.sweeps.exposureIdsLoader(loaders).load(sweepId);
    const exposures = await this.exposures.exposureLoader(loaders).loadMany(ids);
    return exposures
      .filter((exposure): exposure is Exposure => !!exposure && !(exposure instanceof Error))
      .sort((a, b) => b.exposedOn.localeCompare(a.exposedOn) || b.id.localeCompare(a.id));
  }

  /** Assignments of sweeps; batched. */
  assignmentsOf(sweepId: string, loaders: Loaders): Promise<SweepAssignment[]> {
    return this.sweeps.assignmentsLoader(loaders).load(sweepId);
  }

  /** The sweeps an exposure triggered, newest start date first, batched per request. */
  async ofExposure(exposureId: string, loaders: Loaders): Promise<Sweep[]> {
    const ids = await this.sweeps.sweepIdsByExposureLoader(loaders).load(exposureId);
    const sweeps = await this.sweeps.sweepLoader(loaders).loadMany(ids);
    return sweeps
      .filter((sweep): sweep is Sweep => !(sweep instanceof Error))
      .sort((a, b) => b.startDate.localeCompare(a.startDate) || b.id.localeCompare(a.id));
  }

  private async locked(manager: EntityManager, id: string, mode: SweepLock): Promise<Sweep> {
    const sweep = await this.sweeps.lock(manager, id, mode);
    if (!sweep) throw new NotFound('Sweep', id);
    return sweep;
  }

  /** Unknown lead bureau or exposures are reported as BAD_USER_INPUT with their paths. */
  private async checkReferences(manager: EntityManager, input: CreateSweepInput): Promise<void> {
    const errors: FieldError[] = [];
    const bureaus = await this.bureaus.knownIds(manager, [input.leadBureauId]);
    if (!bureaus.has(input.leadBureauId.toLowerCase()))
      errors.push({ path: 'input.leadBureauId', message: message('sweeps.noSuchBureau') });
    const known = await this.exposures.knownIds(manager, input.exposureIds);
    input.exposureIds.forEach((id, index) => {
      if (!known.has(id.toLowerCase()))
        errors.push({
          path: `input.exposureIds[${index}]`,
          message: message('sweeps.noSuchExposure'),
        });
    });
    if (errors.length) throw new BadUserInput(errors);
  }

  private async validAssignments(
    manager: EntityManager,
    assignments: AssignmentInput[],
    sweepCategoryIds: Set<string>,
    categoryByCode: Map<string, TargetCategoryType>,
  ): Promise<AssignmentRow[]> {
    const bureauIds = [...new Set(assignments.map((a) => a.bureauId.toLowerCase()))];
    const knownBureaus = await this.bureaus.knownIds(manager, bureauIds);
    const errors: FieldError[] = [];
    const seen = new Set<string>();
    const rows = assignments.map((assignment, index) => {
      const path = `input.assignments[${index}]`;
      const bureauId = assignment.bureauId.toLowerCase();
      const category = categoryByCode.get(assignment.categoryCode);
      if (!knownBureaus.has(bureauId))
        errors.push({ path: `${path}.bureauId`, message: message('sweeps.noSuchBureau') });
      if (!category || !sweepCategoryIds.has(category.id))
        errors.push({
          path: `${path}.categoryCode`,
          message: message('sweeps.notCategoryOfSweep', { code: assignment.categoryCode }),
        });
      const key = `${bureauId}/${assignment.categoryCode}`;
      if (seen.has(key)) errors.push({ path, message: message('sweeps.assignedTwice') });
      seen.add(key);
      return { bureauId, categoryId: category?.id ?? '', target: assignment.target };
    });
    if (errors.length) throw new BadUserInput(errors);
    return rows;
  }
}

function assignmentSnapshot(assignment: SweepAssignment) {
  return {
    bureauId: assignment.bureauId,
    categoryId: assignment.categoryId,
    target: assignment.target,
  };
}
