import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { addDays, shanghaiDay, startOfShanghaiDay } from '../../src/common/time/shanghai';
import { cityBureau, createBureau, createOfficer } from '../factories/people';
import type { BureauRecord } from '../factories/people';
import {
  createExposure,
  createFinding,
  createFollowUp,
  createInspection,
  createPremises,
  createSweep,
} from '../factories/field-work';
import { startTestApp, TestApp } from '../helpers/test-app';

/**
 * Property: for random sweeps (a small bureau tree, assignments, premises, inspections some voided
 * by real city officers and officers without a record over several days, times near Shanghai
 * midnight, findings walking the rectification track on dated days and the case track through case
 * files — one case per premises, filed, decided, transferred to the police and returned, published,
 * on dated days, with findings joining it, declined or transferred alone) and random filters, every figure
 * of sweepProgress equals a plain recomputation in TypeScript over the generated records, written
 * from DOMAIN.md's table without the service's SQL: as of min(`to`, today), 人次 = distinct
 * (officer, day), 户次 = distinct (premises, day), completion per assignment capped, 已整改 per
 * premises, cases counted once per group, money once per decision, the four overdue clocks.
 */
const CATEGORY_CODES = [
  'SEASONED_FLOUR_PRODUCTS',
  'CAMPUS_FOOD',
  'PHARMACIST_CERTIFICATES',
  'VACCINES',
  'AGRICULTURAL_INPUTS',
];
const VIOLATIONS = ['THREE_NO_PRODUCTS', 'EXPIRED_FOOD', 'ADDITIVE_MISUSE', 'COUNTERFEIT'];
const FIRST_DAY = '2019-03-18';
/** Minutes after Shanghai midnight: just after midnight, mid-morning, just before midnight. */
const TIMES = [5, 570, 1435];

/** The rectification track's moves (src/follow-ups/workflow.ts), restated for the generator. */
const MOVES: Record<string, { action: string; to: string }[]> = {
  OPEN: [{ action: 'RECTIFICATION_ORDERED', to: 'RECTIFYING' }],
  RECTIFYING: [
    { action: 'REINSPECTION_PASSED', to: 'RESOLVED' },
    { action: 'REINSPECTION_FAILED', to: 'RECTIFYING' },
  ],
};

/** A finding's filing decision: none, joining its premises' case, declined, or to the police alone. */
const FILINGS = ['NONE', 'JOIN', 'DECLINE', 'POLICE'] as const;

const findingArbitrary = fc.record({
  violation: fc.constantFrom(...VIOLATIONS),
  exposed: fc.boolean(),
  goodsCents: fc.option(fc.integer({ min: 0, max: 5_000_000 })),
  /** Filing clock's due day, days after the inspection. */
  filingDue: fc.integer({ min: 0, max: 12 }),
  /** JOIN weighted up, so that cases often hold several findings (money once per decision). */
  filing: fc.constantFrom(...FILINGS, 'JOIN', 'JOIN'),
  /** Days after the inspection (JOIN: after the case's filing too) the filing decision took effect. */
  filingAfter: fc.integer({ min: 0, max: 8 }),
  steps: fc.array(
    fc.record({
      move: fc.nat(),
      after: fc.integer({ min: 0, max: 4 }),
      deadline: fc.integer({ min: 0, max: 6 }),
    }),
    { maxLength: 4 },
  ),
});

