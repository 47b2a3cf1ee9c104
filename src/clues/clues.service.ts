import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { CurrentOfficer } from '../auth/current-officer';
import { decidesFor } from '../auth/heads';
import { BureausRepository } from '../bureaus/bureaus.repository';
import { CaseClocksService, type RecomputedDueDay } from '../cases/case-clocks.service';
import { CasesRepository } from '../cases/cases.repository';
import type { Clock, ClueClockKind, HolidayCalendar } from '../cases/clocks';
import {
  BadUserInput,
  Conflict,
  Forbidden,
  NotFound,
  type FieldError,
} from '../common/errors/domain-errors';
import { IdempotencyService } from '../common/idempotency/idempotency.service';
import { message } from '../common/messages/message';
import { Scope } from '../common/scope';
import { shanghaiDay } from '../common/time/shanghai';
import { Database } from '../database/database';
import type { Loaders } from '../graphql/loaders';
import { FindingsRepository } from '../inspections/repositories/findings.repository';
import { InspectionsRepository } from '../inspections/repositories/inspections.repository';
import { PremisesRepository } from '../premises/premises.repository';
import { SweepsRepository } from '../sweeps/sweeps.repository';
import { clueClocks, clueDueOn } from './clue-clocks';
import type { Clue } from './clue.entity';
import { CluesRepository } from './clues.repository';
import type {
  AcceptClueInput,
  CloseClueInput,
  ExtendClueVerificationInput,
  InformClueReporterInput,
  LinkClueInput,
  RecordClueVerificationInput,
  RefuseClueInput,
  RegisterClueInput,
  TransferClueInput,
} from './dto/clue.inputs';
import { isPhoneNumber, isResidentIdNumber, redacted } from './personal-data';
import { checkClueMove, type ClueAction, type ClueState } from './workflow';

export interface ClueResult {
  replayed: boolean;
  clue: Clue;
}

interface MoveRequest {
  idempotencyKey: string;
  clueId: string;
  expectedVersion: number;
}

/** Who may take a move: any officer of the jurisdiction, or the head (负责人) of the clue's bureau. */
type Who = 'officer' | 'head';

/** What a move writes besides the status, and the audit action it records. */
interface Step {
  columns: Partial<Clue>;
  audit: string;
}

/**
 * 投诉举报线索: registering a clue and its moves, each in one transaction with its idempotency
 * key and audit event (personal data redacted), its clocks recomputed and `due_on` stored.
 * Who decides (DOMAIN.md "Who decides what", applied to clues): inspectors register clues, record
 * the verification's work (links to inspections and findings) and tell the reporter; accepting or
 * refusing a complaint, extending a verification, the filing decision (程序规定 第十八条: 由负责人
 * 决定是否立案), transfers and closing are for a SUPERVISOR of the handling bureau or a MANAGER.
 */
@Injectable()
export class CluesService implements OnModuleInit {
  constructor(
    private readonly database: Database,
    private readonly clues: CluesRepository,
    private readonly idempotency: IdempotencyService,
    private readonly audit: AuditService,
    private readonly caseClocks: CaseClocksService,
    private readonly bureaus: BureausRepository,
    private readonly premises: PremisesRepository,
    private readonly sweeps: SweepsRepository,
    private readonly cases: CasesRepository,
    private readonly inspections: InspectionsRepository,
    private readonly findings: FindingsRepository,
  ) {}

  onModuleInit(): void {
    this.caseClocks.onHolidayYearLoaded((manager, calendar, year) =>
      this.recomputeDues(manager, calendar, year),
    );
  }

  /**
   * After a holiday year is loaded: the stored due day of every open clue whose clocks may run
   * through it, recomputed; the clues whose due day changed (redacted, for their audit events).
   */
  private async recomputeDues(
    manager: EntityManager,
    calendar: HolidayCalendar,
    year: number,
  ): Promise<RecomputedDueDay[]> {
    const changed: RecomputedDueDay[] = [];
    const today = shanghaiDay(new Date());
    for (const clue of await this.clues.lockOpenThrough(
      manager,
      `${year}-01-01`,
      `${year}-12-31`,
    )) {
      const dueOn = clueDueOn(clueClocks(clue, calendar, today));
      if (dueOn === clue.dueOn) continue;
      await this.clues.setDueOn(manager, clue.id, dueOn);
      changed.push({
        entityType: 'Clue',
        id: clue.id,
        before: redacted(clue),
        after: redacted({ ...clue, dueOn }),
      });
    }
    return changed;
  }

