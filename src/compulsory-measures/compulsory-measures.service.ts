import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { hasRole, type CurrentOfficer } from '../auth/current-officer';
import { decidesFor, isHeadOf } from '../auth/heads';
import { BureausRepository } from '../bureaus/bureaus.repository';
import { CaseClocksService, type RecomputedDueDay } from '../cases/case-clocks.service';
import { CasesRepository } from '../cases/cases.repository';
import { checkDay } from '../cases/cases.service';
import type { HolidayCalendar } from '../cases/clocks';
import { BadUserInput, Conflict, Forbidden, NotFound } from '../common/errors/domain-errors';
import { IdempotencyService } from '../common/idempotency/idempotency.service';
import { message } from '../common/messages/message';
import { Scope } from '../common/scope';
import { shanghaiDay } from '../common/time/shanghai';
import { Database } from '../database/database';
import { OfficersRepository } from '../officers/officers.repository';
import type { CompulsoryMeasure } from './compulsory-measure.entity';
import { CompulsoryMeasuresRepository } from './compulsory-measures.repository';
import type {
  DisposeCompulsoryMeasureInput,
  ExtendCompulsoryMeasureInput,
  ImposeCompulsoryMeasureInput,
  ReleaseCompulsoryMeasureInput,
  ResumeCompulsoryMeasureInput,
  SuspendCompulsoryMeasureInput,
} from './dto/measure.inputs';
import { measureClock } from './measure-clock';
import { checkApprovalDay } from './measure-rules';
import { addMoney } from './money';
import { checkMove, refusedMove, stateOf, type MeasureAction } from './workflow';

export interface MeasureResult {
  replayed: boolean;
  compulsoryMeasure: CompulsoryMeasure;
}

interface MoveRequest {
  idempotencyKey: string;
  measureId: string;
  expectedVersion: number;
}

/** Who records a move: the head of the bureau (SUPERVISOR) or a MANAGER, or any officer of it. */
type Recorder = 'HEAD' | 'BUREAU';

/**
 * 查封、扣押: compulsory measures on findings. Each mutation runs once per idempotency key in one
 * transaction: lock the record, check its version (CONFLICT when stale), who records it and who
 * approved it, the move (INVALID_STATE with `from` and `action`), write, recompute the measure's
 * clock and store its due day, and append the audit event.
 *
 * Who: 行政强制法 第十八条 has the measure reported to and approved by the head (负责人) before it
 * is taken and carried out by two officers. So any officer of the premises' bureau (or a MANAGER)
 * records a measure with the approving head's id; the head's own decisions — extension (第二十五条:
 * 经行政机关负责人批准), release (第二十八条) and disposal (第二十七条) — are recorded by a SUPERVISOR of
 * the bureau or a MANAGER; suspending and resuming for testing, a fact of the sample sent to the
 * lab, by any officer of the bureau.
 */
@Injectable()
export class CompulsoryMeasuresService implements OnModuleInit {
  constructor(
    private readonly database: Database,
    private readonly measures: CompulsoryMeasuresRepository,
    private readonly cases: CasesRepository,
    private readonly clocks: CaseClocksService,
    private readonly officers: OfficersRepository,
    private readonly bureaus: BureausRepository,
    private readonly idempotency: IdempotencyService,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.clocks.onHolidayYearLoaded((manager, calendar, year) =>
      this.recomputeYear(manager, calendar, year),
    );
  }

  /**
   * DOMAIN.md, Working days: loading a year's holidays recomputes every open due day it touches —
   * here the stored due days of measures in force running through `year` (a provisional one, or
   * one whose last day becomes a holiday), in the loading transaction; the holidays service audits
   * each change.
   */
  async recomputeYear(
    manager: EntityManager,
    calendar: HolidayCalendar,
    year: number,
  ): Promise<RecomputedDueDay[]> {
    const today = shanghaiDay(new Date());
    const changed: RecomputedDueDay[] = [];
    const open = await this.measures.openDueBetweenUnscoped(
      manager,
      `${year}-01-01`,
      `${year}-12-31`,
    );
    const suspensions = await this.measures.suspensionsOfMeasures(
      manager,
      open.map((m) => m.id),
    );
    for (const [index, m] of open.entries()) {
      const dueOn = measureClock(m, suspensions[index], calendar, today).dueOn;
      if (dueOn === m.dueOn) continue;
      await this.measures.setDueOn(manager, m.id, dueOn);
      changed.push({
        entityType: 'CompulsoryMeasure',
        id: m.id,
        before: { dueOn: m.dueOn },
        after: { dueOn },
      });
    }
    return changed;
  }

