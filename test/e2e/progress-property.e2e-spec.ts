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
 * midnight, findings walking the follow-up workflow on dated days) and random filters, every figure
 * of sweepProgress equals a plain recomputation in TypeScript over the generated records, written
 * from DOMAIN.md's table without the service's SQL: as of min(`to`, today), 人次 = distinct
 * (officer, day), 户次 = distinct (premises, day), completion per assignment capped, 已整改 per
 * premises, money once per decision, the four overdue clocks.
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

/** The follow-up workflow's moves (src/follow-ups/workflow.ts), restated for the generator. */
const MOVES: Record<string, { action: string; to: string }[]> = {
  OPEN: [
    { action: 'RECTIFICATION_ORDERED', to: 'RECTIFYING' },
    { action: 'CASE_FILED', to: 'CASE_FILED' },
    { action: 'TRANSFERRED_TO_POLICE', to: 'TRANSFERRED' },
  ],
  RECTIFYING: [
    { action: 'REINSPECTION_PASSED', to: 'RESOLVED' },
    { action: 'REINSPECTION_FAILED', to: 'RECTIFYING' },
    { action: 'CASE_FILED', to: 'CASE_FILED' },
  ],
  CASE_FILED: [
    { action: 'PENALTY_DECIDED', to: 'PENALIZED' },
    { action: 'CLOSED', to: 'CLOSED' },
    { action: 'TRANSFERRED_TO_POLICE', to: 'TRANSFERRED' },
  ],
  PENALIZED: [{ action: 'CLOSED', to: 'CLOSED' }],
};

const findingArbitrary = fc.record({
  violation: fc.constantFrom(...VIOLATIONS),
  exposed: fc.boolean(),
  goodsCents: fc.option(fc.integer({ min: 0, max: 5_000_000 })),
  /** Filing clock's due day, days after the inspection. */
  filingDue: fc.integer({ min: 0, max: 12 }),
  penaltyDue: fc.integer({ min: 0, max: 12 }),
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
  premises: fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
  /** Per premises, the decision's fine and confiscation (one case per premises and sweep). */
  fineCents: fc.integer({ min: 0, max: 10_000_000 }),
  confiscationCents: fc.integer({ min: 0, max: 1_000_000 }),
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
    /** Days after the first day: up to 20, so ranges end before, among and after follow-ups. */
    to: fc.option(fc.integer({ min: 0, max: 20 })),
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
  document: string | null;
  fineCents: number;
  confiscationCents: number;
}
interface FindingRecord {
  id: string;
  inspection: InspectionRecord;
  violation: string;
  caseNumber: string | null;
  caseDecisionDue: string;
  penaltyDecisionDue: string | null;
  goodsCents: number;
  exposed: boolean;
  followUps: FollowUpRecord[];
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
    filed: has('CASE_FILED'),
    transferred: has('TRANSFERRED_TO_POLICE'),
    deadline: deadlines.length ? deadlines[deadlines.length - 1].dueDate : null,
    decisions: effective.filter((followUp) => followUp.action === 'PENALTY_DECIDED'),
  };
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
  const decisions = new Map<string, FollowUpRecord>();
  for (const { state } of states)
    for (const decision of state.decisions) decisions.set(decision.document!, decision);
  const target = assignments.reduce((total, a) => total + a.target, 0);
  const completed = assignments.reduce((total, a) => total + a.completed, 0);
  const overdueRectifications = states.filter(
    (x) => x.state.status === 'RECTIFYING' && x.state.deadline! < asOf,
  ).length;
  const overdueFilingDecisions = states.filter(
    (x) => x.state.status === 'OPEN' && x.finding.caseDecisionDue < asOf,
  ).length;
  const overduePenaltyDecisions = states.filter(
    (x) => x.state.status === 'CASE_FILED' && x.finding.penaltyDecisionDue! < asOf,
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
    casesFiled: distinct(states.filter((x) => x.state.filed).map((x) => x.finding.caseNumber)),
    casesDeclined: 0,
    fines: sumCents([...decisions.values()].map((decision) => decision.fineCents)),
    confiscations: sumCents([...decisions.values()].map((decision) => decision.confiscationCents)),
    confiscatedGoodsValue: '0.00',
    transferredToPolice: distinct(
      states
        .filter((x) => x.state.transferred)
        .map((x) => (x.state.filed ? x.finding.caseNumber : x.finding.id)),
    ),
    overdue: overdueRectifications + overdueFilingDecisions + overduePenaltyDecisions,
    overdueRectifications,
    overdueFilingDecisions,
    overduePenaltyDecisions,
    overduePublications: 0,
    exposedProductsFound: findings.filter((finding) => finding.exposed).length,
  };
}

describe('sweepProgress property', () => {
  let app: TestApp;
  let city: BureauRecord;
  let managerToken: string;
  let cityOfficers: Officer[];
  let exposedProductId: string;

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
  });

  afterAll(() => app?.close());

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
    const premises: { id: string; bureau: string }[] = [];
    for (const bureauIndex of world.premises) {
      const bureau = bureaus[bureauIndex % bureaus.length].id;
      premises.push({ id: (await createPremises(app, { bureauId: bureau })).id, bureau });
    }
    const inspections: InspectionRecord[] = [];
    const findings: FindingRecord[] = [];
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
        // One case per premises of the sweep, decided once: its findings share number and money.
        const caseNumber = `立案${sweep.id.slice(0, 8)}-${place.id.slice(0, 8)}`;
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
          const decided = move.action === 'PENALTY_DECIDED';
          followUps.push({
            action: move.action,
            to: move.to,
            day: followUpDay,
            dueDate: dated ? addDays(followUpDay, step.deadline) : null,
            document: decided
              ? `决定${caseNumber}`
              : move.action === 'CASE_FILED'
                ? caseNumber
                : null,
            fineCents: decided ? world.fineCents : 0,
            confiscationCents: decided ? world.confiscationCents : 0,
          });
          status = move.to;
        }
        const filed = followUps.some((followUp) => followUp.action === 'CASE_FILED');
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
          caseNumber: filed ? caseNumber : null,
          penaltyDecisionDue: filed ? addDays(day, findingSpec.penaltyDue) : null,
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
            documentNumber: followUp.document,
            fine: followUp.action === 'PENALTY_DECIDED' ? money(followUp.fineCents) : null,
            confiscation:
              followUp.action === 'PENALTY_DECIDED' ? money(followUp.confiscationCents) : null,
          });
          from = followUp.to;
        }
        findings.push({
          id: created2.id,
          inspection,
          violation: findingSpec.violation,
          caseNumber: filed ? caseNumber : null,
          caseDecisionDue: addDays(day, findingSpec.filingDue),
          penaltyDecisionDue: filed ? addDays(day, findingSpec.penaltyDue) : null,
          goodsCents: findingSpec.goodsCents ?? 0,
          exposed: findingSpec.exposed,
          followUps,
        });
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
