import { randomUUID } from 'node:crypto';
import type { CurrentOfficer } from '../../../src/auth/current-officer';
import { Scope } from '../../../src/common/scope';
import {
  ProgressRepository,
  type FiguresRow,
  type ProgressSelection,
} from '../../../src/progress/progress.repository';
import {
  createFinding,
  createFollowUp,
  createInspection,
  createPremises,
  createSweep,
  type SweepRecord,
} from '../../factories/field-work';
import { cityBureau, createBureau, type BureauRecord } from '../../factories/people';
import type { TestApp } from '../../helpers/test-app';
import { ProgressSummariesRepository } from '../../../src/progress/progress-summaries.repository';
import { mediumDatabase, type MediumDatabase } from '../medium';

const repository = new ProgressRepository();
/** The same figures recomputed from the raw tables and read from the summaries (issue 16). */
const sources: [
  string,
  Pick<ProgressSummariesRepository, 'figures' | 'violationTypeCounts' | 'daily'>,
][] = [
  [
    'recomputed from the raw tables',
    {
      figures: (m, scope, s) => repository.recomputeFigures(m, scope, s),
      violationTypeCounts: (m, scope, s) => repository.recomputeViolationTypeCounts(m, scope, s),
      daily: (m, scope, s) => repository.recomputeDaily(m, scope, s),
    },
  ],
  ['read from the summaries', new ProgressSummariesRepository()],
];

/** The scope of an inspector of `bureau`, whose jurisdiction is `jurisdiction`. */
function inspectorScope(bureau: BureauRecord, jurisdiction: BureauRecord[]): Scope {
  const officer: CurrentOfficer = {
    id: randomUUID(),
    name: '测试执法员',
    bureauId: bureau.id,
    roles: ['INSPECTOR'],
    jurisdiction: jurisdiction.map((b) => b.id),
    seesEverything: false,
  };
  return Scope.of(officer);
}

function byKind(rows: FiguresRow[], kind: FiguresRow['kind']): Map<string | null, FiguresRow> {
  return new Map(rows.filter((row) => row.kind === kind).map((row) => [row.key, row]));
}

describe.each(sources)('progress figures %s', (_name, source) => {
  let db: MediumDatabase;
  let city: BureauRecord;
  let county: BureauRecord;
  let station: BureauRecord;
  let other: BureauRecord;
  let sweep: SweepRecord;
  let selection: ProgressSelection;

  beforeAll(async () => {
    db = await mediumDatabase();
    // The field-work factories only call query(), which a medium database has as well.
    const app = db as unknown as TestApp;
    city = await cityBureau(db);
    county = await createBureau(db, { kind: 'COUNTY' });
    station = await createBureau(db, { parentId: county.id });
    other = await createBureau(db);
    sweep = await createSweep(app, {
      leadBureauId: city.id,
      categoryCodes: ['SEASONED_FLOUR_PRODUCTS'],
      assignments: [
        { bureauId: county.id, categoryCode: 'SEASONED_FLOUR_PRODUCTS', target: 4 },
        { bureauId: other.id, categoryCode: 'SEASONED_FLOUR_PRODUCTS', target: 2 },
      ],
    });
    const categoryId = sweep.categoryIds.get('SEASONED_FLOUR_PRODUCTS')!;
    // One inspection (two officers, one finding) per bureau below the city.
    for (const bureau of [county, station, other]) {
      const premises = await createPremises(app, { bureauId: bureau.id });
      const inspection = await createInspection(app, {
        sweepId: sweep.id,
        categoryId,
        premisesId: premises.id,
        officerIds: [randomUUID(), randomUUID()],
      });
      // A case filed on 25 March and decided on 20 April with a fine of 100 (money counts from the
      // case decision, once per case).
      const finding = await createFinding(app, {
        inspectionId: inspection.id,
        status: 'PENALIZED',
        caseFiledOn: '2019-03-25',
        decidedOn: '2019-04-20',
        fine: '100.00',
      });
      await createFollowUp(app, {
        findingId: finding.id,
        action: 'CASE_FILED',
        fromStatus: 'OPEN',
        toStatus: 'CASE_FILED',
        on: '2019-03-25',
      });
      await createFollowUp(app, {
        findingId: finding.id,
        action: 'PENALTY_DECIDED',
        fromStatus: 'CASE_FILED',
        toStatus: 'PENALIZED',
        on: '2019-04-20',
        documentNumber: `决定${finding.id.slice(0, 8)}`,
        fine: '100.00',
      });
    }
    selection = {
      sweepIds: [sweep.id],
      categoryIds: null,
      from: null,
      to: null,
      asOf: '2019-04-30',
      rootBureauId: null,
    };
  });

  afterAll(() => db?.close());

  it('counts the whole city for an unrestricted scope, each bureau row covering its subtree', async () => {
    const rows = await source.figures(db.manager, Scope.system(), selection);
    const totals = byKind(rows, 'T').get(null)!;
    expect(totals).toMatchObject({
      inspections: 3,
      officer_visits: 6,
      premises_inspected: 3,
      target: 6,
      findings: 3,
      fines: '300.00',
    });
    const bureaus = byKind(rows, 'B');
    expect([...bureaus.keys()].sort()).toEqual([city.id, county.id, station.id, other.id].sort());
    expect(bureaus.get(city.id)).toMatchObject({ inspections: 3, target: 6 });
    expect(bureaus.get(county.id)).toMatchObject({
      inspections: 2,
      target: 4,
      completed: 2,
    });
    expect(bureaus.get(station.id)).toMatchObject({ inspections: 1, target: 0 });
    expect(bureaus.get(other.id)).toMatchObject({ inspections: 1, target: 2 });
  });

  it('counts only the jurisdiction of a restricted scope, whatever the filter asks', async () => {
    const scope = inspectorScope(county, [county, station]);
    const rows = await source.figures(db.manager, scope, selection);
    expect(byKind(rows, 'T').get(null)).toMatchObject({
      inspections: 2,
      premises_inspected: 2,
      target: 4,
      findings: 2,
      fines: '200.00',
    });
    expect([...byKind(rows, 'B').keys()].sort()).toEqual([county.id, station.id].sort());

    // A subtree outside the scope counts nothing, even when the caller names it.
    const outside = await source.figures(db.manager, scope, {
      ...selection,
      rootBureauId: other.id,
    });
    expect(byKind(outside, 'T').get(null)).toMatchObject({ inspections: 0, findings: 0 });
    expect(byKind(outside, 'B').size).toBe(0);

    expect(await source.violationTypeCounts(db.manager, scope, selection)).toEqual([
      { code: 'THREE_NO_PRODUCTS', count: 2 },
    ]);
    const listed = await repository.findingList(db.manager, scope, selection);
    expect(listed.map((row) => row.bureau).sort()).toEqual([county.name, station.name].sort());
  });

  it('narrows the whole city to a bureau’s subtree', async () => {
    const rows = await source.figures(db.manager, Scope.system(), {
      ...selection,
      rootBureauId: county.id,
    });
    expect(byKind(rows, 'T').get(null)).toMatchObject({ inspections: 2, target: 4 });
    expect([...byKind(rows, 'B').keys()].sort()).toEqual([county.id, station.id].sort());

    const leaf = await source.figures(db.manager, Scope.system(), {
      ...selection,
      rootBureauId: station.id,
    });
    expect(byKind(leaf, 'T').get(null)).toMatchObject({ inspections: 1, target: 0 });
    expect(await source.daily(db.manager, Scope.system(), selection)).toEqual([
      { date: '2019-03-20', inspections: 3, findings: 3 },
    ]);
  });
});