  async register(officer: CurrentOfficer, input: RegisterClueInput): Promise<ClueResult> {
    checkRegistration(input);
    const scope = Scope.of(officer);
    const { replayed, result } = await this.idempotency.run(
      officer,
      'registerClue',
      input.idempotencyKey,
      input,
      async (manager) => {
        await this.checkPlaces(manager, scope, input);
        const bureau = (await this.bureaus.findById(manager, input.bureauId))!;
        const year = Number(input.receivedOn.slice(0, 4));
        const sequence = await this.clues.nextNumber(manager, bureau.id, year);
        const person = input.anonymous ? null : input.person!;
        const id = await this.clues.insert(manager, {
          number: `${bureau.code}-${year}-${String(sequence).padStart(5, '0')}`,
          kind: input.kind,
          source: input.source,
          sourceAuthority: input.sourceAuthority ?? null,
          receivedOn: input.receivedOn,
          bureauId: input.bureauId,
          premisesId: input.premisesId ?? null,
          sweepId: input.sweepId ?? null,
          categoryId: input.categoryId ?? null,
          content: input.content,
          anonymous: input.anonymous,
          personName: person?.name ?? null,
          personPhone: person?.phone ?? null,
          personIdNumber: person?.idNumber?.toUpperCase() ?? null,
          personAddress: person?.address ?? null,
          status: 'RECEIVED',
          createdById: officer.id,
        });
        const after = await this.refreshDue(manager, id);
        await this.audit.record(manager, {
          actorId: officer.id,
          action: 'CREATE',
          entityType: 'Clue',
          entityId: id,
          before: null,
          after: redacted(after),
          requestId: officer.requestId,
        });
        return { clueId: id };
      },
    );
    return { replayed, clue: await this.read(result.clueId) };
  }

  accept(officer: CurrentOfficer, input: AcceptClueInput): Promise<ClueResult> {
    return this.move(officer, 'acceptClue', input, 'ACCEPT', 'head', (clue) => {
      checkDay('input.acceptedOn', input.acceptedOn, clue.receivedOn);
      return { columns: { acceptedOn: input.acceptedOn }, audit: 'ACCEPT_CLUE' };
    });
  }

  refuse(officer: CurrentOfficer, input: RefuseClueInput): Promise<ClueResult> {
    return this.move(officer, 'refuseClue', input, 'REFUSE', 'head', (clue) => {
      checkDay('input.refusedOn', input.refusedOn, clue.receivedOn);
      return {
        columns: { refusedOn: input.refusedOn, refusalReason: input.reason },
        audit: 'REFUSE_CLUE',
      };
    });
  }

  /** 程序规定 第十八条: the head may extend the verification once, by up to 15 working days. */
  extendVerification(
    officer: CurrentOfficer,
    input: ExtendClueVerificationInput,
  ): Promise<ClueResult> {
    return this.move(
      officer,
      'extendClueVerification',
      input,
      'EXTEND_VERIFICATION',
      'head',
      () => ({
        columns: { verificationExtendedBy: input.workingDays, extensionApprovedById: officer.id },
        audit: 'EXTEND_CLUE_VERIFICATION',
      }),
    );
  }

  /** 核查结果: 立案 naming the case or finding, or 不予立案 with the reason. */
  recordVerification(
    officer: CurrentOfficer,
    input: RecordClueVerificationInput,
  ): Promise<ClueResult> {
    checkVerification(input);
    const action = input.outcome === 'FILED' ? 'DECIDE_FILED' : 'DECIDE_NOT_FILED';
    return this.move(
      officer,
      'recordClueVerification',
      input,
      action,
      'head',
      async (clue, manager) => {
        checkDay('input.decidedOn', input.decidedOn, clue.receivedOn);
        const scope = Scope.of(officer);
        if (input.caseId) {
          const c = await this.cases.findInScope(manager, scope, input.caseId);
          if (!c) throw new NotFound('Case', input.caseId);
          await this.checkTarget(manager, clue, c, 'input.caseId');
        }
        if (input.findingId) {
          const finding = await this.findings.findInScope(manager, scope, input.findingId);
          if (!finding) throw new NotFound('Finding', input.findingId);
          await this.checkTarget(manager, clue, finding, 'input.findingId');
          await this.clues.link(manager, {
            clueId: clue.id,
            inspectionId: null,
            findingId: finding.id,
            linkedById: officer.id,
          });
        }
        return {
          columns: {
            decidedOn: input.decidedOn,
            decidedById: officer.id,
            caseId: input.caseId ?? null,
            findingId: input.findingId ?? null,
            notFiledReason: input.reason ?? null,
          },
          audit: 'DECIDE_CLUE',
        };
      },
    );
  }

