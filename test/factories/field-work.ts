import { randomBytes } from 'node:crypto';
import { addDays, shanghaiDay, startOfShanghaiDay } from '../../src/common/time/shanghai';
import type { TestApp } from '../helpers/test-app';

/**
 * Records of the field work written directly with SQL, for tests that need data in place without
 * going through the mutations under test. Every function takes overridable fields.
 */
function unique(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex').toUpperCase()}`;
}

export async function categoryIds(app: TestApp): Promise<Map<string, string>> {
  const rows = await app.query<{ id: string; code: string }>(
    `SELECT id, code FROM target_categories`,
  );
  return new Map(rows.map((row) => [row.code, row.id]));
}

export interface PremisesOverrides {
  bureauId: string;
  kind?: string;
  name?: string;
  address?: string;
  creditCode?: string | null;
  riskLevel?: string | null;
  pharmacistRegistrations?: string[];
}

export async function createPremises(
  app: TestApp,
  overrides: PremisesOverrides,
): Promise<{ id: string; bureauId: string }> {
  const [row] = await app.query<{ id: string }>(
    `INSERT INTO premises (name, kind, bureau_id, address, credit_code, risk_level, pharmacist_registrations)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [
      overrides.name ?? unique('测试食品店'),
      overrides.kind ?? 'FOOD_RETAILER',
      overrides.bureauId,
      overrides.address ?? unique('兴庆区解放街'),
      overrides.creditCode ?? null,
      overrides.riskLevel === undefined ? 'B' : overrides.riskLevel,
      overrides.pharmacistRegistrations ?? [],
    ],
  );
  return { id: row.id, bureauId: overrides.bureauId };
}

export interface SweepOverrides {
  leadBureauId: string;
  code?: string;
  title?: string;
  status?: 'DRAFT' | 'ACTIVE' | 'CLOSED';
  categoryCodes?: string[];
  startDate?: string;
  endDate?: string;
  exposureIds?: string[];
  assignments?: { bureauId: string; categoryCode: string; target: number }[];
}

export interface SweepRecord {
  id: string;
  categoryIds: Map<string, string>;
}

/** A sweep (ACTIVE by default, 2019-03-16 to 2019-04-30, all five categories). */
export async function createSweep(app: TestApp, overrides: SweepOverrides): Promise<SweepRecord> {
  const categories = await categoryIds(app);
  const codes = overrides.categoryCodes ?? [...categories.keys()];
  const [sweep] = await app.query<{ id: string }>(
    `INSERT INTO sweeps (code, title, directive, lead_bureau_id, status, start_date, end_date, activated_at, category_order)
     VALUES ($1, $2, '宁市监办发〔2019〕21号', $3, $4::varchar, $5, $6, CASE WHEN $4::varchar = 'DRAFT' THEN NULL ELSE now() END, $7::uuid[]) RETURNING id`,
    [
      overrides.code ?? unique('SWEEP'),
      overrides.title ?? '“3·15”曝光问题大排查大整治',
      overrides.leadBureauId,
      overrides.status ?? 'ACTIVE',
      overrides.startDate ?? '2019-03-16',
      overrides.endDate ?? '2019-04-30',
      codes.map((code) => categories.get(code)),
    ],
  );
  for (const code of codes) {
    await app.query(`INSERT INTO sweep_categories (sweep_id, category_id) VALUES ($1, $2)`, [
      sweep.id,
      categories.get(code),
    ]);
  }
  for (const exposureId of overrides.exposureIds ?? []) {
    await app.query(`INSERT INTO sweep_exposures (sweep_id, exposure_id) VALUES ($1, $2)`, [
      sweep.id,
      exposureId,
    ]);
  }
  for (const assignment of overrides.assignments ?? []) {
    await app.query(
      `INSERT INTO sweep_assignments (sweep_id, bureau_id, category_id, target) VALUES ($1, $2, $3, $4)`,
      [sweep.id, assignment.bureauId, categories.get(assignment.categoryCode), assignment.target],
    );
  }
  return { id: sweep.id, categoryIds: new Map(codes.map((code) => [code, categories.get(code)!])) };
}

export async function createExposure(
  app: TestApp,
  overrides: {
    title?: string;
    categoryCodes?: string[];
    products?: { productName: string; brand?: string; manufacturer?: string }[];
  } = {},
): Promise<{ id: string; productIds: string[] }> {
  const categories = await categoryIds(app);
  const [exposure] = await app.query<{ id: string }>(
    `INSERT INTO exposures (title, source, exposed_on, involves_jurisdiction) VALUES ($1, 'CCTV_315_GALA', '2019-03-15', false) RETURNING id`,
    [overrides.title ?? unique('辣条生产黑作坊')],
  );
  for (const code of overrides.categoryCodes ?? ['SEASONED_FLOUR_PRODUCTS']) {
    await app.query(`INSERT INTO exposure_categories (exposure_id, category_id) VALUES ($1, $2)`, [
      exposure.id,
      categories.get(code),
    ]);
  }
  const productIds: string[] = [];
  for (const product of overrides.products ?? [
    { productName: '辣条', brand: '某某牌', manufacturer: '某食品厂' },
  ]) {
    const [row] = await app.query<{ id: string }>(
      `INSERT INTO exposed_products (exposure_id, brand, product_name, manufacturer) VALUES ($1, $2, $3, $4) RETURNING id`,
      [exposure.id, product.brand ?? null, product.productName, product.manufacturer ?? null],
    );
    productIds.push(row.id);
  }
  return { id: exposure.id, productIds };
}

export interface InspectionOverrides {
  sweepId: string;
  categoryId: string;
  premisesId: string;
  officerIds: string[];
  inspectedAt?: Date;
  outcome?: string;
  voided?: boolean;
  checklist?: { itemCode: string; result: string; note: string | null }[];
}

/** An inspection; its bureau is the premises' bureau, as the service records it. */
export async function createInspection(
  app: TestApp,
  overrides: InspectionOverrides,
): Promise<{ id: string; bureauId: string; inspectedAt: Date }> {
  const inspectedAt = overrides.inspectedAt ?? new Date('2019-03-20T02:00:00Z');
  const [row] = await app.query<{ id: string; bureau_id: string }>(
    `INSERT INTO inspections (sweep_id, category_id, premises_id, bureau_id, officer_ids, recorded_by_id, inspected_at, outcome, checklist, voided, void_reason, voided_at)
     SELECT $1, $2, p.id, p.bureau_id, $4::uuid[], ($4::uuid[])[1], $5, $6, $7::jsonb, $8, CASE WHEN $8 THEN '录入错误' END, CASE WHEN $8 THEN now() END
     FROM premises p WHERE p.id = $3 RETURNING id, bureau_id`,
    [
      overrides.sweepId,
      overrides.categoryId,
      overrides.premisesId,
      overrides.officerIds,
      inspectedAt,
      overrides.outcome ?? 'ISSUES_FOUND',
      JSON.stringify(overrides.checklist ?? []),
      overrides.voided ?? false,
    ],
  );
  return { id: row.id, bureauId: row.bureau_id, inspectedAt };
}

export interface FindingOverrides {
  inspectionId: string;
  violationTypeCode?: string;
  severity?: string;
  status?: string;
  version?: number;
  exposedProductId?: string | null;
  goodsQuantity?: string | null;
  goodsUnit?: string | null;
  goodsValue?: string | null;
  rectificationOrdered?: boolean;
  rectificationDeadline?: string | null;
  caseDecisionDue?: string;
  caseNumber?: string | null;
  caseFiledOn?: string | null;
  penaltyDecisionDue?: string | null;
  fine?: string | null;
  confiscation?: string | null;
  /** The case's decision day (PENALIZED, CLOSED); the filing day when not given. */
  decidedOn?: string | null;
  /** The case's 没收非法财物 (decided cases). */
  confiscatedGoodsValue?: string | null;
  /** The day the case's decision was published (公示), if it was. */
  publishedOn?: string | null;
  /** The publication clock's stored due day of a decided case not yet published. */
  publicationDue?: string | null;
  /** The day of the filing decision (FILED or DECLINED); the filing day or the finding's day when not given. */
  filingDecidedOn?: string | null;
  /** The day a TRANSFERRED finding went to the police without a case; the finding's day when not given. */
  transferredOn?: string | null;
}

/** A finding copying sweep, bureau, premises, category and voided from its inspection. */
export async function createFinding(
  app: TestApp,
  overrides: FindingOverrides,
): Promise<{ id: string }> {
  const [inspection] = await app.query<{
    inspected_at: Date;
    voided: boolean;
    officer_ids: string[];
  }>(`SELECT inspected_at, voided, officer_ids FROM inspections WHERE id = $1`, [
    overrides.inspectionId,
  ]);
  const foundOn = shanghaiDay(new Date(inspection.inspected_at));
  const [row] = await app.query<{ id: string }>(
    `INSERT INTO findings (inspection_id, sweep_id, bureau_id, premises_id, category_id, violation_type_code, severity, description,
       exposed_product_id, goods_quantity, goods_unit, goods_value, status, version, found_on, case_decision_due,
       rectification_ordered, rectification_deadline, case_number, case_filed_on, penalty_decision_due, fine, confiscation, voided, created_by_id)
     SELECT i.id, i.sweep_id, i.bureau_id, i.premises_id, i.category_id, $2, $3, '检查发现的问题', $4, $5, $6, $7, $8, $9, $10, $11,
       $12, $13, $14, $15, $16, $17, $18, i.voided, i.recorded_by_id
     FROM inspections i WHERE i.id = $1 RETURNING id`,
    [
      overrides.inspectionId,
      overrides.violationTypeCode ?? 'THREE_NO_PRODUCTS',
      overrides.severity ?? 'MAJOR',
      overrides.exposedProductId ?? null,
      overrides.goodsQuantity ?? null,
      overrides.goodsUnit ?? null,
      overrides.goodsValue ?? null,
      overrides.status ?? 'OPEN',
      overrides.version ?? 1,
      foundOn,
      overrides.caseDecisionDue ?? addDays(foundOn, 21),
      overrides.rectificationOrdered ?? false,
      overrides.rectificationDeadline ?? null,
      overrides.caseNumber ?? null,
      overrides.caseFiledOn ?? null,
      overrides.penaltyDecisionDue ?? null,
      overrides.fine ?? null,
      overrides.confiscation ?? null,
    ],
  );
  await settleTracks(app, row.id, overrides, foundOn);
  return { id: row.id };
}

export interface FollowUpOverrides {
  findingId: string;
  action: string;
  fromStatus: string;
  toStatus: string;
  /** The Asia/Shanghai day it took effect (at 00:00 there), or an instant. */
  on: string | Date;
  /** When it was recorded; later records follow earlier ones in the workflow. */
  recordedAt?: Date;
  dueDate?: string | null;
  documentNumber?: string | null;
  fine?: string | null;
  confiscation?: string | null;
}

/** A follow-up (后续处置) row, as the follow-up service records it; the finding is not updated. */
export async function createFollowUp(app: TestApp, overrides: FollowUpOverrides): Promise<void> {
  const at = typeof overrides.on === 'string' ? startOfShanghaiDay(overrides.on) : overrides.on;
  await app.query(
    `INSERT INTO follow_ups (finding_id, action, from_status, to_status, at, recorded_at, officer_id, due_date, document_number, fine, confiscation)
     VALUES ($1, $2, $3, $4, $5, coalesce($6, clock_timestamp()), gen_random_uuid(), $7, $8, $9, $10)`,
    [
      overrides.findingId,
      overrides.action,
      overrides.fromStatus,
      overrides.toStatus,
      at,
      overrides.recordedAt ?? null,
      overrides.dueDate ?? null,
      overrides.documentNumber ?? null,
      overrides.fine ?? null,
      overrides.confiscation ?? null,
    ],
  );
}

const CASE_STATUS_OF: Record<string, string> = {
  CASE_FILED: 'FILED',
  PENALIZED: 'DECIDED',
  CLOSED: 'CLOSED',
};

/**
 * Gives a finding made with a status the two tracks that status summarises (src/cases/tracks.ts):
 * the rectification track, a case (one per case number, made when missing) for CASE_FILED,
 * PENALIZED and CLOSED or a case number, a declined filing for NOT_FILED, a transfer without a
 * case for TRANSFERRED; and its stored due day.
 */
async function settleTracks(
  app: TestApp,
  findingId: string,
  overrides: FindingOverrides,
  foundOn: string,
): Promise<void> {
  const status = overrides.status ?? 'OPEN';
  const rectification = status === 'RECTIFYING' || status === 'RESOLVED' ? status : 'OPEN';
  const caseStatus = CASE_STATUS_OF[status] ?? (overrides.caseNumber ? 'FILED' : null);
  let caseId: string | null = null;
  if (caseStatus) {
    const caseNumber = overrides.caseNumber ?? `测试立字〔${findingId.slice(0, 8)}〕号`;
    const filedOn = overrides.caseFiledOn ?? foundOn;
    const decided = caseStatus !== 'FILED';
    const [existing] = await app.query<{ id: string }>(
      `SELECT id FROM cases WHERE case_number = $1`,
      [caseNumber],
    );
    const [made] = existing
      ? [existing]
      : await app.query<{ id: string }>(
          `INSERT INTO cases (case_number, bureau_id, premises_id, sweep_id, status, filed_on, approved_by_id,
             filing_started_on, decision_number, decided_on, outcome, penalties, fine, illegal_gains,
             confiscated_goods_value, published_on, closed_on, next_due_on, clock_dues, created_by_id)
           SELECT $2::text, f.bureau_id, f.premises_id, f.sweep_id, $3::text, $4::date, f.created_by_id, f.found_on,
             CASE WHEN $5::boolean THEN $2::text || '决' END, CASE WHEN $5::boolean THEN $6::date END, CASE WHEN $5::boolean THEN 'PENALTY' END,
             CASE WHEN $5::boolean THEN ARRAY['FINE']::varchar[] ELSE '{}'::varchar[] END,
             CASE WHEN $5::boolean THEN coalesce(f.fine, 0) END, CASE WHEN $5::boolean THEN f.confiscation END,
             CASE WHEN $5::boolean THEN $7::numeric END, $8::date,
             CASE WHEN $3::text = 'CLOSED' THEN $6::date END,
             CASE WHEN $5::boolean THEN $9::date ELSE f.penalty_decision_due END,
             CASE WHEN $5::boolean AND $9::date IS NOT NULL THEN jsonb_build_object('PUBLICATION', $9::text)
                  WHEN $5::boolean OR f.penalty_decision_due IS NULL THEN '{}'::jsonb
                  ELSE jsonb_build_object('PENALTY_DECISION', f.penalty_decision_due::text) END,
             f.created_by_id
           FROM findings f WHERE f.id = $1 RETURNING id`,
          [
            findingId,
            caseNumber,
            caseStatus,
            filedOn,
            decided,
            overrides.decidedOn ?? filedOn,
            overrides.confiscatedGoodsValue ?? null,
            overrides.publishedOn ?? null,
            overrides.publishedOn ? null : (overrides.publicationDue ?? null),
          ],
        );
    caseId = made.id;
  }
  await app.query(
    `UPDATE findings SET rectification_status = $2::text, case_id = $3,
       filing_decision = CASE WHEN $3::uuid IS NOT NULL THEN 'FILED' WHEN $4::text = 'NOT_FILED' THEN 'DECLINED' END,
       decline_reason = CASE WHEN $4::text = 'NOT_FILED' THEN 'NO_VIOLATION' END,
       filing_decided_on = CASE WHEN $3::uuid IS NOT NULL OR $4::text = 'NOT_FILED' THEN coalesce($5::date, case_filed_on, found_on) END,
       case_number = CASE WHEN $3::uuid IS NOT NULL THEN (SELECT case_number FROM cases WHERE id = $3) END,
       transferred_on = CASE WHEN $4::text = 'TRANSFERRED' THEN coalesce($6::date, found_on) END,
       due_on = CASE
         WHEN $2::text = 'RECTIFYING' THEN rectification_deadline
         WHEN $3::uuid IS NULL AND $4::text NOT IN ('NOT_FILED', 'TRANSFERRED') THEN case_decision_due
         WHEN $4::text = 'CASE_FILED' THEN penalty_decision_due END
     WHERE id = $1`,
    [
      findingId,
      rectification,
      caseId,
      status,
      overrides.filingDecidedOn ?? null,
      overrides.transferredOn ?? null,
    ],
  );
}
