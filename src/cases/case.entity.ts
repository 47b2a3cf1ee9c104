import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export const CASE_STATUSES = ['FILED', 'DECIDED', 'TRANSFERRED', 'CLOSED'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CASE_OUTCOMES = ['PENALTY', 'NO_PENALTY', 'NOT_ESTABLISHED'] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];
export const PENALTY_KINDS = [
  'WARNING',
  'CIRCULATE_CRITICISM',
  'FINE',
  'CONFISCATE_ILLEGAL_GAINS',
  'CONFISCATE_ILLEGAL_PROPERTY',
  'SUSPEND_LICENCE',
  'LOWER_QUALIFICATION',
  'REVOKE_LICENCE',
  'RESTRICT_BUSINESS',
  'SUSPEND_BUSINESS',
  'ORDER_CLOSURE',
  'RESTRICT_EMPLOYMENT',
  'OTHER',
] as const;
export type PenaltyKind = (typeof PENALTY_KINDS)[number];
export const TRANSFER_AUTHORITIES = [
  'POLICE',
  'MARKET_REGULATION',
  'AGRICULTURE',
  'HEALTH',
  'DRUG_ADMINISTRATION',
  'SUPERVISORY_COMMISSION',
  'OTHER',
] as const;
export type TransferAuthority = (typeof TRANSFER_AUTHORITIES)[number];
export const TRANSFER_OUTCOMES = ['PENDING', 'ACCEPTED', 'RETURNED'] as const;
export type TransferOutcome = (typeof TRANSFER_OUTCOMES)[number];

/**
 * 案件: what one 立案 covers — the findings of one party (one premises), one decision for all its
 * violations (合并处罚). Statuses FILED → DECIDED → CLOSED; FILED → CLOSED when decided
 * NOT_ESTABLISHED; TRANSFERRED until the outcome (ACCEPTED → CLOSED; RETURNED → the status it had,
 * kept in `statusBeforeTransfer`). The penalties of 行政处罚法 第九条 keep the fine, the illegal gains
 * (没收违法所得) and the goods confiscated (没收非法财物) apart. `nextDueOn` and `clockDues` are the
 * open clocks' due days, stored on every move so lists sort and filter in SQL.
 */
@Entity('cases')
@Check('cases_status_check', `status IN ('FILED','DECIDED','TRANSFERRED','CLOSED')`)
@Check(
  'cases_money_check',
  `coalesce(fine, 0) >= 0 AND coalesce(illegal_gains, 0) >= 0 AND coalesce(confiscated_goods_value, 0) >= 0`,
)
@Index('cases_case_number_key', ['caseNumber'], { unique: true })
@Index('cases_bureau_next_due_idx', ['bureauId', 'nextDueOn', 'id'])
@Index('cases_premises_idx', ['premisesId'])
export class CaseFile {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 64 })
  caseNumber: string;

  @Column({ type: 'uuid' })
  bureauId: string;

  @Column({ type: 'uuid' })
  premisesId: string;

  /** The sweep of the findings it was opened with. */
  @Column({ type: 'uuid' })
  sweepId: string;

  @Column({ type: 'varchar', length: 16 })
  status: CaseStatus;

  @Column({ type: 'varchar', length: 16, nullable: true })
  statusBeforeTransfer: CaseStatus | null;

  @Column({ type: 'int', default: 1 })
  version: number;

  @Column({ type: 'date' })
  filedOn: string;

  @Column({ type: 'uuid' })
  approvedById: string;

  /** The earliest day its findings were found on: the filing clock's start. */
  @Column({ type: 'date' })
  filingStartedOn: string;

  @Column({ type: 'int', default: 0 })
  penaltyExtendedBy: number;

  @Column({ type: 'uuid', nullable: true })
  penaltyExtensionApprovedById: string | null;

  @Column({ type: 'date', nullable: true })
  collectiveDiscussionOn: string | null;

  @Column({ type: 'date', nullable: true })
  penaltyDueOverride: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  decisionNumber: string | null;

  @Column({ type: 'date', nullable: true })
  decidedOn: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  outcome: CaseOutcome | null;

  @Column({ type: 'varchar', length: 32, array: true, default: () => `'{}'` })
  penalties: PenaltyKind[];

  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true })
  fine: string | null;

  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true })
  illegalGains: string | null;

  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true })
  confiscatedGoodsValue: string | null;

  /**
   * Why a fine is below the statutory minimum (减轻处罚, 行政处罚法 第三十二条), written in the
   * decision; null when none is.
   */
  @Column({ type: 'text', nullable: true })
  mitigationReason: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  transferAuthority: TransferAuthority | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  transferDocumentNumber: string | null;

  @Column({ type: 'date', nullable: true })
  transferReportedOn: string | null;

  @Column({ type: 'date', nullable: true })
  transferApprovedOn: string | null;

  @Column({ type: 'date', nullable: true })
  transferredOn: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  transferOutcome: TransferOutcome | null;

  @Column({ type: 'date', nullable: true })
  transferOutcomeOn: string | null;

  @Column({ type: 'date', nullable: true })
  publishedOn: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  publicationReference: string | null;

  @Column({ type: 'date', nullable: true })
  closedOn: string | null;

  @Column({ type: 'text', nullable: true })
  closeNote: string | null;

  @Column({ type: 'date', nullable: true })
  nextDueOn: string | null;

  /** The due day of each clock not met yet, by kind (CaseClockKind → YYYY-MM-DD). */
  @Column({ type: 'jsonb', default: () => `'{}'` })
  clockDues: Record<string, string>;

  @Column({ type: 'uuid' })
  createdById: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
