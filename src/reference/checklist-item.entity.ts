import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { TargetCategory } from './target-category.entity';
import { ViolationType } from './violation-type.entity';

/** 检查要点: one question of a category's checklist; a FAIL points to a violation type. */
@Entity('checklist_items')
@Index('checklist_items_category_code_key', ['categoryId', 'code'], { unique: true })
export class ChecklistItem {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  categoryId: string;

  @ManyToOne(() => TargetCategory, (category) => category.checklist, { onDelete: 'CASCADE' })
  category?: Relation<TargetCategory>;

  @Column({ type: 'varchar', length: 64 })
  code: string;

  @Column({ type: 'text' })
  question: string;

  @Column({ type: 'varchar', length: 64 })
  failViolationTypeCode: string;

  @ManyToOne(() => ViolationType, { onDelete: 'RESTRICT' })
  failViolationType?: Relation<ViolationType>;

  @Column({ type: 'int' })
  position: number;
}
