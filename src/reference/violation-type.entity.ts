import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

export const SEVERITIES = ['MINOR', 'MAJOR', 'CRITICAL'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** 问题类型: a kind of violation with its default severity and legal basis. */
@Entity('violation_types')
@Check(
  'violation_types_default_severity_check',
  `default_severity IN ('MINOR', 'MAJOR', 'CRITICAL')`,
)
export class ViolationType {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  code: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  defaultSeverity: Severity;

  @Column({ type: 'text' })
  legalBasis: string;
}
