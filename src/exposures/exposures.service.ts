import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { CurrentOfficer } from '../auth/current-officer';
import { BadUserInput } from '../common/errors/domain-errors';
import type { FieldError } from '../common/errors/domain-errors';
import {
  Connection,
  decodeCursor,
  PageArgs,
  pageSize,
  toConnection,
} from '../common/pagination/connection';
import { groupBy, Loaders } from '../graphql/loaders';
import type { TargetCategoryType } from '../reference/dto/reference.types';
import { ReferenceService } from '../reference/reference.service';
import type { RecordExposureInput } from './dto/exposure.inputs';
import { ExposedProduct } from './exposed-product.entity';
import { Exposure } from './exposure.entity';

/** Exposures (曝光事件) and their exposed products (被曝光产品). */
@Injectable()
export class ExposuresService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly reference: ReferenceService,
  ) {}

  async record(input: RecordExposureInput, actor: CurrentOfficer): Promise<Exposure> {
    const snapshot = await this.reference.load();
    const categories = categoriesByCode(input.categoryCodes, snapshot.categoryByCode);
    return this.dataSource.transaction(async (manager) => {
      const exposure = await manager.save(
        manager.create(Exposure, {
          title: input.title,
          source: input.source,
          exposedOn: input.exposedOn,
          summary: input.summary ?? null,
          reference: input.reference ?? null,
          involvesJurisdiction: input.involvesJurisdiction,
          createdById: actor.id,
        }),
      );
      await manager
        .createQueryBuilder()
        .relation(Exposure, 'categories')
        .of(exposure.id)
        .add(categories.map((category) => category.id));
      const products = await manager.save(
        (input.products ?? []).map((product) =>
          manager.create(ExposedProduct, {
            exposureId: exposure.id,
            brand: product.brand ?? null,
            productName: product.productName,
            manufacturer: product.manufacturer ?? null,
            batch: product.batch ?? null,
          }),
        ),
      );
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'RECORD',
        entityType: 'Exposure',
        entityId: exposure.id,
        after: {
          ...exposure,
          categoryCodes: categories.map((category) => category.code),
          products,
        },
        requestId: actor.requestId,
      });
      return exposure;
    });
  }

  /** Newest exposedOn first, then by id, with a keyset cursor on (exposedOn, id). */
  async list(args: PageArgs): Promise<Connection<Exposure>> {
    const first = pageSize(args);
    const query = this.dataSource.getRepository(Exposure).createQueryBuilder('e');
    const totalCount = await query.getCount();
    if (args.after) {
      const [exposedOn, id] = decodeCursor(args.after, 2);
      if (typeof exposedOn !== 'string' || typeof id !== 'string')
        throw BadUserInput.field('after', 'is not a cursor of this list');
      query.andWhere('(e.exposed_on, e.id) < (:exposedOn::date, :id::uuid)', { exposedOn, id });
    }
    const rows = await query
      .orderBy('e.exposed_on', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .limit(first + 1)
      .getMany();
    return toConnection(rows, first, totalCount, (row) => [row.exposedOn, row.id]);
  }

  /** The target categories of exposures, batched per request. */
  async categoriesOf(exposureId: string, loaders: Loaders): Promise<TargetCategoryType[]> {
    const [categoryIds, snapshot] = await Promise.all([
      loaders
        .custom('categoryIdsByExposure', () =>
          joinTableLoader(this.dataSource, 'exposure_categories', 'exposure_id', 'category_id'),
        )
        .load(exposureId),
      this.reference.forRequest(loaders),
    ]);
    return categoryIds
      .map((id) => snapshot.categoryById.get(id))
      .filter((category): category is TargetCategoryType => category !== undefined)
      .sort((a, b) => a.code.localeCompare(b.code));
  }

  /** The exposed products of exposures, batched per request. */
  productsOf(exposureId: string, loaders: Loaders): Promise<ExposedProduct[]> {
    return loaders
      .custom(
        'productsByExposure',
        () =>
          new DataLoader<string, ExposedProduct[]>(async (ids) => {
            const rows = await this.dataSource.getRepository(ExposedProduct).find({
              where: { exposureId: In([...ids]) },
              order: { productName: 'ASC', id: 'ASC' },
            });
            return groupBy(ids, rows, (row) => row.exposureId);
          }),
      )
      .load(exposureId);
  }

  /** Ids of the sweeps each exposure triggered, batched per request. */
  sweepIdsOf(exposureId: string, loaders: Loaders): Promise<string[]> {
    return loaders
      .custom('sweepIdsByExposure', () =>
        joinTableLoader(this.dataSource, 'sweep_exposures', 'exposure_id', 'sweep_id'),
      )
      .load(exposureId);
  }
}

/**
 * Categories for codes, in the order given; every unknown code is reported with its path
 * (`input.categoryCodes[1]`). Duplicates count once.
 */
export function categoriesByCode(
  codes: string[],
  byCode: Map<string, TargetCategoryType>,
  path = 'input.categoryCodes',
): TargetCategoryType[] {
  const errors: FieldError[] = [];
  const found = new Map<string, TargetCategoryType>();
  codes.forEach((code, index) => {
    const category = byCode.get(code);
    if (category) found.set(category.id, category);
    else errors.push({ path: `${path}[${index}]`, message: `unknown target category ${code}` });
  });
  if (errors.length) throw new BadUserInput(errors);
  return [...found.values()];
}

/**
 * A loader from one column of a many-to-many join table to the other: one query per batch.
 * Table and column names are constants of the caller, never user input.
 */
export function joinTableLoader(
  dataSource: DataSource,
  table: string,
  fromColumn: string,
  toColumn: string,
): DataLoader<string, string[]> {
  return new DataLoader<string, string[]>(async (ids) => {
    const rows = await dataSource.query<{ from_id: string; to_id: string }[]>(
      `SELECT ${fromColumn} AS from_id, ${toColumn} AS to_id FROM ${table} WHERE ${fromColumn} = ANY($1::uuid[])`,
      [[...ids]],
    );
    return groupBy(ids, rows, (row) => row.from_id).map((group) => group.map((row) => row.to_id));
  });
}