const worldArbitrary = fc.record({
  parents: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
  categories: fc.shuffledSubarray(CATEGORY_CODES, { minLength: 1, maxLength: 3 }),
  assignments: fc.array(
    fc.record({ bureau: fc.nat(), category: fc.nat(), target: fc.integer({ min: 1, max: 3 }) }),
    { maxLength: 6 },
  ),
  premises: fc.array(
    fc.record({
      bureau: fc.nat(),
      /** The premises' case (one per premises and sweep), when some finding joins it. */
      case: fc.record({
        /** Filed this many days after the first day. */
        filedDay: fc.integer({ min: 0, max: 8 }),
        penaltyDue: fc.integer({ min: 0, max: 15 }),
        decidedAfter: fc.option(fc.integer({ min: 0, max: 10 })),
        outcome: fc.constantFrom('PENALTY', 'PENALTY', 'NO_PENALTY'),
        fineCents: fc.integer({ min: 1, max: 10_000_000 }),
        gainsCents: fc.integer({ min: 0, max: 1_000_000 }),
        goodsCents: fc.integer({ min: 0, max: 1_000_000 }),
        publishedAfter: fc.option(fc.integer({ min: 0, max: 40 })),
        transfer: fc.option(
          fc.record({
            after: fc.integer({ min: 0, max: 6 }),
            returnedAfter: fc.option(fc.integer({ min: 0, max: 6 })),
          }),
        ),
      }),
    }),
    { minLength: 1, maxLength: 6 },
  ),
  inspections: fc.array(
    fc.record({
      premises: fc.nat(),
      category: fc.nat(),
      officers: fc.uniqueArray(fc.integer({ min: 0, max: 5 }), { minLength: 2, maxLength: 3 }),
      voided: fc.boolean(),
      day: fc.integer({ min: 0, max: 5 }),
      time: fc.constantFrom(...TIMES),
      findings: fc.array(findingArbitrary, { maxLength: 3 }),
    }),
    { maxLength: 12 },
  ),
  filter: fc.record({
    bureau: fc.option(fc.nat()),
    categories: fc.option(fc.subarray(CATEGORY_CODES, { minLength: 1 })),
    from: fc.option(fc.integer({ min: 0, max: 5 })),
    /** Days after the first day: up to 60, so ranges end before, among and after follow-ups and clocks. */
    to: fc.option(fc.oneof(fc.integer({ min: 0, max: 14 }), fc.integer({ min: 0, max: 60 }))),
  }),
});
type World = typeof worldArbitrary extends fc.Arbitrary<infer T> ? T : never;

interface Bureau {
  id: string;
  parent: string | null;
}
interface Officer {
  id: string;
  /** The officer's own bureau; null for an id without an officer record. */
  bureau: string | null;
}
interface InspectionRecord {
  bureau: string;
  category: string;
  premises: string;
  officers: Officer[];
  voided: boolean;
  day: string;
}
interface FollowUpRecord {
  action: string;
  to: string;
  day: string;
  dueDate: string | null;
}
/** A case file as generated: every day is the Asia/Shanghai day a move took effect. */
interface CaseRecord {
  id: string;
  filedOn: string;
  penaltyDue: string;
  decidedOn: string | null;
  outcome: string;
  fineCents: number;
  gainsCents: number;
  goodsCents: number;
  publicationDue: string | null;
  publishedOn: string | null;
  transferredOn: string | null;
  returnedOn: string | null;
}
interface FindingRecord {
  id: string;
  inspection: InspectionRecord;
  violation: string;
  caseDecisionDue: string;
  goodsCents: number;
  exposed: boolean;
  followUps: FollowUpRecord[];
  /** The case it joined, and the day it did. */
  case: CaseRecord | null;
  declinedOn: string | null;
  /** Transferred to the police without a case. */
  transferredOn: string | null;
  filingDecidedOn: string | null;
}

