import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { DataSource, EntityManager } from 'typeorm';
import type { Loaders } from '../graphql/loaders';
import type {
  ChecklistItemType,
  TargetCategoryType,
  ViolationTypeType,
} from './dto/reference.types';
import { ChecklistItem } from './checklist-item.entity';
import { TargetCategory } from './target-category.entity';
import { ViolationType } from './violation-type.entity';

/** All reference data, read once per request: a handful of rows, three queries. */
export interface ReferenceSnapshot {
  categories: TargetCategoryType[];
  categoryById: Map<string, TargetCategoryType>;
  categoryByCode: Map<string, TargetCategoryType>;
  violationTypes: ViolationTypeType[];
  violationTypeByCode: Map<string, ViolationTypeType>;
}

@Injectable()
export class ReferenceService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Reads the reference data. Inside a transaction pass its manager: taking further pool
   * connections while holding one deadlocks the pool once every connection is held by a writer
   * waiting for another (seen in the benchmark at 32 concurrent logInspection requests).
   */
  async load(manager: EntityManager = this.dataSource.manager): Promise<ReferenceSnapshot> {
    const [categories, items, violationTypes] = await Promise.all([
      manager.getRepository(TargetCategory).find({ order: { code: 'ASC' } }),
      manager.getRepository(ChecklistItem).find({ order: { position: 'ASC', code: 'ASC' } }),
      manager.getRepository(ViolationType).find({ order: { code: 'ASC' } }),
    ]);
    const violationTypeByCode = new Map<string, ViolationTypeType>(
      violationTypes.map((type) => [type.code, type]),
    );
    const categoryTypes: TargetCategoryType[] = categories.map((category) => ({
      id: category.id,
      code: category.code,
      name: category.name,
      premisesKinds: category.premisesKinds,
      checklist: items
        .filter((item) => item.categoryId === category.id)
        .map((item): ChecklistItemType => ({
          code: item.code,
          question: item.question,
          failViolationType: violationTypeByCode.get(
            item.failViolationTypeCode,
          ) as ViolationTypeType,
        })),
    }));
    return {
      categories: categoryTypes,
      categoryById: new Map(categoryTypes.map((category) => [category.id, category])),
      categoryByCode: new Map(categoryTypes.map((category) => [category.code, category])),
      violationTypes,
      violationTypeByCode,
    };
  }

  /** The snapshot of this request, loaded on first use. */
  forRequest(loaders: Loaders): Promise<ReferenceSnapshot> {
    return loaders
      .custom(
        'reference',
        () =>
          new DataLoader<'all', ReferenceSnapshot>(async (keys) => {
            const snapshot = await this.load();
            return keys.map(() => snapshot);
          }),
      )
      .load('all');
  }
}
