import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { In, type EntityManager } from 'typeorm';
import { keyset, type SortKey } from '../common/pagination/connection';
import { cursorCodec } from '../common/pagination/cursor';
import { groupBy, type Loaders } from '../graphql/loaders';
import { ExposedProduct } from './exposed-product.entity';
import { Exposure, type ExposureSource } from './exposure.entity';

/** The cursor of the exposures list: the sort key (exposedOn, id) of an edge. */
export const EXPOSURE_CURSOR = cursorCodec(['day', 'uuid']);

/** The order of the exposures list (its cursor's keys). */
const EXPOSURE_ORDER: SortKey[] = [
  { sql: 'e.exposed_on', descending: true },
  { sql: 'e.id', descending: true },
];

/** An exposure to insert. */
export interface NewExposure {
  title: string;
  source: ExposureSource;
  exposedOn: string;
  summary: string | null;
  reference: string | null;
  involvesJurisdiction: boolean;
  createdById: string;
}

/** An exposed product to insert. */
export interface NewExposedProduct {
  brand: string | null;
  productName: string;
  manufacturer: string | null;
  batch: string | null;
}

/**
 * Every SQL statement on exposures (曝光事件), their categories and their exposed products.
 * Exposures are public cases, the same for every officer: no read here takes a scope.
 */
@Injectable()
export class ExposuresRepository {
  insert(manager: EntityManager, exposure: NewExposure): Promise<Exposure> {
    return manager.save(manager.create(Exposure, exposure));
  }

  async addCategories(
    manager: EntityManager,
    exposureId: string,
    categoryIds: readonly string[],
  ): Promise<void> {
    await manager
      .createQueryBuilder()
      .relation(Exposure, 'categories')
      .of(exposureId)
      .add([...categoryIds]);
  }

  insertProducts(
    manager: EntityManager,
    exposureId: string,
    products: readonly NewExposedProduct[],
  ): Promise<ExposedProduct[]> {
    return manager.save(
      products.map((product) => manager.create(ExposedProduct, { ...product, exposureId })),
    );
  }

  /** Those of `ids` that are exposures. */
  async knownIds(manager: EntityManager, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await manager.find(Exposure, {
      select: { id: true },
      where: { id: In([...ids]) },
    });
    return new Set(rows.map((row) => row.id));
  }

  /** The first exposure of this source and title on that day, if any: for the demo seed. */
  async idForSystem(
    manager: EntityManager,
    exposure: { source: string; title: string; exposedOn: string },
  ): Promise<string | null> {
    const [row] = await manager.query<{ id: string }[]>(
      `SELECT id FROM exposures WHERE source = $1 AND title = $2 AND exposed_on = $3::date
        ORDER BY created_at, id LIMIT 1`,
      [exposure.source, exposure.title, exposure.exposedOn],
    );
    return row?.id ?? null;
  }

  count(manager: EntityManager): Promise<number> {
    return manager.count(Exposure);
  }

  /**
   * Up to `limit` exposures, newest exposedOn first, then by id descending, after the edge whose
   * sort key is `cursor` (a decoded EXPOSURE_CURSOR); `backward`: in the reverse order, before it.
   */
  page(
    manager: EntityManager,
    limit: number,
    cursor: readonly [exposedOn: string, id: string] | null,
    backward = false,
  ): Promise<Exposure[]> {
    const order = keyset(EXPOSURE_ORDER, backward);
    const query = manager.createQueryBuilder(Exposure, 'e');
    if (cursor) {
      query.andWhere(order.after([':exposedOn::date', ':id::uuid']), {
        exposedOn: cursor[0],
        id: cursor[1],
      });
    }
    return query
      .orderBy('e.exposed_on', order.directions[0])
      .addOrderBy('e.id', order.directions[1])
      .limit(limit)
      .getMany();
  }

  /** Exposures by id for this request (one query per tick), read as the request's loaders read. */
  exposureLoader(loaders: Loaders): DataLoader<string, Exposure | undefined> {
    return loaders.custom(
      'exposures.byId',
      () =>
        new DataLoader<string, Exposure | undefined>(async (ids) => {
          const rows = await loaders.read((manager) =>
            manager.findBy(Exposure, { id: In([...ids]) }),
          );
          const byId = new Map(rows.map((row) => [row.id, row]));
          return ids.map((id) => byId.get(id));
        }),
    );
  }

  /** Exposed products by id for this request (one query per tick). */
  exposedProductLoader(loaders: Loaders): DataLoader<string, ExposedProduct | undefined> {
    return loaders.custom(
      'exposures.productById',
      () =>
        new DataLoader<string, ExposedProduct | undefined>(async (ids) => {
          const rows = await loaders.read((manager) =>
            manager.findBy(ExposedProduct, { id: In([...ids]) }),
          );
          const byId = new Map(rows.map((row) => [row.id, row]));
          return ids.map((id) => byId.get(id));
        }),
    );
  }

  /** The exposed products of each exposure, by product name, for this request. */
  productsLoader(loaders: Loaders): DataLoader<string, ExposedProduct[]> {
    return loaders.custom(
      'exposures.productsByExposure',
      () =>
        new DataLoader<string, ExposedProduct[]>(async (ids) => {
          const rows = await loaders.read((manager) =>
            manager.find(ExposedProduct, {
              where: { exposureId: In([...ids]) },
              order: { productName: 'ASC', id: 'ASC' },
            }),
          );
          return groupBy(ids, rows, (row) => row.exposureId);
        }),
    );
  }

  /** The ids of the target categories of each exposure, for this request. */
  categoryIdsLoader(loaders: Loaders): DataLoader<string, string[]> {
    return loaders.custom(
      'exposures.categoryIdsByExposure',
      () =>
        new DataLoader<string, string[]>(async (ids) => {
          const rows = await loaders.read((manager) =>
            manager.query<{ exposure_id: string; category_id: string }[]>(
              `SELECT exposure_id, category_id FROM exposure_categories WHERE exposure_id = ANY($1::uuid[])`,
              [[...ids]],
            ),
          );
          return groupBy(ids, rows, (row) => row.exposure_id).map((group) =>
            group.map((row) => row.category_id),
          );
        }),
    );
  }
}
