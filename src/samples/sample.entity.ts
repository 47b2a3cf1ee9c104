import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Relation,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { Inspection } from '../inspections/inspection.entity';
import { Officer } from '../officers/officer.entity';
import { productLotCheck, type ProductLot } from '../products/product-lot';

export const SAMPLE_METHODS = ['RAPID_TEST', 'LAB_TEST'] as const;
export type SampleMethod = (typeof SAMPLE_METHODS)[number];
export const SAMPLE_RESULTS = ['PASS', 'FAIL'] as const;
export type SampleResult = (typeof SAMPLE_RESULTS)[number];

/** One item a sample failed (不合格项目): what was measured against which limit. */
export interface FailedItem {
  item: string;
  measured: string;
  limit: string;
  unit: string | null;
}

/**
 * 抽样检验 / 快检: a sample taken on an inspection, tested on site (RAPID_TEST, 快检) or by a lab
 * (LAB_TEST, 抽检; 市场监督管理行政处罚程序规定 第二十一条: 抽样取证, 第十八条第二款: the testing
 * period is not counted in the filing clock). Sweep, bureau, premises and category are copied
 * from the inspection (they never change), so scope and figures need no join. A sample recorded
 * in error (on the wrong inspection, or twice) is never deleted: a head of its bureau voids it
 * (作废) with a reason, and it leaves the samples list and the figures.
 */
@Entity('samples')
@Unique('samples_bureau_sample_number_key', ['bureauId', 'sampleNumber'])
@Index('samples_inspection_id_idx', ['inspectionId'])
@Index('samples_sweep_bureau_idx', ['sweepId', 'bureauId'])
// The samples list's order (TAKEN_ON), whole city and per bureau.
@Index('samples_taken_on_idx', ['takenOn', 'id'])
@Index('samples_bureau_taken_idx', ['bureauId', 'takenOn', 'id'])
@Check('samples_method_check', `method IN ('RAPID_TEST','LAB_TEST')`)
@Check('samples_result_check', `result IN ('PASS','FAIL')`)
@Check('samples_product_check', productLotCheck('product'))
@Check('samples_lab_check', `method <> 'LAB_TEST' OR lab_name IS NOT NULL`)
@Check(
  'samples_report_check',
  `(result IS NULL) = (reported_on IS NULL) AND (method <> 'LAB_TEST' OR (result IS NULL) = (report_number IS NULL))`,
)
@Check('samples_rapid_result_check', `method <> 'RAPID_TEST' OR result IS NOT NULL`)
@Check('samples_reported_on_check', `reported_on >= taken_on`)
@Check(
  'samples_failed_items_check',
  `jsonb_typeof(failed_items) = 'array' AND (coalesce(result, '') = 'FAIL') = (jsonb_array_length(failed_items) > 0)`,
)
@Check(
  'samples_void_check',
  `voided = (void_reason IS NOT NULL AND voided_at IS NOT NULL AND voided_by_id IS NOT NULL)`,
)
export class Sample {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  inspectionId: string;

  @ManyToOne(() => Inspection, { onDelete: 'RESTRICT' })
  inspection?: Relation<Inspection>;

  @Column({ type: 'uuid' })
  sweepId: string;

  /** The premises' bureau, as the inspection's: scope and figures. */
  @Column({ type: 'uuid' })
  bureauId: string;

  @Column({ type: 'uuid' })
  premisesId: string;

  @Column({ type: 'uuid' })
  categoryId: string;

  @Column({ type: 'varchar', length: 16 })
  method: SampleMethod;

  /** 抽样单编号, unique per bureau. */
  @Column({ type: 'varchar', length: 64 })
  sampleNumber: string;

  @Column({ type: 'jsonb' })
  product: ProductLot;

  /** 抽样日期 (Asia/Shanghai day). */
  @Column({ type: 'date' })
  takenOn: string;

  /** 检验机构 of a LAB_TEST. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  labName: string | null;

  /** 检验报告编号. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  reportNumber: string | null;

  /** The day the result came back (a rapid test: the day taken). */
  @Column({ type: 'date', nullable: true })
  reportedOn: string | null;

  @Column({ type: 'varchar', length: 8, nullable: true })
  result: SampleResult | null;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  failedItems: FailedItem[];

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'int', default: 1 })
  version: number;

  /** 作废: recorded in error; out of the samples list and the figures, kept on its inspection. */
  @Column({ type: 'boolean', default: false })
  voided: boolean;

  @Column({ type: 'varchar', length: 500, nullable: true })
  voidReason: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  voidedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  voidedById: string | null;

  @ManyToOne(() => Officer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'voided_by_id', foreignKeyConstraintName: 'samples_voided_by_fk' })
  voidedBy?: Relation<Officer>;

  @Column({ type: 'uuid' })
  recordedById: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
