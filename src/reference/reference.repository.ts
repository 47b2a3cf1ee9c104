import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ChecklistItem } from './checklist-item.entity';
import { LegalBasis } from './legal-basis.entity';
import { TargetCategory } from './target-category.entity';
import { ViolationType } from './violation-type.entity';

/**
 * Every SQL statement on the reference data: target categories (整治对象类别), their checklists,
 * violation types (问题类型) and legal bases (法律依据). Reference data is the same for every officer: no scope.
 */
@Injectable()
export class ReferenceRepository {
  /**
   * The version of the reference data as SQL, to fold into a statement sent anyway: it changes
   * with every statement that changes these tables (migration 1796000100000-ReferenceDataVersion).
   */
  static readonly versionSql = '(SELECT version FROM reference_data_version)';

  /** The version of the reference data now. */
  async version(manager: EntityManager): Promise<string> {
    const [row] = await manager.query<{ version: string }[]>(
      `SELECT ${ReferenceRepository.versionSql} AS version`,
    );
    return row.version;
  }

  /** Every target category, by code. */
  categories(manager: EntityManager): Promise<TargetCategory[]> {
    return manager.find(TargetCategory, { order: { code: 'ASC' } });
  }

  /** Every checklist item of every category, by position, then code. */
  checklistItems(manager: EntityManager): Promise<ChecklistItem[]> {
    return manager.find(ChecklistItem, { order: { position: 'ASC', code: 'ASC' } });
  }

  /** Every legal basis (法律依据), newest first within a subject. */
  legalBases(manager: EntityManager): Promise<LegalBasis[]> {
    return manager.find(LegalBasis, { order: { validFrom: 'DESC', id: 'ASC' } });
  }

  /** Every violation type, by code. */
  violationTypes(manager: EntityManager): Promise<ViolationType[]> {
    return manager.find(ViolationType, { order: { code: 'ASC' } });
  }
}
