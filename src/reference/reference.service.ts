import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { Database } from '../database/database';
import type { Loaders } from '../graphql/loaders';
import type {
  ChecklistItemType,
  TargetCategoryType,
  ViolationTypeType,
} from './dto/reference.types';
import type { LegalBasisRecord } from './legal-bases';
import { ReferenceRepository } from './reference.repository';

/** All reference data, read once per request: a handful of rows, four queries. */
export interface ReferenceSnapshot {
  legalBases: LegalBasisRecord[];
  categories: TargetCategoryType[];
  categoryById: Map<string, TargetCategoryType>;
  categoryByCode: Map<string, TargetCategoryType>;
  violationTypes: ViolationTypeType[];
  violationTypeByCode: Map<string, ViolationTypeType>;
}

@Injectable()
export class ReferenceService {
  constructor(
    private readonly database: Database,
    private readonly reference: ReferenceRepository,
  ) {}

  /**
   * Reads the snapshot from the read replica when one is configured (reference data changes only
   * by migration), else from the primary. Inside a transaction pass its manager: taking further
   * pool connections while holding one deadlocks the pool once every connection is held by a
   * writer waiting for another (seen in the benchmark at 32 concurrent logInspection requests).
   */
  load(manager?: EntityManager): Promise<ReferenceSnapshot> {
    if (manager) return this.loadWith(manager);
    return this.database.read((replica) => this.loadWith(replica));
  }

  private async loadWith(manager: EntityManager): Promise<ReferenceSnapshot> {
    // One connection runs its statements one after another; no Promise.all on a single runner.
    const categories = await this.reference.categories(manager);
    const items = await this.reference.checklistItems(manager);
    const violationTypes = await this.reference.violationTypes(manager);
    const legalBases = await this.reference.legalBases(manager);
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
      legalBases,
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
            const snapshot = await loaders.read((manager) => this.load(manager));
            return keys.map(() => snapshot);
          }),
      )
      .load('all');
  }
}
