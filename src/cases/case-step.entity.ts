import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const CASE_STEPS = [
  'NOTIFIED',
  'HEARING_REQUESTED',
  'HEARING_HELD',
  'SERVED',
  'PAID',
  'ENFORCEMENT_APPLIED',
] as const;
export type CaseStepKind = (typeof CASE_STEPS)[number];

/** A step after a case decision: 告知, hearing requested and held, 送达, payment, 申请强制执行. */
@Entity('case_steps')
@Check(
  'case_steps_step_check',
  `step IN ('NOTIFIED','HEARING_REQUESTED','HEARING_HELD','SERVED','PAID','ENFORCEMENT_APPLIED')`,
)
@Check('case_steps_amount_check', `coalesce(amount, 0) >= 0`)
@Index('case_steps_case_id_idx', ['caseId', 'on'])
export class CaseStepRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  caseId: string;

  @Column({ type: 'varchar', length: 24 })
  step: CaseStepKind;

  @Column({ type: 'date' })
  on: string;

  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true })
  amount: string | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'uuid' })
  officerId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  recordedAt: Date;
}
