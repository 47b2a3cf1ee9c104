import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { AuditService } from '../audit/audit.service';
import { AuthService } from '../auth/auth.service';
import type { CurrentOfficer } from '../auth/current-officer';
import { hashPassword } from '../auth/password';
import { BureausRepository } from '../bureaus/bureaus.repository';
import { BureausService } from '../bureaus/bureaus.service';
import { addDays, shanghaiDay, startOfShanghaiDay } from '../common/time/shanghai';
import { Database } from '../database/database';
import { ExposuresRepository } from '../exposures/exposures.repository';
import { ExposuresService } from '../exposures/exposures.service';
import type { CaseFile } from '../cases/case.entity';
import { CasesRepository } from '../cases/cases.repository';
import { CasesService } from '../cases/cases.service';
import { Scope } from '../common/scope';
import { FollowUpsService } from '../follow-ups/follow-ups.service';
import { Loaders } from '../graphql/loaders';
import type { FindingInput } from '../inspections/dto/inspection.inputs';
import type { Inspection } from '../inspections/inspection.entity';
import { InspectionsService } from '../inspections/inspections.service';
import { OfficersRepository } from '../officers/officers.repository';
import { FindingsRepository } from '../inspections/repositories/findings.repository';
import { InspectionsRepository } from '../inspections/repositories/inspections.repository';
import { OfficersService } from '../officers/officers.service';
import { PremisesImportService } from '../premises/premises-import.service';
import { PremisesRepository } from '../premises/premises.repository';
import type { TargetCategoryType } from '../reference/dto/reference.types';
import { ReferenceService } from '../reference/reference.service';
import type { Sweep } from '../sweeps/sweep.entity';
import { SweepsRepository } from '../sweeps/sweeps.repository';
import { SweepsService } from '../sweeps/sweeps.service';
import { BootstrapRepository } from './bootstrap.repository';
import { CITY_BUREAU } from './city-bureau';
import {
  CURRENT_INSPECTION,
  CURRENT_SWEEP,
  DEMO_ASSIGNMENTS,
  DEMO_BUREAUS,
  DEMO_EXPOSURES,
  DEMO_INSPECTIONS,
  DEMO_OFFICERS,
  DEMO_PASSWORD,
  DEMO_PREMISES,
  DEMO_SWEEP,
  DemoFinding,
  DemoFollowUp,
  DemoInspection,
} from './demo-data';

/** The officer who administers the demo: written first, then creates the rest. */
const DEMO_ADMIN = 'DEMO-ADMIN';
/** The sweep office: records the exposures, runs the sweeps and voids the duplicate entry. */
const DEMO_MANAGER = 'DEMO-MANAGER';
/** The request id of every audit event the demo seed causes. */
const REQUEST_ID = 'demo-seed';

/**
 * The idempotency key (a UUID, as the services store them) of one step of the demo: the same for
 * the same step on every run, so a run that resumes an interrupted one replays the steps done.
 */