  /** 暂行办法 第三十二条: a named reporter is told of the decision; any officer of the jurisdiction. */
  inform(officer: CurrentOfficer, input: InformClueReporterInput): Promise<ClueResult> {
    return this.move(officer, 'informClueReporter', input, 'INFORM', 'officer', (clue) => {
      checkDay('input.informedOn', input.informedOn, clue.decidedOn!, 'clues.notBeforeDecision');
      return {
        columns: { informedOn: input.informedOn, informChannel: input.channel },
        audit: 'INFORM_CLUE_REPORTER',
      };
    });
  }

  /**
   * 转办 to another bureau of the city (it keeps its clocks, from the first receipt) or 移送 to
   * another authority (暂行办法 第十四条: 不属于本部门管辖的，告知或者移送有管辖权的部门).
   */
  transfer(officer: CurrentOfficer, input: TransferClueInput): Promise<ClueResult> {
    if (!input.toBureauId === !input.toAuthority)
      throw BadUserInput.field('input.toBureauId', message('clues.transferTargetOne'));
    const action = input.toBureauId ? 'TRANSFER_TO_BUREAU' : 'TRANSFER_OUT';
    return this.move(officer, 'transferClue', input, action, 'head', async (clue, manager) => {
      checkDay('input.transferredOn', input.transferredOn, clue.receivedOn);
      if (!input.toBureauId)
        return {
          columns: {
            transferredOn: input.transferredOn,
            transferredToAuthority: input.toAuthority!,
          },
          audit: 'TRANSFER_CLUE',
        };
      if (input.toBureauId === clue.bureauId)
        throw BadUserInput.field('input.toBureauId', message('clues.sameBureau'));
      if (!(await this.bureaus.exists(manager, input.toBureauId)))
        throw new NotFound('Bureau', input.toBureauId);
      if (clue.premisesId) {
        const subtree = await this.bureaus.subtreeIds(manager, input.toBureauId);
        const premises = await this.premises.findInScope(manager, Scope.system(), clue.premisesId);
        if (premises && !subtree.includes(premises.bureauId))
          throw BadUserInput.field('input.toBureauId', message('clues.premisesOutsideBureau'));
      }
      return {
        columns: { bureauId: input.toBureauId, transferredFromBureauId: clue.bureauId },
        audit: 'TRANSFER_CLUE',
      };
    });
  }

  close(officer: CurrentOfficer, input: CloseClueInput): Promise<ClueResult> {
    return this.move(officer, 'closeClue', input, 'CLOSE', 'head', (clue) => {
      checkDay('input.closedOn', input.closedOn, clue.receivedOn);
      return {
        columns: { closedOn: input.closedOn, closeNote: input.note ?? null },
        audit: 'CLOSE_CLUE',
      };
    });
  }

  /** Links the clue to an inspection or finding it led to (the verification's work). */
  async link(officer: CurrentOfficer, input: LinkClueInput): Promise<ClueResult> {
    if (!input.inspectionId === !input.findingId)
      throw BadUserInput.field('input.inspectionId', message('clues.linkTargetOne'));
    const scope = Scope.of(officer);
    const { replayed, result } = await this.idempotency.run(
      officer,
      'linkClue',
      input.idempotencyKey,
      input,
      async (manager) => {
        const clue = await this.clues.lockInScope(manager, scope, input.clueId);
        if (!clue) throw new NotFound('Clue', input.clueId);
        checkClueMove(stateOf(clue), 'LINK');
        const target = input.inspectionId
          ? (await this.inspections.findInScope(manager, scope, [input.inspectionId]))[0]
          : await this.findings.findInScope(manager, scope, input.findingId!);
        if (!target)
          throw input.inspectionId
            ? new NotFound('Inspection', input.inspectionId)
            : new NotFound('Finding', input.findingId!);
        const path = input.inspectionId ? 'input.inspectionId' : 'input.findingId';
        await this.checkTarget(manager, clue, target, path);
        const linked = await this.clues.link(manager, {
          clueId: clue.id,
          inspectionId: input.inspectionId ?? null,
          findingId: input.findingId ?? null,
          linkedById: officer.id,
        });
        if (!linked) throw new Conflict(message('clues.alreadyLinked'));
        await this.audit.record(manager, {
          actorId: officer.id,
          action: 'LINK_CLUE',
          entityType: 'Clue',
          entityId: clue.id,
          before: null,
          after: { inspectionId: input.inspectionId ?? null, findingId: input.findingId ?? null },
          requestId: officer.requestId,
        });
        return { clueId: clue.id };
      },
    );
    return { replayed, clue: await this.read(result.clueId) };
  }