  async impose(
    officer: CurrentOfficer,
    input: ImposeCompulsoryMeasureInput,
  ): Promise<MeasureResult> {
    checkDay('input.decidedOn', input.decidedOn);
    checkDay('input.approvedOn', input.approvedOn);
    const scope = Scope.of(officer);
    const { replayed, result } = await this.idempotency.run(
      officer,
      'imposeCompulsoryMeasure',
      input.idempotencyKey,
      input,
      async (manager) => {
        const [finding] = await this.cases.lockFindingsInScope(manager, scope, [
          input.findingId.toLowerCase(),
        ]);
        if (!finding) throw new NotFound('Finding', input.findingId);
        this.checkRecorder(officer, finding.bureauId, 'BUREAU');
        // 不得早于检查: a measure is taken on what an inspection found.
        checkDay('input.decidedOn', input.decidedOn, finding.foundOn);
        checkDay('input.approvedOn', input.approvedOn, finding.foundOn);
        checkApprovalDay(input.decidedOn, input.approvedOn, input.emergency ?? false);
        if (await this.measures.decisionNumberTaken(manager, input.decisionNumber))
          throw new Conflict(
            message('measures.decisionNumberTaken', { decisionNumber: input.decisionNumber }),
          );
        await this.checkApprover(
          manager,
          input.approvedById,
          finding.bureauId,
          'input.approvedById',
        );
        await this.checkOfficers(manager, input.officerIds);
        const calendar = await this.clocks.calendar(manager);
        const row = {
          findingId: finding.id,
          sweepId: finding.sweepId,
          bureauId: finding.bureauId,
          premisesId: finding.premisesId,
          categoryId: finding.categoryId,
          kind: input.kind,
          decisionNumber: input.decisionNumber,
          decidedOn: input.decidedOn,
          emergency: input.emergency ?? false,
          approvedById: input.approvedById.toLowerCase(),
          approvedOn: input.approvedOn,
          officerIds: input.officerIds.map((id) => id.toLowerCase()),
          status: 'IN_FORCE' as const,
          itemsValue: addMoney(...input.items.map((item) => item.value)),
          extendedBy: 0,
          releasedOn: null,
          disposedOn: null,
          createdById: officer.id,
        };
        const dueOn = measureClock(row, [], calendar, shanghaiDay(new Date())).dueOn;
        const id = await this.measures.insert(
          manager,
          { ...row, dueOn },
          input.items.map((item, position) => ({
            position,
            product: item.product,
            specification: item.specification ?? null,
            lot: item.lot ?? null,
            quantity: String(item.quantity),
            unit: item.unit,
            value: item.value,
            custodyPlace: item.custodyPlace,
          })),
        );
        await this.audit.record(manager, {
          actorId: officer.id,
          action: 'IMPOSE_MEASURE',
          entityType: 'CompulsoryMeasure',
          entityId: id,
          after: {
            ...(await this.measures.findInScope(manager, Scope.system(), id)),
            items: input.items,
          },
          requestId: officer.requestId,
        });
        return { measureId: id };
      },
    );
    return { replayed, compulsoryMeasure: await this.after(scope, result.measureId) };
  }

