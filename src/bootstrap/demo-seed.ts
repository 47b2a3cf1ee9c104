import type { EntityManager } from 'typeorm';
import { hashPassword } from '../auth/password';
import { addDays, shanghaiDay, startOfShanghaiDay } from '../common/time/shanghai';
import { addWorkingDays } from '../common/time/working-days';
import {
  CURRENT_SWEEP_CODE,
  DEMO_ASSIGNMENTS,
  DEMO_BUREAUS,
  DEMO_EXPOSURES,
  DEMO_INSPECTIONS,
  DEMO_OFFICERS,
  DEMO_PASSWORD,
  DEMO_PREMISES,
  DEMO_SWEEP_CODE,
  DemoFinding,
  DemoFollowUp,
} from './demo-data';

type Ids = Map<string, string>;

interface Seeded {
  entityType: string;
  table: string;
  ids: string[];
}

/** 15 working days to decide on a case (市场监督管理行政处罚程序规定 第十八条); 90 days to a penalty (第六十四条). */
const CASE_DECISION_WORKING_DAYS = 15;
const PENALTY_DECISION_DAYS = 90;

async function insertReturningId(
  manager: EntityManager,
  sql: string,
  parameters: unknown[],
): Promise<string> {
  const [row] = await manager.query<{ id: string }[]>(`${sql} RETURNING id`, parameters);
  return row.id;
}

async function seedBureaus(manager: EntityManager, seeded: Seeded[]): Promise<Ids> {
  const ids: Ids = new Map();
  const [city] = await manager.query<{ id: string }[]>(
    `SELECT id FROM bureaus WHERE code = 'CITY'`,
  );
  ids.set(
    'CITY',
    city?.id ??
      (await insertReturningId(
        manager,
        `INSERT INTO bureaus (code, name, kind, division_code) VALUES ('CITY', '市市场监督管理局', 'MUNICIPAL', '640100')`,
        [],
      )),
  );
  const created: string[] = city ? [] : [ids.get('CITY')!];
  for (const bureau of DEMO_BUREAUS) {
    const [existing] = await manager.query<{ id: string }[]>(
      `SELECT id FROM bureaus WHERE code = $1`,
      [bureau.code],
    );
    if (existing) {
      ids.set(bureau.code, existing.id);
      continue;
    }
    const id = await insertReturningId(
      manager,
      `INSERT INTO bureaus (code, name, kind, division_code, parent_id) VALUES ($1, $2, $3, $4, $5)`,
      [bureau.code, bureau.name, bureau.kind, bureau.divisionCode, ids.get('CITY')],
    );
    ids.set(bureau.code, id);
    created.push(id);
  }
  seeded.push({ entityType: 'Bureau', table: 'bureaus', ids: created });
  return ids;
}

async function seedOfficers(manager: EntityManager, bureaus: Ids, seeded: Seeded[]): Promise<Ids> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const ids: Ids = new Map();
  const created: string[] = [];
  for (const officer of DEMO_OFFICERS) {
    const [existing] = await manager.query<{ id: string }[]>(
      `SELECT id FROM officers WHERE certificate_number = $1`,
      [officer.certificate],
    );
    if (existing) {
      ids.set(officer.certificate, existing.id);
      continue;
    }
    const id = await insertReturningId(
      manager,
      `INSERT INTO officers (name, certificate_number, bureau_id, roles, password_hash) VALUES ($1, $2, $3, $4, $5)`,
      [officer.name, officer.certificate, bureaus.get(officer.bureau), officer.roles, passwordHash],
    );
    ids.set(officer.certificate, id);
    created.push(id);
  }
  seeded.push({ entityType: 'Officer', table: 'officers', ids: created });
  return ids;
}

async function seedPremises(manager: EntityManager, bureaus: Ids, seeded: Seeded[]): Promise<Ids> {
  const ids: Ids = new Map();
  for (const premises of DEMO_PREMISES) {
    const id = await insertReturningId(
      manager,
      `INSERT INTO premises (name, kind, bureau_id, address, credit_code, risk_level, licences, pharmacist_registrations, latitude, longitude)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10)`,
      [
        premises.name,
        premises.kind,
        bureaus.get(premises.bureau),
        premises.address,
        premises.creditCode,
        premises.riskLevel,
        JSON.stringify(premises.licences),
        premises.pharmacists ?? [],
        premises.latitude ?? null,
        premises.longitude ?? null,
      ],
    );
    ids.set(premises.key, id);
  }
  seeded.push({ entityType: 'Premises', table: 'premises', ids: [...ids.values()] });
  return ids;
}