  /** One clue inside the scope; NOT_FOUND outside it. */
  async clueInScope(scope: Scope, id: string): Promise<Clue> {
    const clue = await this.database.read((manager) => this.clues.findInScope(manager, scope, id));
    if (!clue) throw new NotFound('Clue', id);
    return clue;
  }

  /** The clocks of a clue as of today, the holiday table read once per request. */
  async clocksOf(loaders: Loaders, clue: Clue): Promise<Clock<ClueClockKind>[]> {
    const calendar = await this.caseClocks.calendarOf(loaders);
    return clueClocks(clue, calendar, shanghaiDay(new Date()));
  }

  private async move(
    officer: CurrentOfficer,
    operation: string,
    input: MoveRequest,
    action: ClueAction,
    who: Who,
    plan: (clue: Clue, manager: EntityManager) => Step | Promise<Step>,
  ): Promise<ClueResult> {
    const scope = Scope.of(officer);
    const { replayed, result } = await this.idempotency.run(
      officer,
      operation,
      input.idempotencyKey,
      input,
      async (manager) => {
        const before = await this.clues.lockInScope(manager, scope, input.clueId);
        if (!before) throw new NotFound('Clue', input.clueId);
        if (who === 'head') checkHead(officer, before.bureauId);
        if (before.version !== input.expectedVersion)
          throw new Conflict(message('clues.staleVersion'), { currentVersion: before.version });
        const status = checkClueMove(stateOf(before), action);
        const step = await plan(before, manager);
        await this.clues.update(manager, before.id, { ...step.columns, status });
        const after = await this.refreshDue(manager, before.id);
        await this.audit.record(manager, {
          actorId: officer.id,
          action: step.audit,
          entityType: 'Clue',
          entityId: before.id,
          before: redacted(before),
          after: redacted(after),
          requestId: officer.requestId,
        });
        return { clueId: before.id };
      },
    );
    return { replayed, clue: await this.read(result.clueId) };
  }

  /**
   * The clue after a mutation the caller was allowed to make, whatever bureau now handles it (a
   * transfer moves it out of the caller's jurisdiction; its personal data follow the officer's
   * bureau, not this read).
   */
  private async read(id: string): Promise<Clue> {
    return (await this.clues.findInScope(this.database.manager, Scope.system(), id))!;
  }

  /** Recomputes the clue's clocks and stores its nearest open due day; returns the clue. */
  private async refreshDue(manager: EntityManager, id: string): Promise<Clue> {
    const clue = (await this.clues.findInScope(manager, Scope.system(), id))!;
    const calendar = await this.caseClocks.calendar(manager);
    const dueOn = clueDueOn(clueClocks(clue, calendar, shanghaiDay(new Date())));
    if (dueOn !== clue.dueOn) {
      await this.clues.setDueOn(manager, id, dueOn);
      clue.dueOn = dueOn;
    }
    return clue;
  }

  /**
   * The handling bureau in the caller's jurisdiction; the premises in that bureau's; the sweep
   * known and the category one of its categories.
   */
  private async checkPlaces(
    manager: EntityManager,
    scope: Scope,
    input: RegisterClueInput,
  ): Promise<void> {
    const problems: FieldError[] = [];
    const bureauKnown =
      scope.covers(input.bureauId) && (await this.bureaus.exists(manager, input.bureauId));
    if (!bureauKnown)
      problems.push({
        path: 'input.bureauId',
        message: message('clues.bureauOutsideJurisdiction'),
      });
    if (input.premisesId && bureauKnown) {
      const premises = await this.premises.findInScope(manager, scope, input.premisesId);
      const subtree = await this.bureaus.subtreeIds(manager, input.bureauId);
      if (!premises || !subtree.includes(premises.bureauId))
        problems.push({
          path: 'input.premisesId',
          message: message('clues.premisesOutsideBureau'),
        });
    }
    if (input.sweepId) {
      const sweep = await this.sweeps.byId(manager, input.sweepId);
      if (!sweep)
        problems.push({
          path: 'input.sweepId',
          message: message('error.notFoundNoId', { entity: message('entity.Sweep') }),
        });
      else if (
        input.categoryId &&
        !(await this.sweeps.categoryInSweep(manager, input.sweepId, input.categoryId))
      )
        problems.push({ path: 'input.categoryId', message: message('clues.categoryNotOfSweep') });
    }
    if (problems.length) throw new BadUserInput(problems);
  }