  extend(officer: CurrentOfficer, input: ExtendCompulsoryMeasureInput): Promise<MeasureResult> {
    checkDay('input.extendedOn', input.extendedOn);
    return this.move(
      officer,
      'extendCompulsoryMeasure',
      input,
      'EXTEND',
      'HEAD',
      async (m, manager) => {
        checkDay('input.extendedOn', input.extendedOn, m.decidedOn);
        // 行政强制法 第二十五条: the head extends the period while it runs, not after it ended.
        const clock = await this.clockOf(manager, m);
        if (input.extendedOn > clock.dueOn)
          throw refusedMove(
            stateOf(m),
            'EXTEND',
            message('measures.reason.pastDue', { dueOn: clock.dueOn }),
          );
        await this.checkApprover(manager, input.approvedById, m.bureauId, 'input.approvedById');
        return {
          status: 'EXTENDED',
          extendedBy: input.days,
          extendedOn: input.extendedOn,
          extensionReason: input.reason,
          extensionApprovedById: input.approvedById.toLowerCase(),
        };
      },
    );
  }

  release(officer: CurrentOfficer, input: ReleaseCompulsoryMeasureInput): Promise<MeasureResult> {
    checkDay('input.releasedOn', input.releasedOn);
    return this.move(officer, 'releaseCompulsoryMeasure', input, 'RELEASE', 'HEAD', (m) => {
      checkDay('input.releasedOn', input.releasedOn, m.decidedOn);
      // 第二十八条第一款第四项 查封、扣押期限已经届满: the term ends on its due day (suspensions
      // included), so a release for that reason comes on or after it.
      if (input.reason === 'TERM_EXPIRED' && input.releasedOn < m.dueOn)
        throw BadUserInput.field(
          'input.reason',
          message('measures.termNotExpired', { dueOn: m.dueOn }),
        );
      return Promise.resolve({
        status: 'RELEASED',
        releasedOn: input.releasedOn,
        releaseReason: input.reason,
        endNote: input.note ?? null,
      });
    });
  }

  dispose(officer: CurrentOfficer, input: DisposeCompulsoryMeasureInput): Promise<MeasureResult> {
    checkDay('input.disposedOn', input.disposedOn);
    return this.move(
      officer,
      'disposeCompulsoryMeasure',
      input,
      'DISPOSE',
      'HEAD',
      async (m, manager) => {
        checkDay('input.disposedOn', input.disposedOn, m.decidedOn);
        const [finding] = await this.cases.lockFindingsInScope(
          manager,
          Scope.system(),
          [m.findingId],
          false,
        );
        const decided = finding?.caseId
          ? await this.cases.byIdUnscoped(manager, finding.caseId)
          : null;
        const decision =
          decided?.decidedOn && decided.decidedOn <= input.disposedOn ? decided : null;
        // 行政强制法 第二十七条: goods are confiscated by a decision (没收非法财物, 行政处罚法 第九条).
        if (
          input.disposal === 'CONFISCATED' &&
          !decision?.penalties.includes('CONFISCATE_ILLEGAL_PROPERTY')
        )
          throw BadUserInput.field('input.disposal', message('measures.confiscationNeedsDecision'));
        return {
          status: 'DISPOSED',
          disposedOn: input.disposedOn,
          disposal: input.disposal,
          disposalCaseId: decision?.id ?? null,
          endNote: input.note ?? null,
        };
      },
    );
  }

  suspend(officer: CurrentOfficer, input: SuspendCompulsoryMeasureInput): Promise<MeasureResult> {
    checkDay('input.from', input.from);
    return this.move(
      officer,
      'suspendCompulsoryMeasure',
      input,
      'SUSPEND',
      'BUREAU',
      async (m, manager) => {
        checkDay('input.from', input.from, m.decidedOn);
        await this.measures.insertSuspension(manager, {
          measureId: m.id,
          reason: input.reason,
          from: input.from,
          note: input.note ?? null,
          officerId: officer.id,
        });
        return { suspendedFrom: input.from };
      },
    );
  }

  resume(officer: CurrentOfficer, input: ResumeCompulsoryMeasureInput): Promise<MeasureResult> {
    checkDay('input.resumedOn', input.resumedOn);
    return this.move(
      officer,
      'resumeCompulsoryMeasure',
      input,
      'RESUME',
      'BUREAU',
      async (m, manager) => {
        const open = (await this.measures.suspensionsOf(manager, m.id)).find(
          (row) => row.to === null,
        );
        if (!open) throw refusedMove(stateOf(m), 'RESUME');
        checkDay('input.resumedOn', input.resumedOn, open.from);
        await this.measures.endSuspension(manager, open.id, input.resumedOn);
        return { suspendedFrom: null };
      },
    );
  }