async function seedExposures(
  manager: EntityManager,
  categories: Ids,
  seeded: Seeded[],
): Promise<{ exposures: Ids; products: Map<string, string[]> }> {
  const exposures: Ids = new Map();
  const products = new Map<string, string[]>();
  for (const exposure of DEMO_EXPOSURES) {
    const id = await insertReturningId(
      manager,
      `INSERT INTO exposures (title, source, exposed_on, summary, reference, involves_jurisdiction) VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        exposure.title,
        exposure.source,
        exposure.exposedOn,
        exposure.summary,
        exposure.reference,
        exposure.involvesJurisdiction,
      ],
    );
    exposures.set(exposure.key, id);
    for (const code of exposure.categories) {
      await manager.query(
        `INSERT INTO exposure_categories (exposure_id, category_id) VALUES ($1, $2)`,
        [id, categories.get(code)],
      );
    }
    const productIds: string[] = [];
    for (const product of exposure.products) {
      productIds.push(
        await insertReturningId(
          manager,
          `INSERT INTO exposed_products (exposure_id, brand, product_name, manufacturer, batch) VALUES ($1, $2, $3, $4, $5)`,
          [id, product.brand, product.productName, product.manufacturer, product.batch],
        ),
      );
    }
    products.set(exposure.key, productIds);
  }
  seeded.push({ entityType: 'Exposure', table: 'exposures', ids: [...exposures.values()] });
  return { exposures, products };
}

interface SweepSpec {
  code: string;
  title: string;
  directive: string;
  startDate: string;
  endDate: string;
  categoryCodes: string[];
  exposureIds: string[];
  assignments: [string, string, number][];
}

async function seedSweep(
  manager: EntityManager,
  spec: SweepSpec,
  bureaus: Ids,
  categories: Ids,
  seeded: Seeded[],
): Promise<string> {
  const id = await insertReturningId(
    manager,
    `INSERT INTO sweeps (code, title, directive, lead_bureau_id, status, start_date, end_date, activated_at)
     VALUES ($1, $2, $3, $4, 'ACTIVE', $5, $6, $7)`,
    [
      spec.code,
      spec.title,
      spec.directive,
      bureaus.get('CITY'),
      spec.startDate,
      spec.endDate,
      startOfShanghaiDay(spec.startDate),
    ],
  );
  for (const code of spec.categoryCodes) {
    await manager.query(`INSERT INTO sweep_categories (sweep_id, category_id) VALUES ($1, $2)`, [
      id,
      categories.get(code),
    ]);
  }
  for (const exposureId of spec.exposureIds) {
    await manager.query(`INSERT INTO sweep_exposures (sweep_id, exposure_id) VALUES ($1, $2)`, [
      id,
      exposureId,
    ]);
  }
  for (const [bureau, category, target] of spec.assignments) {
    await manager.query(
      `INSERT INTO sweep_assignments (sweep_id, bureau_id, category_id, target) VALUES ($1, $2, $3, $4)`,
      [id, bureaus.get(bureau), categories.get(category), target],
    );
  }
  seeded.push({ entityType: 'Sweep', table: 'sweeps', ids: [id] });
  return id;
}

/** The finding's columns after its follow-ups, as the workflow would have left them. */
function findingState(followUps: DemoFollowUp[]): Record<string, unknown> {
  const state: Record<string, unknown> = {
    status: 'OPEN',
    version: 1 + followUps.length,
    rectificationOrdered: false,
  };
  for (const followUp of followUps) {
    switch (followUp.action) {
      case 'RECTIFICATION_ORDERED':
        Object.assign(state, {
          status: 'RECTIFYING',
          rectificationOrdered: true,
          rectificationDeadline: followUp.deadline,
        });
        break;
      case 'REINSPECTION_PASSED':
        state.status = 'RESOLVED';
        break;
      case 'REINSPECTION_FAILED':
        state.rectificationDeadline = followUp.newDeadline ?? state.rectificationDeadline;
        break;
      case 'CASE_FILED':
        Object.assign(state, {
          status: 'CASE_FILED',
          caseNumber: followUp.caseNumber,
          caseFiledOn: followUp.on,
          penaltyDecisionDue: addDays(followUp.on, PENALTY_DECISION_DAYS),
        });
        break;
      case 'PENALTY_DECIDED':
        Object.assign(state, {
          status: 'PENALIZED',
          decisionNumber: followUp.decisionNumber,
          decidedOn: followUp.on,
          fine: followUp.fine,
          confiscation: followUp.confiscation,
        });
        break;
      case 'TRANSFERRED_TO_POLICE':
        Object.assign(state, { status: 'TRANSFERRED', transferredOn: followUp.on });
        break;
      case 'CLOSED':
        Object.assign(state, { status: 'CLOSED', closedReason: followUp.reason });
        break;
    }
  }
  return state;
}

const STATUS_AFTER: Record<DemoFollowUp['action'], string> = {
  RECTIFICATION_ORDERED: 'RECTIFYING',
  REINSPECTION_PASSED: 'RESOLVED',
  REINSPECTION_FAILED: 'RECTIFYING',
  CASE_FILED: 'CASE_FILED',
  PENALTY_DECIDED: 'PENALIZED',
  TRANSFERRED_TO_POLICE: 'TRANSFERRED',
  CLOSED: 'CLOSED',
};

interface InspectionContext {
  manager: EntityManager;
  calendar: Map<string, boolean>;
  inspectionId: string;
  officerIds: string[];
  deciderId: string;
  inspectedAt: Date;
  voided: boolean;
  exposureProducts: Map<string, string[]>;
}

async function seedFinding(context: InspectionContext, finding: DemoFinding): Promise<string> {
  const { manager } = context;
  const foundOn = shanghaiDay(context.inspectedAt);
  const state = findingState(finding.followUps);
  const exposedProductId = finding.exposedProduct
    ? context.exposureProducts.get(finding.exposedProduct[0])![finding.exposedProduct[1]]
    : null;
  const findingId = await insertReturningId(
    manager,
    `INSERT INTO findings (inspection_id, sweep_id, bureau_id, premises_id, category_id, violation_type_code, severity, description,
       exposed_product_id, goods_quantity, goods_unit, goods_value, status, version, found_on, case_decision_due,
       rectification_ordered, rectification_deadline, case_number, case_filed_on, penalty_decision_due, decision_number,
       decided_on, fine, confiscation, transferred_on, closed_reason, voided, created_by_id, created_at)
     SELECT i.id, i.sweep_id, i.bureau_id, i.premises_id, i.category_id, $2, v.default_severity, $3, $4, $5, $6, $7, $8, $9, $10, $11,
       $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, i.voided, i.recorded_by_id, i.recorded_at
     FROM inspections i JOIN violation_types v ON v.code = $2 WHERE i.id = $1`,
    [
      context.inspectionId,
      finding.violation,
      finding.description,
      exposedProductId,
      finding.goods?.quantity ?? null,
      finding.goods?.unit ?? null,
      finding.goods?.value ?? null,
      state.status,
      state.version,
      foundOn,
      addWorkingDays(foundOn, CASE_DECISION_WORKING_DAYS, context.calendar),
      state.rectificationOrdered,
      state.rectificationDeadline ?? null,
      state.caseNumber ?? null,
      state.caseFiledOn ?? null,
      state.penaltyDecisionDue ?? null,
      state.decisionNumber ?? null,
      state.decidedOn ?? null,
      state.fine ?? null,
      state.confiscation ?? null,
      state.transferredOn ?? null,
      state.closedReason ?? null,
    ],
  );
  let status = 'OPEN';
  for (const followUp of finding.followUps) {
    const at = 'at' in followUp ? new Date(followUp.at) : startOfShanghaiDay(followUp.on);
    const decides = ['CASE_FILED', 'PENALTY_DECIDED', 'TRANSFERRED_TO_POLICE', 'CLOSED'].includes(
      followUp.action,
    );
    const dueDate =
      followUp.action === 'RECTIFICATION_ORDERED'
        ? followUp.deadline
        : followUp.action === 'REINSPECTION_FAILED'
          ? (followUp.newDeadline ?? null)
          : followUp.action === 'CASE_FILED'
            ? addDays(followUp.on, PENALTY_DECISION_DAYS)
            : null;
    const document =
      followUp.action === 'RECTIFICATION_ORDERED' || followUp.action === 'TRANSFERRED_TO_POLICE'
        ? followUp.document
        : followUp.action === 'CASE_FILED'
          ? followUp.caseNumber
          : followUp.action === 'PENALTY_DECIDED'
            ? followUp.decisionNumber
            : null;
    await manager.query(
      `INSERT INTO follow_ups (finding_id, action, from_status, to_status, at, recorded_at, officer_id, officer_ids, due_date, document_number, fine, confiscation, note)
       VALUES ($1, $2, $3, $4, $5, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        findingId,
        followUp.action,
        status,
        STATUS_AFTER[followUp.action],
        at,
        decides ? context.deciderId : context.officerIds[0],
        followUp.action.startsWith('REINSPECTION') ? context.officerIds : [],
        dueDate,
        document,
        followUp.action === 'PENALTY_DECIDED' ? followUp.fine : null,
        followUp.action === 'PENALTY_DECIDED' ? followUp.confiscation : null,
        followUp.action === 'CLOSED' ? followUp.reason : null,
      ],
    );
    status = STATUS_AFTER[followUp.action];
  }
  return findingId;
}

