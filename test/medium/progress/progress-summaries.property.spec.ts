import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { CurrentOfficer } from '../../../src/auth/current-officer';
import { Scope } from '../../../src/common/scope';
import { addDays, startOfShanghaiDay } from '../../../src/common/time/shanghai';
import { ProgressSummariesRepository } from '../../../src/progress/progress-summaries.repository';
import {
  ProgressRepository,
  type ProgressSelection,
} from '../../../src/progress/progress.repository';
import { categoryIds, createPremises, createSweep } from '../../factories/field-work';
import type { TestApp } from '../../helpers/test-app';
import { mediumDatabase, type MediumDatabase } from '../medium';

/**
 * Property (issue 16): whatever sequence of writes reaches the tables — inspections logged late
 * (backdated) or near Shanghai midnight, voided, moved to another bureau with their premises,
 * findings declined, transferred or joining a case, follow-ups (some later removed), cases filed,
 * transferred and returned, decided, published and closed, officers moving bureau, writes rolled
 * back, and batches of writers running concurrently — the summaries the triggers keep hold exactly
 * what a rebuild from the raw tables would, and every figure read from them (totals, bureau and
 * category rows, violation types, daily series, premises kinds) equals the recomputation from the
 * raw tables (`ProgressRepository.recompute…`) for random scopes, bureau subtrees, category sets
 * and days.
 */
const FIRST_DAY = '2019-03-18';
const CATEGORIES = ['SEASONED_FLOUR_PRODUCTS', 'CAMPUS_FOOD', 'PHARMACIST_CERTIFICATES'];
/** Premises kinds covered by the categories above: CAMPUS_SHOP by two of them. */
const KINDS = ['CAMPUS_SHOP', 'FOOD_RETAILER', 'PHARMACY', 'SCHOOL_CANTEEN'];
const KIND_CATEGORIES: Record<string, string[]> = {
  CAMPUS_SHOP: ['SEASONED_FLOUR_PRODUCTS', 'CAMPUS_FOOD'],
  FOOD_RETAILER: ['SEASONED_FLOUR_PRODUCTS', 'CAMPUS_FOOD'],
  PHARMACY: ['PHARMACIST_CERTIFICATES'],
  SCHOOL_CANTEEN: ['CAMPUS_FOOD'],
};
const VIOLATIONS = ['THREE_NO_PRODUCTS', 'EXPIRED_FOOD', 'COUNTERFEIT'];
const MINUTES = [5, 600, 1435];
/** Runs of the property: a few seconds by default; PROGRESS_PROPERTY_RUNS=200 for a longer hunt. */
const RUNS = Number(process.env.PROGRESS_PROPERTY_RUNS ?? 12);

const dayArbitrary = fc.integer({ min: 0, max: 9 });