  /** One measure in the caller's scope; NOT_FOUND outside it. */
  async measureInScope(scope: Scope, id: string): Promise<CompulsoryMeasure> {
    return this.after(scope, id);
  }

  private async move(
    officer: CurrentOfficer,
    operation: string,
    input: MoveRequest,
    action: MeasureAction,
    recorder: Recorder,
    work: (m: CompulsoryMeasure, manager: EntityManager) => Promise<Partial<CompulsoryMeasure>>,
  ): Promise<MeasureResult> {
    const scope = Scope.of(officer);
    const { replayed, result } = await this.idempotency.run(
      officer,
      operation,
      input.idempotencyKey,
      input,
      async (manager) => {
        const before = await this.measures.lockInScope(
          manager,
          scope,
          input.measureId.toLowerCase(),
        );
        if (!before) throw new NotFound('CompulsoryMeasure', input.measureId);
        if (before.version !== input.expectedVersion)
          throw new Conflict(message('measures.staleVersion'), { currentVersion: before.version });
        this.checkRecorder(officer, before.bureauId, recorder);
        checkMove(stateOf(before), action);
        await this.measures.update(manager, before.id, await work(before, manager));
        const changed = (await this.measures.findInScope(manager, Scope.system(), before.id))!;
        await this.measures.setDueOn(
          manager,
          before.id,
          (await this.clockOf(manager, changed)).dueOn,
        );
        await this.audit.record(manager, {
          actorId: officer.id,
          action: `${action}_MEASURE`,
          entityType: 'CompulsoryMeasure',
          entityId: before.id,
          before,
          after: await this.measures.findInScope(manager, Scope.system(), before.id),
          requestId: officer.requestId,
        });
        return { measureId: before.id };
      },
    );
    return { replayed, compulsoryMeasure: await this.after(scope, result.measureId) };
  }

  /** The measure's clock as of today, over the holiday table and its excluded periods. */
  private async clockOf(manager: EntityManager, m: CompulsoryMeasure) {
    const suspensions = await this.measures.suspensionsOf(manager, m.id);
    const calendar = await this.clocks.calendar(manager);
    return measureClock(m, suspensions, calendar, shanghaiDay(new Date()));
  }

  private checkRecorder(officer: CurrentOfficer, bureauId: string, recorder: Recorder): void {
    if (decidesFor(officer, bureauId)) return;
    if (recorder === 'HEAD') throw new Forbidden(message('measures.headOnly'));
    if (officer.bureauId === bureauId && hasRole(officer, 'INSPECTOR')) return;
    throw new Forbidden(message('measures.recorderNotOfBureau'));
  }

  /**
   * The approver is the head of the measure's bureau: an active SUPERVISOR of it; for the city
   * bureau's own measures an active MANAGER (a county bureau is an organ of its own, so nobody
   * outside it approves its measures), as for cases.
   */
  private async checkApprover(
    manager: EntityManager,
    approvedById: string,
    bureauId: string,
    path: string,
  ): Promise<void> {
    const approver = await this.officers.findById(manager, approvedById.toLowerCase());
    const bureau = await this.bureaus.findById(manager, bureauId);
    if (!isHeadOf(approver, bureau))
      throw BadUserInput.field(path, message('measures.approverNotHead'));
  }

  /** 行政强制法 第十八条: two or more enforcement officers, each active. */
  private async checkOfficers(manager: EntityManager, ids: string[]): Promise<void> {
    for (const id of ids) {
      const found = await this.officers.findById(manager, id.toLowerCase());
      if (!found || !found.active)
        throw BadUserInput.field('input.officerIds', message('measures.twoOfficers'));
    }
  }

  private async after(scope: Scope, id: string): Promise<CompulsoryMeasure> {
    const found = await this.measures.findInScope(this.database.manager, scope, id);
    if (!found) throw new NotFound('CompulsoryMeasure', id);
    return found;
  }
}