  /**
   * A case, finding or inspection the clue may name: of the clue's premises when it names one,
   * else in the handling bureau's jurisdiction.
   */
  private async checkTarget(
    manager: EntityManager,
    clue: Clue,
    target: { premisesId: string; bureauId: string },
    path: string,
  ): Promise<void> {
    if (clue.premisesId) {
      if (target.premisesId !== clue.premisesId)
        throw BadUserInput.field(path, message('clues.linkOtherPremises'));
      return;
    }
    const subtree = await this.bureaus.subtreeIds(manager, clue.bureauId);
    if (!subtree.includes(target.bureauId))
      throw BadUserInput.field(path, message('clues.linkOutsideJurisdiction'));
  }
}

function stateOf(clue: Clue): ClueState {
  return {
    kind: clue.kind,
    status: clue.status,
    anonymous: clue.anonymous,
    informed: clue.informedOn !== null,
    extended: clue.verificationExtendedBy > 0,
  };
}

/** The head (负责人) of the handling bureau decides (程序规定 第十八条); a MANAGER for any bureau. */
function checkHead(officer: CurrentOfficer, bureauId: string): void {
  if (!decidesFor(officer, bureauId)) throw new Forbidden(message('clues.recorderNotOfBureau'));
}

/** What a registration needs no database for, every problem at once. */
function checkRegistration(input: RegisterClueInput): void {
  const problems: FieldError[] = [];
  const today = shanghaiDay(new Date());
  if (input.receivedOn > today)
    problems.push({ path: 'input.receivedOn', message: message('clues.notAfterToday', { today }) });
  if (input.source === 'TRANSFER' && !input.sourceAuthority)
    problems.push({
      path: 'input.sourceAuthority',
      message: message('clues.sourceAuthorityRequired'),
    });
  if (input.source !== 'TRANSFER' && input.sourceAuthority)
    problems.push({
      path: 'input.sourceAuthority',
      message: message('clues.sourceAuthorityForbidden'),
    });
  // 暂行办法 第九条: 投诉应当提供投诉人的姓名、电话号码、通讯地址.
  if (input.kind === 'COMPLAINT' && input.anonymous)
    problems.push({ path: 'input.anonymous', message: message('clues.complaintNotAnonymous') });
  if (input.anonymous && input.person)
    problems.push({ path: 'input.person', message: message('clues.anonymousWithPerson') });
  if (!input.anonymous && !input.person)
    problems.push({ path: 'input.person', message: message('clues.personRequired') });
  if (!input.anonymous && input.person) {
    if (!isPhoneNumber(input.person.phone))
      problems.push({ path: 'input.person.phone', message: message('clues.phone') });
    if (input.person.idNumber && !isResidentIdNumber(input.person.idNumber.toUpperCase()))
      problems.push({ path: 'input.person.idNumber', message: message('clues.idNumber') });
    if (input.kind === 'COMPLAINT' && !input.person.address)
      problems.push({ path: 'input.person.address', message: message('clues.personRequired') });
  }
  if (input.categoryId && !input.sweepId)
    problems.push({ path: 'input.categoryId', message: message('clues.categoryNeedsSweep') });
  if (problems.length) throw new BadUserInput(problems);
}

function checkVerification(input: RecordClueVerificationInput): void {
  const problems: FieldError[] = [];
  if (input.outcome === 'FILED') {
    if (!input.caseId && !input.findingId)
      problems.push({ path: 'input.caseId', message: message('clues.decisionTargetRequired') });
    if (input.reason)
      problems.push({ path: 'input.reason', message: message('clues.reasonForbidden') });
  } else {
    if (!input.reason)
      problems.push({ path: 'input.reason', message: message('clues.reasonRequired') });
    if (input.caseId || input.findingId)
      problems.push({
        path: input.caseId ? 'input.caseId' : 'input.findingId',
        message: message('clues.targetForbidden'),
      });
  }
  if (problems.length) throw new BadUserInput(problems);
}

/** A day of a move: not in the future, not before `earliest` (receipt, or the decision). */
function checkDay(
  path: string,
  day: string,
  earliest: string,
  before: 'clues.notBeforeReceipt' | 'clues.notBeforeDecision' = 'clues.notBeforeReceipt',
): void {
  const today = shanghaiDay(new Date());
  if (day > today) throw BadUserInput.field(path, message('clues.notAfterToday', { today }));
  if (day < earliest) throw BadUserInput.field(path, message(before, { day: earliest }));
}
