import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * 法律依据: the provision a violation is punished under, with the days it is in force, so that a
 * finding cites the law of its own day. Either of a checklist item (检查要点, by its code) or, as
 * the default, of a violation type (问题类型).
 */
@Entity('legal_bases')
@Check(
  'legal_bases_subject_check',
  `checklist_item_code IS NOT NULL OR violation_type_code IS NOT NULL`,
)
@Check('legal_bases_validity_check', `valid_until IS NULL OR valid_until >= valid_from`)
@Index('legal_bases_violation_type_idx', ['violationTypeCode'])
@Index('legal_bases_checklist_item_idx', ['checklistItemCode'])
export class LegalBasis {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The checklist item it applies to (SFP-01…); null for a violation type's default. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  checklistItemCode: string | null;

  /** The violation type it is the default of; null for a checklist item's own basis. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  violationTypeCode: string | null;

  /** The provision, e.g. 《农药管理条例》第二十六条、第二十七条. */
  @Column({ type: 'text' })
  basis: string;

  /** The authority that enforces it when it is not market regulation (e.g. 农业农村主管部门). */
  @Column({ type: 'varchar', length: 100, nullable: true })
  authority: string | null;

  /** First day in force. */
  @Column({ type: 'date' })
  validFrom: string;

  /** Last day in force; null while it is. */
  @Column({ type: 'date', nullable: true })
  validUntil: string | null;
}