export function demoKey(step: string): string {
  const hex = createHash('sha256').update(`sweep-tracker demo seed/${step}`).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const nameAndAddress = (premises: { name: string; address: string }): string =>
  `${premises.name}\u0000${premises.address}`;

/** Ids by the demo's own keys: bureau codes, certificates, premises keys, exposure keys. */
type Ids = Map<string, string>;

interface Story {
  /** DEMO-MANAGER, the sweep office. */
  manager: CurrentOfficer;
  bureaus: Ids;
  officers: Ids;
  premises: Ids;
  /** Exposed products' ids by exposure key and product name. */
  products: Map<string, Ids>;
  exposures: Ids;
  categories: Map<string, TargetCategoryType>;
}

/**
 * Writes the demo of the 2019 “3·15” sweep, plus a small sweep running now, through the services a
 * client's requests go through, with the demo officers as actors: the services' rules (two
 * officers, dates within the sweep, the follow-up workflow, the legal periods) make the story.
 *
 * Each step is idempotent, so a run interrupted half-way is completed by the next one: records
 * with a natural key (bureau code, certificate, premises name and address, exposure title, sweep
 * code) are looked up before they are created, and inspections and follow-ups carry idempotency
 * keys of their own (`demoKey`). The last step logs the inspection of the running sweep; once it
 * exists the demo is complete and `run` does nothing.
 */
@Injectable()
export class DemoSeed {
  private inspectionsService?: InspectionsService;

  constructor(
    private readonly database: Database,
    private readonly repository: BootstrapRepository,
    private readonly bureaus: BureausRepository,
    private readonly officers: OfficersRepository,
    private readonly exposures: ExposuresRepository,
    private readonly audit: AuditService,
    private readonly auth: AuthService,
    private readonly bureausService: BureausService,
    private readonly officersService: OfficersService,
    private readonly premisesImport: PremisesImportService,
    private readonly exposuresService: ExposuresService,
    private readonly sweepsService: SweepsService,
    private readonly followUps: FollowUpsService,
    private readonly cases: CasesService,
    private readonly caseRepository: CasesRepository,
    private readonly reference: ReferenceService,
    private readonly premisesRepository: PremisesRepository,
    private readonly sweepsRepository: SweepsRepository,
    private readonly inspectionsRepository: InspectionsRepository,
    private readonly findingsRepository: FindingsRepository,
    private readonly moduleRef: ModuleRef,
  ) {}

  /** Whether the demo is all there (the last step done). */
  async isComplete(): Promise<boolean> {
    const manager = this.database.manager;
    const sweepId = await this.sweepsRepository.idByCodeForSystem(manager, CURRENT_SWEEP.code);
    return sweepId !== null && this.inspectionsRepository.anyOfSweepForSystem(manager, sweepId);
  }

  /** Seeds what is missing of the demo; false when it was complete already. */
  async run(today: string = shanghaiDay(new Date())): Promise<boolean> {
    if (await this.isComplete()) return false;
    const admin = await this.officer(await this.rootAdmin());
    const bureaus = await this.seedBureaus(admin);
    const officers = await this.seedOfficers(admin, bureaus);
    const manager = await this.officer(officers.get(DEMO_MANAGER)!);
    const premises = await this.seedPremises(admin);
    const snapshot = await this.reference.load(this.database.manager);
    const story: Story = {
      manager,
      bureaus,
      officers,
      premises,
      ...(await this.seedExposures(manager)),
      categories: snapshot.categoryByCode,
    };
    const sweep = await this.seedSweep(story, {
      ...DEMO_SWEEP,
      exposureIds: [...story.exposures.values()],
      assignments: DEMO_ASSIGNMENTS,
    });
    for (const [index, inspection] of DEMO_INSPECTIONS.entries()) {
      await this.seedInspection(story, sweep, inspection, `2019/inspection-${index}`);
    }
    await this.seedCurrentSweep(story, today);
    return true;
  }

  /**
   * The city bureau and DEMO-ADMIN, written directly: creating a bureau or an officer through
   * the services needs an officer to act, and there may be none yet. Audited as the bootstrap
   * administrator is, with no actor.
   */
  private async rootAdmin(): Promise<string> {
    const spec = DEMO_OFFICERS.find((officer) => officer.certificate === DEMO_ADMIN)!;
    const existing = await this.officers.idsByCertificateForSystem(this.database.manager, [
      DEMO_ADMIN,
    ]);
    if (existing.has(DEMO_ADMIN)) return existing.get(DEMO_ADMIN)!;
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    return this.database.transaction(async (manager) => {
      let city = await this.bureaus.findByCode(manager, CITY_BUREAU.code);
      if (!city) {
        city = await this.bureaus.insert(manager, { ...CITY_BUREAU, parentId: null });
        await this.audit.record(manager, {
          actorId: null,
          action: 'SEED',
          entityType: 'Bureau',
          entityId: city.id,
          after: city,
          requestId: REQUEST_ID,
        });
      }
      const admin = await this.officers.insert(manager, {
        bureauId: city.id,
        name: spec.name,
        certificateNumber: spec.certificate,
        roles: spec.roles,
        passwordHash,
      });
      await this.audit.record(manager, {
        actorId: null,
        action: 'SEED',
        entityType: 'Officer',
        entityId: admin.id,
        after: admin,
        requestId: REQUEST_ID,
      });
      return admin.id;
    });
  }

  /** The officer as a request would see them: their bureau subtree as jurisdiction. */
  private async officer(id: string): Promise<CurrentOfficer> {
    return { ...(await this.auth.loadOfficer(id)), requestId: REQUEST_ID };
  }

  private async seedBureaus(admin: CurrentOfficer): Promise<Ids> {
    const ids: Ids = new Map(
      (await this.bureausService.list()).map((bureau) => [bureau.code, bureau.id]),
    );
    for (const bureau of DEMO_BUREAUS) {
      if (ids.has(bureau.code)) continue;
      const created = await this.bureausService.create(
        { ...bureau, parentId: ids.get(CITY_BUREAU.code)! },
        admin,
      );
      ids.set(bureau.code, created.id);
    }
    return ids;
  }

  private async seedOfficers(admin: CurrentOfficer, bureaus: Ids): Promise<Ids> {
    const ids = await this.officers.idsByCertificateForSystem(
      this.database.manager,
      DEMO_OFFICERS.map((officer) => officer.certificate),
    );
    for (const officer of DEMO_OFFICERS) {
      if (ids.has(officer.certificate)) continue;
      const created = await this.officersService.create(
        {
          name: officer.name,
          certificateNumber: officer.certificate,
          bureauId: bureaus.get(officer.bureau)!,
          roles: officer.roles,
          password: DEMO_PASSWORD,
        },
        admin,
        // The demo password is published (and refused in production with SEED_DEMO itself).
        { demoPassword: true },
      );
      ids.set(officer.certificate, created.id);
    }
    return ids;
  }

  /** The premises registry, imported by DEMO-ADMIN as a clerk would (rows not there yet). */
  private async seedPremises(admin: CurrentOfficer): Promise<Ids> {
    const existing = await this.premisesRepository.idsByNameAndAddressForSystem(
      this.database.manager,
      DEMO_PREMISES,
    );
    const missing = DEMO_PREMISES.filter((premises) => !existing.has(nameAndAddress(premises)));
    if (missing.length > 0) {
      const result = await this.premisesImport.import(
        missing.map((premises) => ({
          name: premises.name,
          kind: premises.kind,
          bureauCode: premises.bureau,
          address: premises.address,
          creditCode: premises.creditCode,
          licences: premises.licences,
          riskLevel: premises.riskLevel,
          pharmacistRegistrations: premises.pharmacists ?? null,
          latitude: premises.latitude ?? null,
          longitude: premises.longitude ?? null,
        })),
        { actorId: admin.id, requestId: REQUEST_ID },
      );
      if (result.rejected.length > 0 || result.created !== missing.length)
        throw new Error(`The demo premises were not imported: ${JSON.stringify(result)}`);
    }
    const ids = await this.premisesRepository.idsByNameAndAddressForSystem(
      this.database.manager,
      DEMO_PREMISES,
    );
    return new Map(
      DEMO_PREMISES.map((premises) => [premises.key, ids.get(nameAndAddress(premises))!]),
    );
  }

  /** The gala's exposures, recorded by the sweep office, and their products' ids by name. */
  private async seedExposures(
    manager: CurrentOfficer,
  ): Promise<{ exposures: Ids; products: Map<string, Ids> }> {
    const exposures: Ids = new Map();
    const products = new Map<string, Ids>();
    const loaders = new Loaders(this.database);
    loaders.readFromPrimary();
    for (const exposure of DEMO_EXPOSURES) {
      const id =
        (await this.exposures.idForSystem(this.database.manager, exposure)) ??
        (
          await this.exposuresService.record(
            {
              title: exposure.title,
              source: exposure.source,
              exposedOn: exposure.exposedOn,
              summary: exposure.summary,
              reference: exposure.reference,
              categoryCodes: exposure.categories,
              involvesJurisdiction: exposure.involvesJurisdiction,
              products: exposure.products,
            },
            manager,
          )
        ).id;
      exposures.set(exposure.key, id);
      const recorded = await this.exposuresService.productsOf(id, loaders);
      products.set(
        exposure.key,
        new Map(recorded.map((product) => [product.productName, product.id])),
      );
    }
    return { exposures, products };
  }

  /** A sweep created by the sweep office, given its targets and activated (each once). */
  private async seedSweep(
    story: Story,
    spec: {
      code: string;
      title: string;
      directive: string;
      startDate: string;
      endDate: string;
      categoryCodes: string[];
      exposureIds: string[];
      assignments: [string, string, number][];
    },
  ): Promise<Sweep> {
    const existing = await this.sweepsRepository.idByCodeForSystem(
      this.database.manager,
      spec.code,
    );
    let sweep = existing
      ? await this.sweepsService.get(existing)
      : await this.sweepsService.create(
          {
            code: spec.code,
            title: spec.title,
            directive: spec.directive,
            leadBureauId: story.bureaus.get(CITY_BUREAU.code)!,
            exposureIds: spec.exposureIds,
            categoryCodes: spec.categoryCodes,
            startDate: spec.startDate,
            endDate: spec.endDate,
          },
          story.manager,
        );
    if (sweep.status === 'DRAFT') {
      await this.sweepsService.setAssignments(
        {
          sweepId: sweep.id,
          assignments: spec.assignments.map(([bureau, categoryCode, target]) => ({
            bureauId: story.bureaus.get(bureau)!,
            categoryCode,
            target,
          })),
        },
        story.manager,
      );
      sweep = await this.sweepsService.activate(sweep.id, story.manager);
    }
    return sweep;
  }

  /**
   * One inspection logged by the first of its officers, its findings' follow-ups by the officer
   * who would take them (the inspectors for rectification and re-inspection, the bureau's
   * supervisor, else the sweep office, for decisions), and its voiding by the sweep office.
   */
  private async seedInspection(
    story: Story,
    sweep: Sweep,
    inspection: DemoInspection,
    step: string,
  ): Promise<void> {
    const officerIds = inspection.officers.map((certificate) => story.officers.get(certificate)!);
    const inspector = await this.officer(officerIds[0]);
    const category = story.categories.get(inspection.category)!;
    const failing = new Set(inspection.findings.map((finding) => finding.violation));
    const { inspection: logged } = await this.inspections.logInspection(
      {
        idempotencyKey: demoKey(step),
        sweepId: sweep.id,
        categoryId: category.id,
        premisesId: story.premises.get(inspection.premises)!,
        officerIds,
        inspectedAt: new Date(inspection.at),
        outcome: inspection.outcome,
        checklist: category.checklist.map((item) => {
          const failed = failing.has(item.failViolationType.code);
          return {
            itemCode: item.code,
            result: failed ? 'FAIL' : 'PASS',
            note: failed ? '现场检查发现问题，详见问题记录' : null,
          };
        }),
        findings: inspection.findings.map((finding) => findingInput(story, finding)),
      },
      inspector,
    );
    const findingIds = await this.findingsRepository.idsOfInspectionForSystem(
      this.database.manager,
      logged.id,
    );
    const decider = await this.officer(this.deciderOf(story, inspection));
    for (const [index, finding] of inspection.findings.entries()) {
      await this.seedFollowUps(
        { inspector, decider, officerIds },
        findingIds[index],
        finding.followUps,
        `${step}/finding-${index}`,
      );
    }
    if (inspection.voidReason !== undefined)
      await this.voidOnce(story, logged, inspection.voidReason);
  }

  /** The supervisor of the premises' bureau, else the sweep office. */
  private deciderOf(story: Story, inspection: DemoInspection): string {
    const bureau = DEMO_PREMISES.find((premises) => premises.key === inspection.premises)!.bureau;
    const supervisor = DEMO_OFFICERS.find(
      (officer) => officer.bureau === bureau && officer.roles.includes('SUPERVISOR'),
    );
    return story.officers.get(supervisor?.certificate ?? DEMO_MANAGER)!;
  }

  private async voidOnce(story: Story, inspection: Inspection, reason: string): Promise<void> {
    if (inspection.voided) return;
    await this.inspections.voidInspection({ inspectionId: inspection.id, reason }, story.manager);
  }

  /** The follow-ups of one finding in order; the version each expects is the one before it. */
  private async seedFollowUps(
    actors: { inspector: CurrentOfficer; decider: CurrentOfficer; officerIds: string[] },
    findingId: string,
    followUps: DemoFollowUp[],
    step: string,
  ): Promise<void> {
    const { inspector, decider, officerIds } = actors;
    // Versions counted, not read, so that seeding again sends the very same requests (replays).
    let findingVersion = 1;
    let caseVersion = 0;
    for (const [index, followUp] of followUps.entries()) {
      const request = {
        idempotencyKey: demoKey(`${step}/follow-up-${index}`),
        findingId,
        expectedVersion: findingVersion,
      };
      findingVersion += followUp.action === 'FILING_SUSPENDED' ? 2 : 1;
      if (followUp.action === 'CASE_FILED') caseVersion = 1;
      else if (
        caseVersion > 0 &&
        followUp.action !== 'RECTIFICATION_ORDERED' &&
        !followUp.action.startsWith('REINSPECTION')
      )
        caseVersion += 1;
      const expectedCaseVersion = caseVersion - 1;
      switch (followUp.action) {
        case 'RECTIFICATION_ORDERED':
          await this.followUps.orderRectification(inspector, {
            ...request,
            orderedOn: followUp.on,
            deadline: followUp.deadline,
            documentNumber: followUp.document,
          });
          break;
        case 'REINSPECTION_PASSED':
        case 'REINSPECTION_FAILED':
          await this.followUps.recordReinspection(inspector, {
            ...request,
            passed: followUp.action === 'REINSPECTION_PASSED',
            inspectedAt: new Date(followUp.at),
            officerIds,
            newDeadline: followUp.newDeadline ?? null,
          });
          break;
        case 'CASE_FILED':
          await this.followUps.fileCase(decider, {
            ...request,
            caseNumber: followUp.caseNumber,
            filedOn: followUp.on,
          });
          break;
        case 'PENALTY_DECIDED': {
          const c = await this.caseOf(findingId);
          await this.cases.decideCase(decider, {
            idempotencyKey: request.idempotencyKey,
            caseId: c.id,
            expectedVersion: expectedCaseVersion,
            decisionNumber: followUp.decisionNumber,
            decidedOn: followUp.on,
            outcome: 'PENALTY',
            penalties: followUp.penalties,
            fine: followUp.fine,
            illegalGains: followUp.illegalGains,
            confiscatedGoodsValue: followUp.confiscatedGoodsValue ?? null,
            mitigationReason: followUp.mitigationReason ?? null,
          });
          break;
        }
        case 'TRANSFER_RETURNED': {
          const c = await this.caseOf(findingId);
          await this.cases.recordTransferOutcome(decider, {
            idempotencyKey: request.idempotencyKey,
            caseId: c.id,
            expectedVersion: expectedCaseVersion,
            outcome: 'RETURNED',
            outcomeOn: followUp.on,
            note: followUp.note,
          });
          break;
        }
        case 'FILING_SUSPENDED':
          await this.cases.suspendFilingClock(decider, {
            ...request,
            reason: 'TESTING',
            from: followUp.from,
            note: followUp.note,
          });
          await this.cases.resumeFilingClock(decider, {
            idempotencyKey: demoKey(`${step}/follow-up-${index}/resumed`),
            findingId,
            expectedVersion: request.expectedVersion + 1,
            resumedOn: followUp.resumedOn,
          });
          break;
        case 'CASE_DECLINED':
          await this.cases.declineCase(decider, {
            ...request,
            reason: followUp.reason,
            note: followUp.note,
            decidedOn: followUp.on,
            approvedById: decider.id,
          });
          break;
        case 'TRANSFERRED_TO_POLICE':
          await this.followUps.transferToPolice(decider, {
            ...request,
            documentNumber: followUp.document,
            transferredOn: followUp.on,
          });
          break;
        case 'CLOSED':
          await this.followUps.closeFinding(decider, { ...request, reason: followUp.reason });
          break;
      }
    }
  }

  /** The case a finding of the demo was filed in, as it stands now. */
  private async caseOf(findingId: string): Promise<CaseFile> {
    const [finding] = await this.caseRepository.lockFindingsInScope(
      this.database.manager,
      Scope.system(),
      [findingId],
      false,
    );
    return (await this.caseRepository.byIdUnscoped(this.database.manager, finding.caseId!))!;
  }

  /** The campus-food sweep running now, with one inspection logged yesterday: the last step. */
  private async seedCurrentSweep(story: Story, today: string): Promise<void> {
    const sweep = await this.seedSweep(story, {
      ...CURRENT_SWEEP,
      startDate: addDays(today, -CURRENT_SWEEP.daysBack),
      endDate: addDays(today, CURRENT_SWEEP.daysAhead),
      exposureIds: [],
    });
    const yesterday = addDays(today, -1);
    await this.seedInspection(
      story,
      sweep,
      {
        ...CURRENT_INSPECTION,
        at: new Date(
          startOfShanghaiDay(yesterday).getTime() + CURRENT_INSPECTION.hour * 3600_000,
        ).toISOString(),
      },
      `now/${sweep.id}/inspection`,
    );
  }

  /**
   * InspectionsModule exports FindingsService but not InspectionsService: it is taken from the
   * application by class until the module exports it.
   */
  private get inspections(): InspectionsService {
    this.inspectionsService ??= this.moduleRef.get(InspectionsService, { strict: false });
    return this.inspectionsService;
  }
}

function findingInput(story: Story, finding: DemoFinding): FindingInput {
  let exposedProductId: string | null = null;
  if (finding.exposedProduct) {
    const [exposureKey, index] = finding.exposedProduct;
    const exposure = DEMO_EXPOSURES.find((candidate) => candidate.key === exposureKey)!;
    exposedProductId =
      story.products.get(exposureKey)!.get(exposure.products[index].productName) ?? null;
  }
  return {
    violationTypeCode: finding.violation,
    description: finding.description,
    exposedProductId,
    goods: finding.goods ?? null,
  };
}
