import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { addDays, shanghaiDay, startOfShanghaiDay } from '../../src/common/time/shanghai';
import { isOverdue } from '../../src/follow-ups/overdue';
import { cityBureau, createBureau, createOfficer } from '../factories/people';
import type { BureauRecord } from '../factories/people';
import {
  createExposure,
  createFinding,
  createInspection,
  createPremises,
  createSweep,
} from '../factories/field-work';
import { startTestApp, TestApp } from '../helpers/test-app';

/**
 * Property: for random sweeps (a small bureau tree, assignments, premises, inspections some voided
 * with 2–4 officers over several days incl. times near Shanghai midnight, findings in random legal
 * end states) and random filters, every figure of sweepProgress equals a straightforward
 * recomputation in TypeScript over the generated records.
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
const PAST = '2019-04-10';
const FUTURE = '2099-01-01';
const STATES = [
  'OPEN',
  'RECTIFYING',
  'RESOLVED',
  'CASE_FILED',
  'PENALIZED',
  'CLOSED',
  'TRANSFERRED',
] as const;

const findingArbitrary = fc.record({
  state: fc.constantFrom(...STATES),
  violation: fc.constantFrom(...VIOLATIONS),
  exposed: fc.boolean(),
  goodsCents: fc.option(fc.integer({ min: 0, max: 5_000_000 })),
  past: fc.boolean(),
  ordered: fc.boolean(),
  fineCents: fc.integer({ min: 0, max: 10_000_000 }),
  confiscationCents: fc.integer({ min: 0, max: 1_000_000 }),
});

const worldArbitrary = fc.record({
  parents: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
  categories: fc.subarray(CATEGORY_CODES, { minLength: 1, maxLength: 3 }),
  assignments: fc.array(
    fc.record({ bureau: fc.nat(), category: fc.nat(), target: fc.integer({ min: 1, max: 5 }) }),
    { maxLength: 6 },
  ),
  premises: fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
  inspections: fc.array(
    fc.record({
      premises: fc.nat(),
      category: fc.nat(),
      officers: fc.integer({ min: 2, max: 4 }),
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
    to: fc.option(fc.integer({ min: 0, max: 5 })),
  }),
});
type World = typeof worldArbitrary extends fc.Arbitrary<infer T> ? T : never;

interface Bureau {
  id: string;
  code: string;
  parent: string | null;
}
interface InspectionRecord {
  bureau: string;
  category: string;
  premises: string;
  officers: number;
  voided: boolean;
  day: string;
}
interface FindingRecord {
  inspection: InspectionRecord;
  violation: string;
  status: string;
  premises: string;
  rectificationOrdered: boolean;
  rectificationDeadline: string | null;
  caseDecisionDue: string;
  caseNumber: string | null;
  penaltyDecisionDue: string | null;
  goodsCents: number;
  fineCents: number;
  confiscationCents: number;
  exposed: boolean;
}

function money(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

/** The figures the straightforward way, over records already narrowed to a group. */
function expectedFigures(
  inspections: InspectionRecord[],
  findings: FindingRecord[],
  target: number,
  today: string,
) {
  const premises = new Set(inspections.map((inspection) => inspection.premises)).size;
  const sum = (pick: (finding: FindingRecord) => number) =>
    money(findings.reduce((total, finding) => total + pick(finding), 0));
  return {
    officerVisits: inspections.reduce((total, inspection) => total + inspection.officers, 0),
    inspections: inspections.length,
    premisesInspected: premises,
    target,
    completionRate: target === 0 ? null : Math.round((premises * 10000) / target) / 10000,
    findings: findings.length,
    rectificationOrders: new Set(
      findings.filter((finding) => finding.rectificationOrdered).map((finding) => finding.premises),
    ).size,
    rectified: findings.filter((finding) => finding.status === 'RESOLVED').length,
    goodsRemovedValue: sum((finding) => finding.goodsCents),
    casesFiled: findings.filter((finding) => finding.caseNumber !== null).length,
    fines: sum((finding) => finding.fineCents),
    confiscations: sum((finding) => finding.confiscationCents),
    transferredToPolice: findings.filter((finding) => finding.status === 'TRANSFERRED').length,
    overdue: findings.filter((finding) => isOverdue({ ...finding, voided: false }, today)).length,
    exposedProductsFound: findings.filter((finding) => finding.exposed).length,
  };
}

/** Column values of a finding in a legal end state of the follow-up workflow. */
function findingState(spec: World['inspections'][number]['findings'][number]) {
  const caseFiled = { caseNumber: `立案${randomUUID().slice(0, 8)}`, caseFiledOn: '2019-04-01' };
  switch (spec.state) {
    case 'OPEN':
      return { caseDecisionDue: spec.past ? PAST : FUTURE };
    case 'RECTIFYING':
      return { rectificationOrdered: true, rectificationDeadline: spec.past ? PAST : FUTURE };
    case 'RESOLVED':
      return { rectificationOrdered: true, rectificationDeadline: '2019-04-01' };
    case 'CASE_FILED':
      return {
        ...caseFiled,
        rectificationOrdered: spec.ordered,
        penaltyDecisionDue: spec.past ? '2019-06-30' : FUTURE,
      };
    case 'PENALIZED':
    case 'CLOSED':
      return {
        ...caseFiled,
        rectificationOrdered: spec.ordered,
        penaltyDecisionDue: '2019-06-30',
        fine: money(spec.fineCents),
        confiscation: money(spec.confiscationCents),
      };
    case 'TRANSFERRED':
      return { rectificationOrdered: spec.ordered };
  }
}