const commandArbitrary = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('inspect' as const),
      premises: fc.nat(),
      category: fc.nat(),
      officers: fc.uniqueArray(fc.nat({ max: 5 }), { minLength: 2, maxLength: 3 }),
      day: dayArbitrary,
      minute: fc.constantFrom(...MINUTES),
      findings: fc.array(
        fc.record({
          violation: fc.constantFrom(...VIOLATIONS),
          goodsCents: fc.option(fc.integer({ min: 0, max: 900_000 })),
          exposed: fc.boolean(),
          dueAfter: fc.integer({ min: 0, max: 6 }),
        }),
        { maxLength: 2 },
      ),
      rollback: fc.boolean().map((b) => b && Math.random() < 0.3),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('void' as const), inspection: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('movePremises' as const),
      premises: fc.nat(),
      bureau: fc.nat(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('moveOfficer' as const),
      officer: fc.nat(),
      bureau: fc.nat(),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('followUp' as const),
      finding: fc.nat(),
      action: fc.constantFrom(
        'RECTIFICATION_ORDERED',
        'REINSPECTION_FAILED',
        'REINSPECTION_PASSED',
        'REINSPECTION_PASSED',
      ),
      day: fc.integer({ min: 0, max: 14 }),
      dueAfter: fc.integer({ min: 0, max: 5 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('removeFollowUp' as const), followUp: fc.nat() }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('file' as const),
      finding: fc.nat(),
      day: fc.integer({ min: 0, max: 14 }),
      penaltyDueAfter: fc.integer({ min: 0, max: 10 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('decline' as const),
      finding: fc.nat(),
      day: fc.integer({ min: 0, max: 14 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('policeAlone' as const),
      finding: fc.nat(),
      day: fc.integer({ min: 0, max: 14 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('caseMove' as const),
      case: fc.nat(),
      move: fc.constantFrom('decide', 'transfer', 'return', 'publish', 'close', 'warning'),
      day: fc.integer({ min: 0, max: 30 }),
      cents: fc.integer({ min: 1, max: 5_000_000 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('concurrent' as const),
      writers: fc.array(
        fc.record({
          premises: fc.nat(),
          category: fc.nat(),
          officers: fc.uniqueArray(fc.nat({ max: 5 }), { minLength: 2, maxLength: 3 }),
          day: dayArbitrary,
          minute: fc.constantFrom(...MINUTES),
        }),
        { minLength: 2, maxLength: 8 },
      ),
    }),
  },
);

const queryArbitrary = fc.record({
  scopeBureau: fc.option(fc.nat()),
  rootBureau: fc.option(fc.nat()),
  categories: fc.option(fc.subarray(CATEGORIES, { minLength: 1 })),
  to: fc.option(fc.integer({ min: -1, max: 35 })),
});

type Command = typeof commandArbitrary extends fc.Arbitrary<infer T> ? T : never;

const pick = <T>(list: T[], index: number): T | undefined =>
  list.length ? list[index % list.length] : undefined;

describe('progress summaries property', () => {
  let db: MediumDatabase;
  let categoryIdByCode: Map<string, string>;
  const raw = new ProgressRepository();
  const summaries = new ProgressSummariesRepository();

  beforeAll(async () => {
    db = await mediumDatabase();
    categoryIdByCode = await categoryIds(db as unknown as TestApp);
  });
  afterAll(() => db?.close());

  /** A small world: the city, three bureaus (one under another), officers, premises, a sweep. */
  async function world(seed: number) {
    const app = db as unknown as TestApp;
    const [city] = await db.query<{ id: string }>(`SELECT id FROM bureaus WHERE parent_id IS NULL`);
    const bureaus = [city.id];
    for (let index = 0; index < 3; index++) {
      const parent = index === 2 ? bureaus[1] : city.id;
      const [row] = await db.query<{ id: string }>(
        `INSERT INTO bureaus (code, name, kind, division_code, parent_id)
         VALUES ($1, $2, 'SUB_BUREAU', '640104', $3) RETURNING id`,
        [`P${seed}-${index}-${randomUUID().slice(0, 6)}`, `测试分局${index}`, parent],
      );
      bureaus.push(row.id);
    }
    const officers: string[] = [];
    for (let index = 0; index < 5; index++) {
      const [row] = await db.query<{ id: string }>(
        `INSERT INTO officers (name, certificate_number, bureau_id, roles, password_hash)
         VALUES ('测试执法员', $1, $2, '{INSPECTOR}', 'x') RETURNING id`,
        [`S-${randomUUID().slice(0, 20)}`, bureaus[index % bureaus.length]],
      );
      officers.push(row.id);
    }
    // An officer id without an officer record: its 人次 count in the premises' bureau.
    officers.push(randomUUID());
    const premises: { id: string; kind: string }[] = [];
    for (let index = 0; index < 6; index++) {
      const kind = KINDS[index % KINDS.length];
      const row = await createPremises(app, { bureauId: bureaus[(index + 1) % 4], kind });
      premises.push({ id: row.id, kind });
    }
    const sweep = await createSweep(app, {
      leadBureauId: city.id,
      categoryCodes: CATEGORIES,
      startDate: FIRST_DAY,
      endDate: '2019-04-30',
      assignments: [
        { bureauId: bureaus[1], categoryCode: 'CAMPUS_FOOD', target: 2 },
        { bureauId: bureaus[3], categoryCode: 'SEASONED_FLOUR_PRODUCTS', target: 1 },
        { bureauId: bureaus[2], categoryCode: 'PHARMACIST_CERTIFICATES', target: 3 },
      ],
    });
    return { bureaus, officers, premises, sweepId: sweep.id };
  }

  type World = Awaited<ReturnType<typeof world>>;
  interface State {
    inspections: string[];
    findings: string[];
    followUps: string[];
    cases: string[];
  }

  async function logInspection(
    manager: EntityManager,
    w: World,
    c: { premises: number; category: number; officers: number[]; day: number; minute: number },
  ): Promise<string | null> {
    const premises = pick(w.premises, c.premises)!;
    const codes = KIND_CATEGORIES[premises.kind];
    const category = categoryIdByCode.get(codes[c.category % codes.length])!;
    const at = new Date(
      startOfShanghaiDay(addDays(FIRST_DAY, c.day)).getTime() + c.minute * 60_000,
    );
    const officerIds = c.officers.map((index) => w.officers[index % w.officers.length]);
    const [row] = await manager.query<{ id: string }[]>(
      `INSERT INTO inspections (sweep_id, category_id, premises_id, bureau_id, officer_ids,
         recorded_by_id, inspected_at, outcome)
       SELECT $1, $2, p.id, p.bureau_id, $4::uuid[], ($4::uuid[])[1], $5, 'ISSUES_FOUND'
       FROM premises p WHERE p.id = $3 RETURNING id`,
      [w.sweepId, category, premises.id, [...new Set(officerIds)], at],
    );
    return row?.id ?? null;
  }

  /** Applies one command in its own transaction (a batch of concurrent writers: one each). */
  async function apply(w: World, state: State, command: Command): Promise<void> {
    const tx = <T>(work: (manager: EntityManager) => Promise<T>) => db.dataSource.transaction(work);
    switch (command.kind) {
      case 'inspect': {
        const created = { inspection: null as string | null, findings: [] as string[] };
        const work = tx(async (manager) => {
          created.inspection = await logInspection(manager, w, command);
          for (const finding of command.findings) {
            const [row] = await manager.query<{ id: string }[]>(
              `INSERT INTO findings (inspection_id, sweep_id, bureau_id, premises_id, category_id,
                 violation_type_code, severity, description, exposed_product_id, goods_value,
                 found_on, case_decision_due, created_by_id)
               SELECT i.id, i.sweep_id, i.bureau_id, i.premises_id, i.category_id, $2, 'MAJOR', '问题',
                 CASE WHEN $3 THEN (SELECT id FROM exposed_products LIMIT 1) END, $4,
                 (i.inspected_at AT TIME ZONE 'Asia/Shanghai')::date,
                 (i.inspected_at AT TIME ZONE 'Asia/Shanghai')::date + $5::int, i.recorded_by_id
               FROM inspections i WHERE i.id = $1 RETURNING id`,
              [
                created.inspection,
                finding.violation,
                finding.exposed,
                finding.goodsCents === null ? null : (finding.goodsCents / 100).toFixed(2),
                finding.dueAfter,
              ],
            );
            created.findings.push(row.id);
          }
          if (command.rollback) throw new RolledBack();
        });
        try {
          await work;
          state.inspections.push(created.inspection!);
          state.findings.push(...created.findings);
        } catch (error) {
          if (!(error instanceof RolledBack)) throw error;
        }
        return;
      }
      case 'concurrent': {
        const ids = await Promise.all(
          command.writers.map((writer) => tx((manager) => logInspection(manager, w, writer))),
        );
        state.inspections.push(...ids.filter((id): id is string => id !== null));
        return;
      }
      case 'void': {
        const id = pick(state.inspections, command.inspection);
        if (!id) return;
        await tx(async (manager) => {
          await manager.query(
            `UPDATE inspections SET voided = true, void_reason = '录入错误', voided_at = now()
             WHERE id = $1 AND NOT voided`,
            [id],
          );
          await manager.query(`UPDATE findings SET voided = true WHERE inspection_id = $1`, [id]);
        });
        return;
      }
      case 'movePremises': {
        const premises = pick(w.premises, command.premises)!;
        const bureau = pick(w.bureaus, command.bureau)!;
        await tx(async (manager) => {
          await manager.query(`UPDATE premises SET bureau_id = $2 WHERE id = $1`, [
            premises.id,
            bureau,
          ]);
          // Records logged from now on count in the new bureau; earlier ones keep their bureau,
          // except the latest inspection, corrected by hand to the new bureau.
          await manager.query(
            `UPDATE inspections SET bureau_id = $2 WHERE id = (
               SELECT id FROM inspections WHERE premises_id = $1 ORDER BY recorded_at DESC LIMIT 1)`,
            [premises.id, bureau],
          );
        });
        return;
      }
      case 'moveOfficer': {
        const officer = pick(w.officers.slice(0, 5), command.officer)!;
        await db.query(`UPDATE officers SET bureau_id = $2 WHERE id = $1`, [
          officer,
          pick(w.bureaus, command.bureau),
        ]);
        return;
      }
      case 'followUp': {
        const finding = pick(state.findings, command.finding);
        if (!finding) return;
        const [row] = await db.query<{ id: string }>(
          `INSERT INTO follow_ups (finding_id, action, from_status, to_status, at, officer_id, due_date)
           SELECT f.id, $2::varchar, 'RECTIFYING', 'RECTIFYING', $3, gen_random_uuid(),
             CASE WHEN $2::varchar <> 'REINSPECTION_PASSED' THEN $4::date END
           FROM findings f WHERE f.id = $1 RETURNING id`,
          [
            finding,
            command.action,
            startOfShanghaiDay(addDays(FIRST_DAY, command.day)),
            addDays(FIRST_DAY, command.day + command.dueAfter),
          ],
        );
        state.followUps.push(row.id);
        return;
      }
      case 'removeFollowUp': {
        const id = pick(state.followUps, command.followUp);
        if (id) await db.query(`DELETE FROM follow_ups WHERE id = $1`, [id]);
        return;
      }
      case 'file': {
        const finding = pick(state.findings, command.finding);
        if (!finding) return;
        const day = addDays(FIRST_DAY, command.day);
        await tx(async (manager) => {
          const [existing] = await manager.query<{ id: string }[]>(
            `SELECT c.id FROM cases c JOIN findings f ON f.premises_id = c.premises_id
             AND f.sweep_id = c.sweep_id WHERE f.id = $1`,
            [finding],
          );
          let caseId = existing?.id;
          if (!caseId) {
            const [created] = await manager.query<{ id: string }[]>(
              `INSERT INTO cases (case_number, bureau_id, premises_id, sweep_id, status, filed_on,
                 approved_by_id, filing_started_on, clock_dues, created_by_id)
               SELECT $2, f.bureau_id, f.premises_id, f.sweep_id, 'FILED', $3::date, f.created_by_id,
                 f.found_on, jsonb_build_object('PENALTY_DECISION', ($3::date + $4::int)::text),
                 f.created_by_id
               FROM findings f WHERE f.id = $1 RETURNING id`,
              [finding, `案-${randomUUID()}`, day, command.penaltyDueAfter],
            );
            caseId = created.id;
            state.cases.push(caseId);
          }
          await manager.query(
            `UPDATE findings SET filing_decision = 'FILED', case_id = $2,
               filing_decided_on = greatest($3::date, found_on), penalty_decision_due = $3::date + $4::int
             WHERE id = $1 AND filing_decision IS NULL AND transferred_on IS NULL`,
            [finding, caseId, day, command.penaltyDueAfter],
          );
        });
        return;
      }
      case 'decline': {
        const finding = pick(state.findings, command.finding);
        if (!finding) return;
        await db.query(
          `UPDATE findings SET filing_decision = 'DECLINED', decline_reason = 'MINOR_CORRECTED',
             filing_decided_on = greatest($2::date, found_on)
           WHERE id = $1 AND filing_decision IS NULL AND transferred_on IS NULL`,
          [finding, addDays(FIRST_DAY, command.day)],
        );
        return;
      }
      case 'policeAlone': {
        const finding = pick(state.findings, command.finding);
        if (!finding) return;
        await db.query(
          `UPDATE findings SET transferred_on = greatest($2::date, found_on)
           WHERE id = $1 AND case_id IS NULL AND filing_decision IS NULL`,
          [finding, addDays(FIRST_DAY, command.day)],
        );
        return;
      }
      case 'caseMove': {
        const caseId = pick(state.cases, command.case);
        if (!caseId) return;
        const day = addDays(FIRST_DAY, command.day);
        const money = (command.cents / 100).toFixed(2);
        const moves: Record<typeof command.move, string> = {
          decide: `UPDATE cases SET decided_on = greatest($2::date, filed_on), outcome = 'PENALTY',
              penalties = '{FINE}', fine = $3::numeric, illegal_gains = $3::numeric / 2,
              confiscated_goods_value = 1, status = 'DECIDED',
              clock_dues = jsonb_build_object('PUBLICATION', (greatest($2::date, filed_on) + 7)::text)
            WHERE id = $1 AND decided_on IS NULL`,
          warning: `UPDATE cases SET decided_on = greatest($2::date, filed_on), outcome = 'PENALTY',
              penalties = '{WARNING}', status = 'DECIDED'
            WHERE id = $1 AND decided_on IS NULL AND $3::numeric IS NOT NULL`,
          transfer: `UPDATE cases SET transfer_authority = 'POLICE', transferred_on = greatest($2::date, filed_on),
              transfer_outcome = NULL, transfer_outcome_on = NULL
            WHERE id = $1 AND transferred_on IS NULL AND $3::numeric IS NOT NULL`,
          return: `UPDATE cases SET transfer_outcome = 'RETURNED', transfer_outcome_on = greatest($2::date, transferred_on)
            WHERE id = $1 AND transferred_on IS NOT NULL AND transfer_outcome IS NULL AND $3::numeric IS NOT NULL`,
          publish: `UPDATE cases SET published_on = greatest($2::date, decided_on)
            WHERE id = $1 AND decided_on IS NOT NULL AND published_on IS NULL AND $3::numeric IS NOT NULL`,
          close: `UPDATE cases SET closed_on = greatest($2::date, filed_on), status = 'CLOSED'
            WHERE id = $1 AND closed_on IS NULL AND $3::numeric IS NOT NULL`,
        };
        await db.query(moves[command.move], [caseId, day, money]);
        return;
      }
    }
  }

  function selectionOf(w: World, q: Query) {
    const to = q.to === null ? null : addDays(FIRST_DAY, q.to);
    const selection: ProgressSelection = {
      sweepIds: [w.sweepId],
      categoryIds: q.categories?.map((code) => categoryIdByCode.get(code)!) ?? null,
      from: null,
      to,
      // 截至 min(to, today); open-ended: “today” is after every record (none is in the future).
      asOf: to ?? '2019-05-31',
      rootBureauId: q.rootBureau === null ? null : pick(w.bureaus, q.rootBureau)!,
    };
    let scope = Scope.system();
    if (q.scopeBureau !== null) {
      const bureau = pick(w.bureaus, q.scopeBureau)!;
      const officer: CurrentOfficer = {
        id: randomUUID(),
        name: '测试执法员',
        bureauId: bureau,
        roles: ['INSPECTOR'],
        jurisdiction: bureau === w.bureaus[1] ? [bureau, w.bureaus[3]] : [bureau],
        seesEverything: false,
      };
      scope = Scope.of(officer);
    }
    return { selection, scope };
  }

  it('hold what a rebuild would, and serve every figure the recomputation gives', async () => {
    let seed = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(commandArbitrary, { minLength: 5, maxLength: 30 }),
        fc.array(queryArbitrary, { minLength: 3, maxLength: 6 }),
        async (commands, queries) => {
          const w = await world(seed++);
          const state: State = { inspections: [], findings: [], followUps: [], cases: [] };
          for (const command of commands) await apply(w, state, command);

          expect(await summaries.differences(db.manager, w.sweepId)).toEqual([]);
          for (const query of queries) {
            const { selection, scope } = selectionOf(w, query);
            const m = db.manager;
            const sort = <T>(rows: T[]) =>
              [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
            expect(sort(await summaries.figures(m, scope, selection))).toEqual(
              sort(await raw.recomputeFigures(m, scope, selection)),
            );
            expect(await summaries.daily(m, scope, selection)).toEqual(
              await raw.recomputeDaily(m, scope, selection),
            );
            expect(await summaries.violationTypeCounts(m, scope, selection)).toEqual(
              await raw.recomputeViolationTypeCounts(m, scope, selection),
            );
            expect(await summaries.premisesKindsInspected(m, scope, selection)).toEqual(
              await raw.recomputePremisesKindsInspected(m, scope, selection),
            );
          }
        },
      ),
      { numRuns: RUNS },
    );
  }, 600_000);

  it('counts a rebuild and concurrent writers once each, never twice or not at all', async () => {
    const w = await world(1000);
    const state: State = { inspections: [], findings: [], followUps: [], cases: [] };
    for (let index = 0; index < 6; index++) {
      await apply(w, state, {
        kind: 'inspect',
        premises: index,
        category: index,
        officers: [index % 5, (index + 1) % 5],
        day: index % 4,
        minute: 600,
        findings: [],
        rollback: false,
      });
    }
    // 32 writers on the sweep while its summaries are rebuilt from the raw tables.
    const writers = Array.from({ length: 32 }, (_, index) =>
      db.dataSource.transaction((manager) =>
        logInspection(manager, w, {
          premises: index,
          category: index >> 2,
          officers: [index % 6, (index + 2) % 6],
          day: index % 7,
          minute: MINUTES[index % 3],
        }),
      ),
    );
    const rebuild = db.dataSource.transaction((manager) => summaries.rebuild(manager, w.sweepId));
    await Promise.all([...writers, rebuild]);
    expect(await summaries.differences(db.manager, w.sweepId)).toEqual([]);
    const [{ count }] = await db.query<{ count: number }>(
      `SELECT sum(inspections)::int AS count FROM progress_visits WHERE sweep_id = $1`,
      [w.sweepId],
    );
    expect(count).toBe(38);
  });
});

class RolledBack extends Error {}

type Query = typeof queryArbitrary extends fc.Arbitrary<infer T> ? T : never;