async function checklistFor(
  manager: EntityManager,
  categoryId: string,
  failing: string[],
): Promise<{ itemCode: string; result: string; note: string | null }[]> {
  const items = await manager.query<{ code: string; fail_violation_type_code: string }[]>(
    `SELECT code, fail_violation_type_code FROM checklist_items WHERE category_id = $1 ORDER BY position`,
    [categoryId],
  );
  return items.map((item) => ({
    itemCode: item.code,
    result: failing.includes(item.fail_violation_type_code) ? 'FAIL' : 'PASS',
    note: failing.includes(item.fail_violation_type_code) ? '现场检查发现问题，详见问题记录' : null,
  }));
}

/**
 * Seeds the demo of the 2019 sweep in one transaction, plus a small sweep running now so a demo
 * user can log an inspection today. Returns false when the demo is already there.
 */
export async function seedDemo(
  manager: EntityManager,
  today: string = shanghaiDay(new Date()),
): Promise<boolean> {
  const existing = await manager.query<unknown[]>(`SELECT 1 FROM sweeps WHERE code = $1`, [
    DEMO_SWEEP_CODE,
  ]);
  if (existing.length > 0) return false;
  const seeded: Seeded[] = [];
  const categoryRows = await manager.query<{ id: string; code: string }[]>(
    `SELECT id, code FROM target_categories`,
  );
  const categories: Ids = new Map(categoryRows.map((row) => [row.code, row.id]));
  const calendarRows = await manager.query<{ day: string; working_day: boolean }[]>(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day, working_day FROM calendar_exceptions`,
  );
  const calendar = new Map(calendarRows.map((row) => [row.day, row.working_day]));
  const bureaus = await seedBureaus(manager, seeded);
  const officers = await seedOfficers(manager, bureaus, seeded);
  const premises = await seedPremises(manager, bureaus, seeded);
  const { exposures, products } = await seedExposures(manager, categories, seeded);
  const sweepId = await seedSweep(
    manager,
    {
      code: DEMO_SWEEP_CODE,
      title: '“3·15”晚会曝光问题大排查大整治',
      directive: '寧市監辦發〔2019〕21號',
      startDate: '2019-03-16',
      endDate: '2019-04-30',
      categoryCodes: [
        'SEASONED_FLOUR_PRODUCTS',
        'CAMPUS_FOOD',
        'PHARMACIST_CERTIFICATES',
        'VACCINES',
        'AGRICULTURAL_INPUTS',
      ],
      exposureIds: [...exposures.values()],
      assignments: DEMO_ASSIGNMENTS,
    },
    bureaus,
    categories,
    seeded,
  );
  const inspectionIds: string[] = [];
  const findingIds: string[] = [];
  for (const inspection of DEMO_INSPECTIONS) {
    const officerIds = inspection.officers.map((certificate) => officers.get(certificate)!);
    const bureau = DEMO_PREMISES.find((premises) => premises.key === inspection.premises)!.bureau;
    const supervisor = DEMO_OFFICERS.find(
      (officer) => officer.bureau === bureau && officer.roles.includes('SUPERVISOR'),
    );
    const inspectedAt = new Date(inspection.at);
    const failing = inspection.findings.map((finding) => finding.violation);
    const inspectionId = await insertReturningId(
      manager,
      `INSERT INTO inspections (sweep_id, category_id, premises_id, bureau_id, officer_ids, recorded_by_id, inspected_at, recorded_at, outcome, checklist, notes, voided, void_reason, voided_at, voided_by_id)
       SELECT $1, $2, p.id, p.bureau_id, $4::uuid[], ($4::uuid[])[1], $5, $5::timestamptz + interval '20 minutes', $6, $7::jsonb, NULL, $8, $9,
         CASE WHEN $8 THEN $5::timestamptz + interval '1 day' END, CASE WHEN $8 THEN $10::uuid END
       FROM premises p WHERE p.id = $3`,
      [
        sweepId,
        categories.get(inspection.category),
        premises.get(inspection.premises),
        officerIds,
        inspectedAt,
        inspection.outcome,
        JSON.stringify(await checklistFor(manager, categories.get(inspection.category)!, failing)),
        inspection.voidReason !== undefined,
        inspection.voidReason ?? null,
        officers.get('DEMO-MANAGER'),
      ],
    );
    inspectionIds.push(inspectionId);
    const context: InspectionContext = {
      manager,
      calendar,
      inspectionId,
      officerIds,
      deciderId: supervisor ? officers.get(supervisor.certificate)! : officers.get('DEMO-MANAGER')!,
      inspectedAt,
      voided: inspection.voidReason !== undefined,
      exposureProducts: products,
    };
    for (const finding of inspection.findings) findingIds.push(await seedFinding(context, finding));
  }
  await seedCurrentSweep(manager, today, {
    bureaus,
    categories,
    officers,
    premises,
    calendar,
    seeded,
    inspectionIds,
    findingIds,
  });
  seeded.push({ entityType: 'Inspection', table: 'inspections', ids: inspectionIds });
  seeded.push({ entityType: 'Finding', table: 'findings', ids: findingIds });
  for (const { entityType, table, ids } of seeded) {
    await manager.query(
      `INSERT INTO audit_events (actor_id, action, entity_type, entity_id, after, request_id)
       SELECT NULL, 'SEED', $1, t.id, to_jsonb(t) - 'password_hash', 'demo-seed' FROM ${table} t WHERE t.id = ANY($2::uuid[])`,
      [entityType, ids],
    );
  }
  return true;
}

interface CurrentSweepContext {
  bureaus: Ids;
  categories: Ids;
  officers: Ids;
  premises: Ids;
  calendar: Map<string, boolean>;
  seeded: Seeded[];
  inspectionIds: string[];
  findingIds: string[];
}

/** A campus-food sweep running now (two weeks back, six weeks ahead), with one inspection logged yesterday. */
async function seedCurrentSweep(
  manager: EntityManager,
  today: string,
  context: CurrentSweepContext,
): Promise<void> {
  const sweepId = await seedSweep(
    manager,
    {
      code: CURRENT_SWEEP_CODE,
      title: '学校及周边食品安全专项检查（演示，进行中）',
      directive: '市市场监管局演示通知',
      startDate: addDays(today, -14),
      endDate: addDays(today, 42),
      categoryCodes: ['CAMPUS_FOOD'],
      exposureIds: [],
      assignments: [
        ['XINGQING', 'CAMPUS_FOOD', 3],
        ['JINFENG', 'CAMPUS_FOOD', 3],
      ],
    },
    context.bureaus,
    context.categories,
    context.seeded,
  );
  const inspectedAt = new Date(
    startOfShanghaiDay(addDays(today, -1)).getTime() + 10 * 60 * 60 * 1000,
  );
  const officerIds = [context.officers.get('JF-INS-01')!, context.officers.get('JF-INS-02')!];
  const categoryId = context.categories.get('CAMPUS_FOOD')!;
  const inspectionId = await insertReturningId(
    manager,
    `INSERT INTO inspections (sweep_id, category_id, premises_id, bureau_id, officer_ids, recorded_by_id, inspected_at, outcome, checklist)
     SELECT $1, $2, p.id, p.bureau_id, $4::uuid[], ($4::uuid[])[1], $5, 'ISSUES_FOUND', $6::jsonb FROM premises p WHERE p.id = $3`,
    [
      sweepId,
      categoryId,
      context.premises.get('jf-campus-shop'),
      officerIds,
      inspectedAt,
      JSON.stringify(await checklistFor(manager, categoryId, ['THREE_NO_PRODUCTS'])),
    ],
  );
  context.inspectionIds.push(inspectionId);
  const finding: DemoFinding = {
    violation: 'THREE_NO_PRODUCTS',
    description: '销售无标签散装零食',
    goods: { quantity: 3, unit: 'kg', value: '45.00' },
    followUps: [],
  };
  context.findingIds.push(
    await seedFinding(
      {
        manager,
        calendar: context.calendar,
        inspectionId,
        officerIds,
        deciderId: context.officers.get('JF-SUP-01')!,
        inspectedAt,
        voided: false,
        exposureProducts: new Map(),
      },
      finding,
    ),
  );
}