function money(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

/** A finding's state on a day: the follow-ups that took effect by then, in their order. */
function stateOn(finding: FindingRecord, day: string) {
  const effective = finding.followUps.filter((followUp) => followUp.day <= day);
  const has = (action: string) => effective.some((followUp) => followUp.action === action);
  const deadlines = effective.filter((followUp) => followUp.dueDate !== null);
  return {
    status: effective.length ? effective[effective.length - 1].to : 'OPEN',
    ordered: has('RECTIFICATION_ORDERED'),
    passed: has('REINSPECTION_PASSED'),
    deadline: deadlines.length ? deadlines[deadlines.length - 1].dueDate : null,
  };
}

const by = (day: string | null, asOf: string): boolean => day !== null && day <= asOf;

/** The case a finding belongs to on a day: joined by then, the case filed by then. */
function caseOn(finding: FindingRecord, day: string): CaseRecord | null {
  const c = finding.case;
  return c && by(c.filedOn, day) && by(finding.filingDecidedOn, day) ? c : null;
}

/** Officer-days of the inspections, as (officer, day, the bureau whose row they count in). */
interface OfficerDay {
  key: string;
  bureau: string;
  category: string;
}

/** The figures the plain way, over records already narrowed to one group. */
function expectedFigures(
  inspections: InspectionRecord[],
  officerDays: OfficerDay[],
  findings: FindingRecord[],
  assignments: { target: number; completed: number }[],
  asOf: string,
) {
  const distinct = <T>(values: T[]) => new Set(values).size;
  const states = findings.map((finding) => ({ finding, state: stateOn(finding, asOf) }));
  const orderedPremises = new Set(
    states.filter((x) => x.state.ordered).map((x) => x.finding.inspection.premises),
  );
  const unfinishedPremises = new Set(
    states
      .filter((x) => x.state.ordered && !x.state.passed)
      .map((x) => x.finding.inspection.premises),
  );
  const cases = new Map<string, CaseRecord>();
  for (const { finding } of states) {
    const c = caseOn(finding, asOf);
    if (c) cases.set(c.id, c);
  }
  const caseList = [...cases.values()];
  const decisions = caseList.filter((c) => c.outcome === 'PENALTY' && by(c.decidedOn, asOf));
  const target = assignments.reduce((total, a) => total + a.target, 0);
  const completed = assignments.reduce((total, a) => total + a.completed, 0);
  const overdueRectifications = states.filter(
    (x) => x.state.status === 'RECTIFYING' && x.state.deadline! < asOf,
  ).length;
  const overdueFilingDecisions = findings.filter(
    (finding) =>
      finding.caseDecisionDue < asOf &&
      !by(finding.filingDecidedOn, asOf) &&
      !by(finding.transferredOn, asOf),
  ).length;
  const withPolice = (c: CaseRecord) => by(c.transferredOn, asOf) && !by(c.returnedOn, asOf);
  const overduePenaltyDecisions = caseList.filter(
    (c) => c.penaltyDue < asOf && !by(c.decidedOn, asOf) && !withPolice(c),
  ).length;
  const overduePublications = decisions.filter(
    (c) => !by(c.publishedOn, asOf) && c.publicationDue! < asOf,
  ).length;
  const sumCents = (values: number[]) => money(values.reduce((total, value) => total + value, 0));
  return {
    officerVisits: distinct(officerDays.map((officerDay) => officerDay.key)),
    inspections: distinct(inspections.map((i) => `${i.premises}/${i.day}`)),
    premisesInspected: distinct(inspections.map((i) => i.premises)),
    target,
    completionRate: target === 0 ? null : Math.round((completed * 10000) / target) / 10000,
    findings: findings.length,
    rectificationOrders: orderedPremises.size,
    rectified: [...orderedPremises].filter((premises) => !unfinishedPremises.has(premises)).length,
    goodsRemovedValue: sumCents(findings.map((finding) => finding.goodsCents)),
    casesFiled: caseList.length,
    casesDeclined: findings.filter((finding) => by(finding.declinedOn, asOf)).length,
    fines: sumCents(decisions.map((c) => c.fineCents)),
    confiscations: sumCents(decisions.map((c) => c.gainsCents)),
    confiscatedGoodsValue: sumCents(decisions.map((c) => c.goodsCents)),
    transferredToPolice:
      caseList.filter(withPolice).length +
      findings.filter((finding) => by(finding.transferredOn, asOf)).length,
    overdue:
      overdueRectifications +
      overdueFilingDecisions +
      overduePenaltyDecisions +
      overduePublications,
    overdueRectifications,
    overdueFilingDecisions,
    overduePenaltyDecisions,
    overduePublications,
    exposedProductsFound: findings.filter((finding) => finding.exposed).length,
  };
}

describe('sweepProgress property', () => {
  let app: TestApp;
  let city: BureauRecord;
  let managerToken: string;
  let cityOfficers: Officer[];
  let exposedProductId: string;
  /** The holiday table: day → whether it is a working day (a weekend day worked, or a holiday). */
  let calendar: Map<string, boolean>;

  beforeAll(async () => {
    app = await startTestApp();
    city = await cityBureau(app);
    managerToken = (await createOfficer(app, city.id, ['MANAGER'])).token;
    cityOfficers = [];
    for (let index = 0; index < 2; index++) {
      const officer = await createOfficer(app, city.id, ['INSPECTOR']);
      cityOfficers.push({ id: officer.id, bureau: city.id });
    }
    exposedProductId = (await createExposure(app)).productIds[0];
    const exceptions = await app.query<{ day: string; working_day: boolean }>(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, working_day FROM calendar_exceptions`,
    );
    calendar = new Map(exceptions.map((row) => [row.day, row.working_day]));
  });

  afterAll(() => app?.close());

  /** The working day `n` working days after `day` over the holiday table (start day not counted). */
  function workingDaysAfter(day: string, n: number): string {
    let current = day;
    for (let counted = 0; counted < n;) {
      current = addDays(current, 1);
      const exception = calendar.get(current);
      const weekday = new Date(`${current}T00:00:00Z`).getUTCDay();
      if (exception ?? (weekday !== 0 && weekday !== 6)) counted++;
    }
    return current;
  }

  /**
   * A premises' case as the case engine leaves it today: filed no earlier than the finding that
   * opens it, transferred to the police (and maybe returned), decided (after a return), published;
   * `clock_dues` holds the clocks still open today, the findings mirror the penalty due day.
   */
  async function createCase(
    sweepId: string,
    place: { id: string; bureau: string; spec: World['premises'][number]['case'] },
    firstDay: string,
  ): Promise<CaseRecord> {
    const spec = place.spec;
    const earliest = addDays(FIRST_DAY, spec.filedDay);
    const filedOn = earliest > firstDay ? earliest : firstDay;
    const transferredOn = spec.transfer ? addDays(filedOn, spec.transfer.after) : null;
    const returnedOn =
      spec.transfer && spec.transfer.returnedAfter !== null
        ? addDays(transferredOn!, spec.transfer.returnedAfter)
        : null;
    const withPolice = transferredOn !== null && returnedOn === null;
    const decidedOn =
      spec.decidedAfter === null || withPolice
        ? null
        : addDays(returnedOn ?? filedOn, spec.decidedAfter);
    const penalty = decidedOn !== null && spec.outcome === 'PENALTY';
    const publishedOn =
      penalty && spec.publishedAfter !== null ? addDays(decidedOn, spec.publishedAfter) : null;
    const c: CaseRecord = {
      id: randomUUID(),
      filedOn,
      penaltyDue: addDays(filedOn, spec.penaltyDue),
      decidedOn,
      outcome: spec.outcome,
      fineCents: spec.fineCents,
      gainsCents: spec.gainsCents,
      goodsCents: spec.goodsCents,
      publicationDue: penalty ? workingDaysAfter(decidedOn, 20) : null,
      publishedOn,
      transferredOn,
      returnedOn,
    };
    const dues: Record<string, string> = {};
    if (decidedOn === null && !withPolice) dues.PENALTY_DECISION = c.penaltyDue;
    if (penalty && publishedOn === null) dues.PUBLICATION = c.publicationDue!;
    await app.query(
      `INSERT INTO cases (id, case_number, bureau_id, premises_id, sweep_id, status, filed_on, approved_by_id,
         filing_started_on, decision_number, decided_on, outcome, penalties, fine, illegal_gains,
         confiscated_goods_value, transfer_authority, transfer_document_number, transferred_on,
         transfer_outcome, transfer_outcome_on, published_on, clock_dues, created_by_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19,
         $20, $21, $22, $23, $8)`,
      [
        c.id,
        `立案-${c.id.slice(0, 13)}`,
        place.bureau,
        place.id,
        sweepId,
        decidedOn ? 'DECIDED' : withPolice ? 'TRANSFERRED' : 'FILED',
        filedOn,
        cityOfficers[0].id,
        firstDay,
        decidedOn ? `决定-${c.id.slice(0, 13)}` : null,
        decidedOn,
        decidedOn ? spec.outcome : null,
        penalty ? ['FINE', 'CONFISCATE_ILLEGAL_GAINS', 'CONFISCATE_ILLEGAL_PROPERTY'] : [],
        penalty ? money(spec.fineCents) : null,
        penalty ? money(spec.gainsCents) : null,
        penalty ? money(spec.goodsCents) : null,
        transferredOn ? 'POLICE' : null,
        transferredOn ? `移送-${c.id.slice(0, 13)}` : null,
        transferredOn,
        transferredOn ? (returnedOn ? 'RETURNED' : 'PENDING') : null,
        returnedOn,
        publishedOn,
        JSON.stringify(dues),
      ],
    );
    return c;
  }

  async function build(world: World) {
    const bureaus: Bureau[] = [{ id: city.id, parent: null }];
    for (const [index, parent] of world.parents.entries()) {
      const parentBureau = bureaus[parent % (index + 1)];
      const created = await createBureau(app, { parentId: parentBureau.id });
      bureaus.push({ id: created.id, parent: parentBureau.id });
    }
    // Two city officers with a record, four ids without one (counted in the premises' bureau).
    const pool: Officer[] = [
      ...cityOfficers,
      ...Array.from({ length: 4 }, () => ({ id: randomUUID(), bureau: null })),
    ];
    const assignments = new Map<string, { bureau: string; category: string; target: number }>();
    for (const assignment of world.assignments) {
      const bureau = bureaus[assignment.bureau % bureaus.length].id;
      const category = world.categories[assignment.category % world.categories.length];
      assignments.set(`${bureau}/${category}`, { bureau, category, target: assignment.target });
    }
    const sweep = await createSweep(app, {
      leadBureauId: city.id,
      categoryCodes: world.categories,
      assignments: [...assignments.values()].map((a) => ({
        bureauId: a.bureau,
        categoryCode: a.category,
        target: a.target,
      })),
    });
    const premises: { id: string; bureau: string; spec: World['premises'][number]['case'] }[] = [];
    for (const spec of world.premises) {
      const bureau = bureaus[spec.bureau % bureaus.length].id;
      premises.push({
        id: (await createPremises(app, { bureauId: bureau })).id,
        bureau,
        spec: spec.case,
      });
    }
    const inspections: InspectionRecord[] = [];
    const findings: FindingRecord[] = [];
    const cases = new Map<string, CaseRecord>();
    for (const spec of world.inspections) {
      const place = premises[spec.premises % premises.length];
      const category = world.categories[spec.category % world.categories.length];
      const day = addDays(FIRST_DAY, spec.day);
      const inspectedAt = new Date(startOfShanghaiDay(day).getTime() + spec.time * 60_000);
      expect(shanghaiDay(inspectedAt)).toBe(day);
      const officers = spec.officers.map((index) => pool[index]);
      const created = await createInspection(app, {
        sweepId: sweep.id,
        categoryId: sweep.categoryIds.get(category)!,
        premisesId: place.id,
        officerIds: officers.map((officer) => officer.id),
        inspectedAt,
        voided: spec.voided,
      });
      const inspection: InspectionRecord = {
        bureau: place.bureau,
        category,
        premises: place.id,
        officers,
        voided: spec.voided,
        day,
      };
      inspections.push(inspection);
      for (const findingSpec of spec.findings) {
        const followUps: FollowUpRecord[] = [];
        let status = 'OPEN';
        let followUpDay = day;
        for (const step of findingSpec.steps) {
          const moves = MOVES[status];
          if (!moves) break;
          const move = moves[step.move % moves.length];
          followUpDay = addDays(followUpDay, step.after);
          const dated =
            move.action === 'RECTIFICATION_ORDERED' || move.action === 'REINSPECTION_FAILED';
          followUps.push({
            action: move.action,
            to: move.to,
            day: followUpDay,
            dueDate: dated ? addDays(followUpDay, step.deadline) : null,
          });
          status = move.to;
        }
        const deadlines = followUps.filter((followUp) => followUp.dueDate !== null);
        const created2 = await createFinding(app, {
          inspectionId: created.id,
          violationTypeCode: findingSpec.violation,
          status,
          exposedProductId: findingSpec.exposed ? exposedProductId : null,
          goodsValue: findingSpec.goodsCents === null ? null : money(findingSpec.goodsCents),
          caseDecisionDue: addDays(day, findingSpec.filingDue),
          rectificationOrdered: followUps.some((f) => f.action === 'RECTIFICATION_ORDERED'),
          rectificationDeadline: deadlines.length ? deadlines[deadlines.length - 1].dueDate : null,
        });
        let from = 'OPEN';
        for (const followUp of followUps) {
          await createFollowUp(app, {
            findingId: created2.id,
            action: followUp.action,
            fromStatus: from,
            toStatus: followUp.to,
            on: followUp.day,
            dueDate: followUp.dueDate,
          });
          from = followUp.to;
        }
        const record: FindingRecord = {
          id: created2.id,
          inspection,
          violation: findingSpec.violation,
          caseDecisionDue: addDays(day, findingSpec.filingDue),
          goodsCents: findingSpec.goodsCents ?? 0,
          exposed: findingSpec.exposed,
          followUps,
          case: null,
          declinedOn: null,
          transferredOn: null,
          filingDecidedOn: null,
        };
        if (findingSpec.filing === 'JOIN') {
          let c = cases.get(place.id);
          if (!c) {
            c = await createCase(sweep.id, place, day);
            cases.set(place.id, c);
          }
          record.case = c;
          record.filingDecidedOn = addDays(
            c.filedOn > day ? c.filedOn : day,
            findingSpec.filingAfter,
          );
        } else if (findingSpec.filing === 'DECLINE') {
          record.declinedOn = record.filingDecidedOn = addDays(day, findingSpec.filingAfter);
        } else if (findingSpec.filing === 'POLICE') {
          record.transferredOn = addDays(day, findingSpec.filingAfter);
        }
        await app.query(
          `UPDATE findings SET case_id = $2, case_number = (SELECT case_number FROM cases WHERE id = $2),
             filing_decision = $3, filing_decided_on = $4, transferred_on = $5,
             penalty_decision_due = $6
           WHERE id = $1`,
          [
            record.id,
            record.case?.id ?? null,
            record.case ? 'FILED' : record.declinedOn ? 'DECLINED' : null,
            record.filingDecidedOn,
            record.transferredOn ?? record.case?.transferredOn ?? null,
            record.case?.penaltyDue ?? null,
          ],
        );
        findings.push(record);
      }
    }
    return {
      sweepId: sweep.id,
      bureaus,
      assignments: [...assignments.values()],
      inspections,
      findings,
    };
  }

  it('matches a plain recomputation for random sweeps, follow-ups and ranges', async () => {
    await fc.assert(
      fc.asyncProperty(worldArbitrary, async (world) => {
        const built = await build(world);
        const { bureaus } = built;
        const descendants = (root: string): Set<string> => {
          const found = new Set([root]);
          for (let grew = true; grew;) {
            grew = false;
            for (const bureau of bureaus) {
              if (bureau.parent && found.has(bureau.parent) && !found.has(bureau.id)) {
                found.add(bureau.id);
                grew = true;
              }
            }
          }
          return found;
        };
        const filterBureau =
          world.filter.bureau === null ? null : bureaus[world.filter.bureau % bureaus.length];
        let from = world.filter.from === null ? null : addDays(FIRST_DAY, world.filter.from);
        let to = world.filter.to === null ? null : addDays(FIRST_DAY, world.filter.to);
        if (from && to && from > to) [from, to] = [to, from];
        const filter = {
          bureauId: filterBureau?.id ?? null,
          categoryCodes: world.filter.categories,
          from,
          to,
        };
        const result = await app.gql<{ sweepProgress: any }>(
          'SweepProgress',
          { sweepId: built.sweepId, filter },
          { token: managerToken },
        );
        expect(result.errors).toBeUndefined();
        const progress = result.data!.sweepProgress;
        const today = shanghaiDay(new Date());
        const asOf = to !== null && to < today ? to : today;

        const inScope = (id: string) => !filterBureau || descendants(filterBureau.id).has(id);
        const cats = world.categories.filter(
          (code) => !filter.categoryCodes || filter.categoryCodes.includes(code),
        );
        const counted = (inspection: InspectionRecord) =>
          !inspection.voided &&
          cats.includes(inspection.category) &&
          inScope(inspection.bureau) &&
          (!from || inspection.day >= from) &&
          (!to || inspection.day <= to);
        const inspections = built.inspections.filter(counted);
        const findings = built.findings.filter((finding) => counted(finding.inspection));
        const officerDays: OfficerDay[] = inspections.flatMap((inspection) =>
          inspection.officers.map((officer) => ({
            key: `${officer.id}/${inspection.day}`,
            bureau:
              officer.bureau !== null && inScope(officer.bureau)
                ? officer.bureau
                : inspection.bureau,
            category: inspection.category,
          })),
        );
        const assignments = built.assignments
          .filter((a) => cats.includes(a.category) && inScope(a.bureau))
          .map((a) => {
            const subtree = descendants(a.bureau);
            const done = new Set(
              inspections
                .filter((i) => i.category === a.category && subtree.has(i.bureau))
                .map((i) => i.premises),
            ).size;
            return { ...a, completed: Math.min(done, a.target) };
          });
        const figuresWhere = (
          bureauOk: (id: string) => boolean,
          categoryOk: (c: string) => boolean,
        ) =>
          expectedFigures(
            inspections.filter((i) => bureauOk(i.bureau) && categoryOk(i.category)),
            officerDays.filter((o) => bureauOk(o.bureau) && categoryOk(o.category)),
            findings.filter(
              (f) => bureauOk(f.inspection.bureau) && categoryOk(f.inspection.category),
            ),
            assignments.filter((a) => bureauOk(a.bureau) && categoryOk(a.category)),
            asOf,
          );
        const all = () => true;

        expect(progress.totals).toEqual(figuresWhere(all, all));

        // The sweep's own category order.
        expect(progress.byCategory.map((row: any) => [row.category.code, row.figures])).toEqual(
          cats.map((code) => [code, figuresWhere(all, (c) => c === code)]),
        );

        const listed = bureaus.filter((bureau) => {
          if (!inScope(bureau.id)) return false;
          const subtree = descendants(bureau.id);
          return (
            assignments.some((a) => a.bureau === bureau.id) ||
            inspections.some((i) => subtree.has(i.bureau)) ||
            officerDays.some((o) => subtree.has(o.bureau))
          );
        });
        const served = new Map<string, unknown>(
          progress.byBureau.map((row: any) => [row.bureau.id, row.figures]),
        );
        expect([...served.keys()].sort()).toEqual(listed.map((bureau) => bureau.id).sort());
        for (const bureau of listed) {
          const subtree = descendants(bureau.id);
          expect(served.get(bureau.id)).toEqual(figuresWhere((id) => subtree.has(id), all));
        }

        const perType = new Map<string, number>();
        for (const finding of findings)
          perType.set(finding.violation, (perType.get(finding.violation) ?? 0) + 1);
        expect(
          progress.byViolationType.map((row: any) => [row.violationType.code, row.count]),
        ).toEqual([...perType].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));

        const days = inspections.map((inspection) => inspection.day).sort();
        const daily: { date: string; inspections: number; findings: number }[] = [];
        for (
          let day = days[0];
          days.length && day <= days[days.length - 1];
          day = addDays(day, 1)
        ) {
          daily.push({
            date: day,
            inspections: new Set(inspections.filter((i) => i.day === day).map((i) => i.premises))
              .size,
            findings: findings.filter((f) => f.inspection.day === day).length,
          });
        }
        expect(progress.daily).toEqual(daily);
      }),
      { numRuns: 20 },
    );
  });
});