describe('sweepProgress property', () => {
  let app: TestApp;
  let city: BureauRecord;
  let managerToken: string;
  let exposedProductId: string;

  beforeAll(async () => {
    app = await startTestApp();
    city = await cityBureau(app);
    managerToken = (await createOfficer(app, city.id, ['MANAGER'])).token;
    exposedProductId = (await createExposure(app)).productIds[0];
  });

  afterAll(() => app?.close());

  async function build(world: World) {
    const bureaus: Bureau[] = [{ id: city.id, code: city.code, parent: null }];
    for (const [index, parent] of world.parents.entries()) {
      const parentBureau = bureaus[parent % (index + 1)];
      const created = await createBureau(app, { parentId: parentBureau.id });
      bureaus.push({ id: created.id, code: created.code, parent: parentBureau.id });
    }
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
      const created = await createInspection(app, {
        sweepId: sweep.id,
        categoryId: sweep.categoryIds.get(category)!,
        premisesId: place.id,
        officerIds: Array.from({ length: spec.officers }, () => randomUUID()),
        inspectedAt,
        voided: spec.voided,
      });
      const inspection: InspectionRecord = {
        bureau: place.bureau,
        category,
        premises: place.id,
        officers: spec.officers,
        voided: spec.voided,
        day,
      };
      inspections.push(inspection);
      for (const findingSpec of spec.findings) {
        const state = findingState(findingSpec);
        const record: FindingRecord = {
          inspection,
          violation: findingSpec.violation,
          status: findingSpec.state,
          premises: place.id,
          rectificationOrdered: false,
          rectificationDeadline: null,
          caseDecisionDue: PAST,
          caseNumber: null,
          penaltyDecisionDue: null,
          goodsCents: findingSpec.goodsCents ?? 0,
          fineCents: 'fine' in state ? findingSpec.fineCents : 0,
          confiscationCents: 'confiscation' in state ? findingSpec.confiscationCents : 0,
          exposed: findingSpec.exposed,
          ...state,
        };
        await createFinding(app, {
          inspectionId: created.id,
          violationTypeCode: record.violation,
          status: record.status,
          exposedProductId: record.exposed ? exposedProductId : null,
          goodsValue: findingSpec.goodsCents === null ? null : money(findingSpec.goodsCents),
          ...state,
          caseDecisionDue: record.caseDecisionDue,
        });
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

  it('matches a recomputation in TypeScript for random sweeps and filters', async () => {
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

        const scope = filterBureau ? descendants(filterBureau.id) : null;
        const cats = world.categories.filter(
          (code) => !filter.categoryCodes || filter.categoryCodes.includes(code),
        );
        const counted = (inspection: InspectionRecord) =>
          !inspection.voided &&
          cats.includes(inspection.category) &&
          (!scope || scope.has(inspection.bureau)) &&
          (!from || inspection.day >= from) &&
          (!to || inspection.day <= to);
        const inspections = built.inspections.filter(counted);
        const findings = built.findings.filter((finding) => counted(finding.inspection));
        const assignments = built.assignments.filter(
          (a) => cats.includes(a.category) && (!scope || scope.has(a.bureau)),
        );
        const figuresWhere = (
          bureauOk: (id: string) => boolean,
          categoryOk: (c: string) => boolean,
        ) =>
          expectedFigures(
            inspections.filter((i) => bureauOk(i.bureau) && categoryOk(i.category)),
            findings.filter(
              (f) => bureauOk(f.inspection.bureau) && categoryOk(f.inspection.category),
            ),
            assignments
              .filter((a) => bureauOk(a.bureau) && categoryOk(a.category))
              .reduce((total, a) => total + a.target, 0),
            today,
          );
        const all = () => true;

        expect(progress.totals).toEqual(figuresWhere(all, all));

        expect(progress.byCategory.map((row: any) => [row.category.code, row.figures])).toEqual(
          [...cats].sort().map((code) => [code, figuresWhere(all, (c) => c === code)]),
        );

        const listed = bureaus.filter((bureau) => {
          if (scope && !scope.has(bureau.id)) return false;
          const subtree = descendants(bureau.id);
          return (
            assignments.some((a) => a.bureau === bureau.id) ||
            inspections.some((i) => subtree.has(i.bureau))
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
            inspections: inspections.filter((i) => i.day === day).length,
            findings: findings.filter((f) => f.inspection.day === day).length,
          });
        }
        expect(progress.daily).toEqual(daily);
      }),
      { numRuns: 20 },
    );
  });
});
