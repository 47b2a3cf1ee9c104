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

/** All reference data: a handful of rows, four queries, kept in memory while its version holds. */
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
  /**
   * The last snapshot read and the reference data version it was read at: every request shares
   * it until the version changes (callers never modify a snapshot).
   */
  private cached: { version: string; snapshot: ReferenceSnapshot } | null = null;

  constructor(
    private readonly database: Database,
    private readonly reference: ReferenceRepository,
  ) {}

  /**
   * The snapshot, from the read replica when one is configured (reference data changes only by
   * migration), else from the primary; one statement (the version) while the copy in memory is
   * current, five when it has changed. Inside a transaction pass its manager: taking further
   * pool connections while holding one deadlocks the pool once every connection is held by a
   * writer waiting for another (seen in the benchmark at 32 concurrent logInspection requests).
   */
  load(manager?: EntityManager): Promise<ReferenceSnapshot> {
    if (manager) return this.current(manager);
    return this.database.read((replica) => this.current(replica));
  }

  /**
   * The snapshot at `version`, a version the caller read on `manager` in a statement of its own
   * (`ReferenceRepository.versionSql`): no statement while the copy in memory is of that version.
   * The version must be read before the data, never after: data read after the version can only
   * be newer than it, and a newer version then makes the next caller read it again, whereas data
   * older than its version would stay in memory.
   */
  async atVersion(manager: EntityManager, version: string): Promise<ReferenceSnapshot> {
    if (this.cached?.version === version) return this.cached.snapshot;
    const snapshot = await this.loadWith(manager);
    this.cached = { version, snapshot };
    return snapshot;
  }

  private async current(manager: EntityManager): Promise<ReferenceSnapshot> {
    return this.atVersion(manager, await this.reference.version(manager));
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
    return this.requestLoader(loaders).load('all');
  }

  /**
   * Makes `snapshot` this request's, when the request has not loaded one yet: a mutation that
   * read it in its transaction answers its payload's fields from the data it was checked against.
   */
  primeRequest(loaders: Loaders, snapshot: ReferenceSnapshot): void {
    this.requestLoader(loaders).prime('all', snapshot);
  }

  private requestLoader(loaders: Loaders): DataLoader<'all', ReferenceSnapshot> {
    return loaders.custom(
      'reference',
      () =>
        new DataLoader<'all', ReferenceSnapshot>(async (keys) => {
          const snapshot = await loaders.read((manager) => this.load(manager));
          return keys.map(() => snapshot);
        }),
    );
  }
}
