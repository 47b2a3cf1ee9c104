import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  Relation,
} from 'typeorm';
import { ExposedProduct } from '../exposures/exposed-product.entity';
import { ViolationType } from '../reference/violation-type.entity';
import type { Severity } from '../reference/violation-type.entity';
import { CaseFile } from '../cases/case.entity';
import { productLotCheck, type ProductLot } from '../products/product-lot';
import { Sample } from '../samples/sample.entity';
import { Inspection } from './inspection.entity';

export const FINDING_STATUSES = [
  'OPEN',
  'RECTIFYING',
  'RESOLVED',
  'CASE_FILED',
  'PENALIZED',
  'CLOSED',
  'TRANSFERRED',
  'NOT_FILED',
] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];
export const TERMINAL_STATUSES: readonly FindingStatus[] = ['RESOLVED', 'CLOSED', 'TRANSFERRED'];
export const RECTIFICATION_STATUSES = ['OPEN', 'RECTIFYING', 'RESOLVED'] as const;
export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number];
export type FilingDecision = 'FILED' | 'DECLINED';

export interface Evidence {
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
}

/**
 * 发现问题: a problem found during an inspection. Sweep, bureau, premises and category are copied
 * from the inspection (they never change) so statistics and scope need no join; `voided` mirrors
 * the inspection's.
 */
@Entity('findings')
@Check(
  'findings_status_check',
  `status IN ('OPEN','RECTIFYING','RESOLVED','CASE_FILED','PENALIZED','CLOSED','TRANSFERRED','NOT_FILED')`,
)
@Check(
  'findings_rectification_status_check',
  `rectification_status IN ('OPEN','RECTIFYING','RESOLVED')`,
)
@Check('findings_filing_decision_check', `filing_decision IN ('FILED','DECLINED')`)
@Index('findings_bureau_due_on_idx', ['bureauId', 'dueOn', 'id'])
@Index('findings_case_id_idx', ['caseId'])
@Check('findings_severity_check', `severity IN ('MINOR','MAJOR','CRITICAL')`)
@Check(
  'findings_money_check',
  `coalesce(goods_value, 0) >= 0 AND coalesce(fine, 0) >= 0 AND coalesce(confiscation, 0) >= 0`,
)
@Check('findings_goods_quantity_check', `goods_quantity IS NULL OR goods_quantity >= 0`)
@Index('findings_inspection_id_idx', ['inspectionId'])
@Check('findings_product_check', productLotCheck('product'))
@Index('findings_sample_id_idx', ['sampleId'])
@Index('findings_sweep_bureau_idx', ['sweepId', 'bureauId', 'status'])
@Index('findings_bureau_status_idx', ['bureauId', 'status', 'createdAt'])
// A premises' findings in a sweep: the progress summaries recompute them (migration 1796000000000).
@Index('findings_sweep_premises_idx', ['sweepId', 'premisesId'])
// Partial and expression indexes of the list orders (migration 1795923900000-FrontendListOrders).
@Index('findings_created_id_idx', { synchronize: false })
@Index('findings_due_on_idx', { synchronize: false })
export class Finding {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  inspectionId: string;

  @ManyToOne(() => Inspection, { onDelete: 'RESTRICT' })
  inspection?: Relation<Inspection>;

  @Column({ type: 'uuid' })
  sweepId: string;

  @Column({ type: 'uuid' })
  bureauId: string;

  @Column({ type: 'uuid' })
  premisesId: string;

  @Column({ type: 'uuid' })
  categoryId: string;

  @Column({ type: 'varchar', length: 64 })
  violationTypeCode: string;

  @ManyToOne(() => ViolationType, { onDelete: 'RESTRICT' })
  violationType?: Relation<ViolationType>;

  @Column({ type: 'varchar', length: 16 })
  severity: Severity;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'uuid', nullable: true })
  exposedProductId: string | null;

  @ManyToOne(() => ExposedProduct, { onDelete: 'RESTRICT' })
  exposedProduct?: Relation<ExposedProduct> | null;

  @Column({ type: 'numeric', precision: 14, scale: 3, nullable: true })
  goodsQuantity: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  goodsUnit: string | null;

  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true })
  goodsValue: string | null;

  /** GIN (jsonb_path_ops) index, made by migration EvidenceFiles: finds the findings citing a file. */
  @Index('findings_evidence_idx', { synchronize: false })
  @Column({ type: 'jsonb', default: () => `'[]'` })
  evidence: Evidence[];

  @Column({ type: 'varchar', length: 16, default: 'OPEN' })
  status: FindingStatus;

  @Column({ type: 'int', default: 1 })
  version: number;

  /** The Asia/Shanghai day of the inspection that found it. */
  @Column({ type: 'date' })
  foundOn: string;

  /** 15 working days after the finding (市场监督管理行政处罚程序规定 第十八条). */
  @Column({ type: 'date' })
  caseDecisionDue: string;

  @Column({ type: 'date', nullable: true })
  rectificationDeadline: string | null;

  @Column({ type: 'boolean', default: false })
  rectificationOrdered: boolean;

  @Column({ type: 'varchar', length: 64, nullable: true })
  caseNumber: string | null;

  @Column({ type: 'date', nullable: true })
  caseFiledOn: string | null;

  /** 90 days after filing (第六十四条). */
  @Column({ type: 'date', nullable: true })
  penaltyDecisionDue: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  decisionNumber: string | null;

  @Column({ type: 'date', nullable: true })
  decidedOn: string | null;

  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true })
  fine: string | null;

  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true })
  confiscation: string | null;

  @Column({ type: 'date', nullable: true })
  transferredOn: string | null;

  @Column({ type: 'text', nullable: true })
  closedReason: string | null;

  @Column({ type: 'boolean', default: false })
  voided: boolean;

  /** The rectification track (责令整改): OPEN → RECTIFYING → RESOLVED. */
  @Column({ type: 'varchar', length: 16, default: 'OPEN' })
  rectificationStatus: RectificationStatus;

  /** The case (案件) it belongs to once filed. */
  @Column({ type: 'uuid', nullable: true })
  caseId: string | null;

  @ManyToOne(() => CaseFile, { onDelete: 'RESTRICT' })
  case?: Relation<CaseFile> | null;

  /** The filing decision (立案 or 不予立案), once taken. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  filingDecision: FilingDecision | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  declineReason: string | null;

  @Column({ type: 'text', nullable: true })
  declineNote: string | null;

  @Column({ type: 'date', nullable: true })
  filingDecidedOn: string | null;

  @Column({ type: 'uuid', nullable: true })
  filingApprovedById: string | null;

  /** Working days the filing clock was extended by (程序规定 第十八条: +15 once). */
  @Column({ type: 'int', default: 0 })
  filingExtendedBy: number;

  @Column({ type: 'uuid', nullable: true })
  filingExtensionApprovedById: string | null;

  /** The nearest open deadline of both tracks (rectification, filing, the case's clocks). */
  @Column({ type: 'date', nullable: true })
  dueOn: string | null;

  @Column({ type: 'boolean', default: false })
  carriedOver: boolean;

  /** The product and lot (产品与批次) it concerns (src/products), when recorded. */
  @Column({ type: 'jsonb', nullable: true })
  product: ProductLot | null;

  /** The failed test (抽样检验) it rests on (src/samples), when any. */
  @Column({ type: 'uuid', nullable: true })
  sampleId: string | null;

  @ManyToOne(() => Sample, { onDelete: 'RESTRICT' })
  sample?: Relation<Sample> | null;

  @Column({ type: 'uuid' })
  createdById: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
