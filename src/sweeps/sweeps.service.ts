import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { CurrentOfficer } from '../auth/current-officer';
import { Bureau } from '../bureaus/bureau.entity';
import { BadUserInput, InvalidState, NotFound } from '../common/errors/domain-errors';
import type { FieldError } from '../common/errors/domain-errors';
import { Connection, decodeCursor, pageSize, toConnection } from '../common/pagination/connection';
import { Exposure } from '../exposures/exposure.entity';
import { categoriesByCode, joinTableLoader } from '../exposures/exposures.service';
import { groupBy, Loaders } from '../graphql/loaders';
import type { TargetCategoryType } from '../reference/dto/reference.types';
import { ReferenceService } from '../reference/reference.service';
import type {
  AssignmentInput,
  CreateSweepInput,
  SetSweepAssignmentsInput,
  SweepsArgs,
} from './dto/sweep.inputs';
import { SweepAssignment } from './sweep-assignment.entity';
import { Sweep } from './sweep.entity';

/** Sweeps (专项整治行动): creation, assignments (任务分配), activation and listing. */
@Injectable()
export class SweepsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly reference: ReferenceService,
  ) {}

  async create(input: CreateSweepInput, actor: CurrentOfficer): Promise<Sweep> {
    const snapshot = await this.reference.load();
    const categories = categoriesByCode(input.categoryCodes, snapshot.categoryByCode);
    if (input.endDate < input.startDate)
      throw BadUserInput.field('input.endDate', 'must not be before startDate');
    const exposureIds = [...new Set(input.exposureIds.map((id) => id.toLowerCase()))];
    return this.dataSource.transaction(async (manager) => {
      await this.checkReferences(manager, input);
      const sweep = await manager.save(
        manager.create(Sweep, {
          code: input.code,
          title: input.title,
          directive: input.directive ?? null,
          leadBureauId: input.leadBureauId,
          status: 'DRAFT',
          startDate: input.startDate,
          endDate: input.endDate,
          createdById: actor.id,
        }),
      );
      const relation = (name: 'exposures' | 'categories') =>
        manager.createQueryBuilder().relation(Sweep, name).of(sweep.id);
      await relation('exposures').add(exposureIds);
      await relation('categories').add(categories.map((category) => category.id));
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
    return this.dataSource.transaction(async (manager) => {
      const sweep = await this.lock(manager, input.sweepId);
      if (sweep.status === 'CLOSED')
        throw new InvalidState('A closed sweep’s assignments cannot change', 'CLOSED', 'ASSIGN');
      // An active sweep keeps at least one target, as activation required one.
      if (sweep.status === 'ACTIVE' && input.assignments.length === 0)
        throw BadUserInput.field('input.assignments', 'an active sweep needs at least one');
      const categoryIds = await this.categoryIdsOf(manager, sweep.id);
      const snapshot = await this.reference.load(manager);
      const rows = await this.validAssignments(
        manager,
        input.assignments,
        categoryIds,
        snapshot.categoryByCode,
      );
      const before = await manager.findBy(SweepAssignment, { sweepId: sweep.id });
      await manager.delete(SweepAssignment, { sweepId: sweep.id });
      const after = rows.length
        ? await manager.save(
            rows.map((row) => manager.create(SweepAssignment, { ...row, sweepId: sweep.id })),
          )
        : [];
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
    return this.dataSource.transaction(async (manager) => {
      const sweep = await this.lock(manager, id);
      if (sweep.status !== 'DRAFT')
        throw new InvalidState(
          `Only a DRAFT sweep can be activated; this one is ${sweep.status}`,
          sweep.status,
          'ACTIVATE',
        );
      if (!(await manager.existsBy(SweepAssignment, { sweepId: id })))
        throw new InvalidState(
          'A sweep needs at least one assignment before it is activated',
          sweep.status,
          'ACTIVATE',
        );
      const before = { ...sweep };
      sweep.status = 'ACTIVE';
      sweep.activatedAt = new Date();
      await manager.update(Sweep, id, { status: sweep.status, activatedAt: sweep.activatedAt });
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

  async get(id: string): Promise<Sweep> {
    const sweep = await this.dataSource.getRepository(Sweep).findOneBy({ id });
    if (!sweep) throw new NotFound('Sweep', id);
    return sweep;
  }

  /**
   * Sweeps are city-wide campaigns: any logged-in officer may list them. Newest start date first,
   * keyset cursor on (startDate, id).
   */
  async list(args: SweepsArgs, officer: CurrentOfficer): Promise<Connection<Sweep>> {
    const first = pageSize(args);
    const filter = args.filter ?? {};
    const query = this.dataSource.getRepository(Sweep).createQueryBuilder('s');
    if (filter.status) query.andWhere('s.status = :status', { status: filter.status });
    if (filter.exposureId)
      query.andWhere(
        'EXISTS (SELECT 1 FROM sweep_exposures se WHERE se.sweep_id = s.id AND se.exposure_id = :exposureId)',
        { exposureId: filter.exposureId },
      );
    if (filter.assignedToMyBureau)
      query.andWhere(
        `EXISTS (SELECT 1 FROM sweep_assignments sa WHERE sa.sweep_id = s.id AND sa.bureau_id IN (
           WITH RECURSIVE up(id, parent_id) AS (
             SELECT b.id, b.parent_id FROM bureaus b WHERE b.id = :myBureauId
             UNION ALL SELECT b.id, b.parent_id FROM bureaus b JOIN up ON b.id = up.parent_id
           ) SELECT up.id FROM up))`,
        { myBureauId: officer.bureauId },
      );
    const totalCount = await query.getCount();
    if (args.after) {
      const [startDate, id] = decodeCursor(args.after, 2);
      if (typeof startDate !== 'string' || typeof id !== 'string')
        throw BadUserInput.field('after', 'is not a cursor of this list');
      query.andWhere('(s.start_date, s.id) < (:startDate::date, :id::uuid)', { startDate, id });
    }
    const rows = await query
      .orderBy('s.start_date', 'DESC')
      .addOrderBy('s.id', 'DESC')
      .limit(first + 1)
      .getMany();
    return toConnection(rows, first, totalCount, (row) => [row.startDate, row.id]);
  }

  /** Target categories of sweeps, from the request's reference snapshot; batched. */
  async categoriesOf(sweepId: string, loaders: Loaders): Promise<TargetCategoryType[]> {
    const [categoryIds, snapshot] = await Promise.all([
      loaders
        .custom('categoryIdsBySweep', () =>
          joinTableLoader(this.dataSource, 'sweep_categories', 'sweep_id', 'category_id'),
        )
        .load(sweepId),
      this.reference.forRequest(loaders),
    ]);
    return categoryIds
      .map((id) => snapshot.categoryById.get(id))
      .filter((category): category is TargetCategoryType => category !== undefined)
      .sort((a, b) => a.code.localeCompare(b.code));
  }

  /** Exposures that triggered sweeps, newest first; batched. */
  async exposuresOf(sweepId: string, loaders: Loaders): Promise<Exposure[]> {
    const ids = await loaders
      .custom('exposureIdsBySweep', () =>
        joinTableLoader(this.dataSource, 'sweep_exposures', 'sweep_id', 'exposure_id'),
      )
      .load(sweepId);
    const exposures = await loaders.byId(Exposure).loadMany(ids);
    return exposures
      .filter(
        (exposure): exposure is Exposure => exposure !== undefined && !(exposure instanceof Error),
      )
      .sort((a, b) => b.exposedOn.localeCompare(a.exposedOn) || b.id.localeCompare(a.id));
  }

  /** Assignments of sweeps; batched. */
  assignmentsOf(sweepId: string, loaders: Loaders): Promise<SweepAssignment[]> {
    return loaders
      .custom(
        'assignmentsBySweep',
        () =>
          new DataLoader<string, SweepAssignment[]>(async (ids) => {
            const rows = await this.dataSource
              .getRepository(SweepAssignment)
              .createQueryBuilder('a')
              .innerJoin(Bureau, 'b', 'b.id = a.bureau_id')
              .where({ sweepId: In([...ids]) })
              .orderBy('b.code')
              .addOrderBy('a.category_id')
              .getMany();
            return groupBy(ids, rows, (row) => row.sweepId);
          }),
      )
      .load(sweepId);
  }

  private async lock(manager: EntityManager, id: string): Promise<Sweep> {
    const sweep = await manager
      .getRepository(Sweep)
      .createQueryBuilder('s')
      .setLock('pessimistic_write')
      .where('s.id = :id', { id })
      .getOne();
    if (!sweep) throw new NotFound('Sweep', id);
    return sweep;
  }

  private async categoryIdsOf(manager: EntityManager, sweepId: string): Promise<Set<string>> {
    const rows = await manager.query<{ category_id: string }[]>(
      'SELECT category_id FROM sweep_categories WHERE sweep_id = $1',
      [sweepId],
    );
    return new Set(rows.map((row) => row.category_id));
  }

  /** Unknown lead bureau or exposures are reported as BAD_USER_INPUT with their paths. */
  private async checkReferences(manager: EntityManager, input: CreateSweepInput): Promise<void> {
    const errors: FieldError[] = [];
    if (!(await manager.existsBy(Bureau, { id: input.leadBureauId })))
      errors.push({ path: 'input.leadBureauId', message: 'no such bureau' });
    const known = new Set(
      (
        await manager.find(Exposure, {
          select: { id: true },
          where: { id: In(input.exposureIds) },
        })
      ).map((exposure) => exposure.id),
    );
    input.exposureIds.forEach((id, index) => {
      if (!known.has(id.toLowerCase()))
        errors.push({ path: `input.exposureIds[${index}]`, message: 'no such exposure' });
    });
    if (errors.length) throw new BadUserInput(errors);
  }

  private async validAssignments(
    manager: EntityManager,
    assignments: AssignmentInput[],
    sweepCategoryIds: Set<string>,
    categoryByCode: Map<string, TargetCategoryType>,
  ): Promise<Pick<SweepAssignment, 'bureauId' | 'categoryId' | 'target'>[]> {
    const bureauIds = [...new Set(assignments.map((a) => a.bureauId.toLowerCase()))];
    const knownBureaus = new Set(
      bureauIds.length
        ? (await manager.find(Bureau, { select: { id: true }, where: { id: In(bureauIds) } })).map(
            (bureau) => bureau.id,
          )
        : [],
    );
    const errors: FieldError[] = [];
    const seen = new Set<string>();
    const rows = assignments.map((assignment, index) => {
      const path = `input.assignments[${index}]`;
      const bureauId = assignment.bureauId.toLowerCase();
      const category = categoryByCode.get(assignment.categoryCode);
      if (!knownBureaus.has(bureauId))
        errors.push({ path: `${path}.bureauId`, message: 'no such bureau' });
      if (!category || !sweepCategoryIds.has(category.id))
        errors.push({
          path: `${path}.categoryCode`,
          message: `${assignment.categoryCode} is not a target category of this sweep`,
        });
      const key = `${bureauId}/${assignment.categoryCode}`;
      if (seen.has(key))
        errors.push({ path, message: 'this bureau already has this category assigned' });
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
