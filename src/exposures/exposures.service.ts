import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import type { CurrentOfficer } from '../auth/current-officer';
import { BadUserInput } from '../common/errors/domain-errors';
import type { FieldError } from '../common/errors/domain-errors';
import { message } from '../common/messages/message';
import { Connection, PageArgs, pageOf, toConnection } from '../common/pagination/connection';
import { isCalendarDay } from '../common/scalars/scalars';
import { Database } from '../database/database';
import type { Loaders } from '../graphql/loaders';
import type { TargetCategoryType } from '../reference/dto/reference.types';
import { ReferenceService } from '../reference/reference.service';
import type { RecordExposureInput } from './dto/exposure.inputs';
import type { ExposedProduct } from './exposed-product.entity';
import type { Exposure } from './exposure.entity';
import { EXPOSURE_CURSOR, ExposuresRepository } from './exposures.repository';

/** Exposures (曝光事件) and their exposed products (被曝光产品). */
@Injectable()
export class ExposuresService {
  constructor(
    private readonly database: Database,
    private readonly exposures: ExposuresRepository,
    private readonly audit: AuditService,
    private readonly reference: ReferenceService,
  ) {}

  async record(input: RecordExposureInput, actor: CurrentOfficer): Promise<Exposure> {
    const snapshot = await this.reference.load();
    const categories = categoriesByCode(input.categoryCodes, snapshot.categoryByCode);
    return this.database.transaction(async (manager) => {
      const exposure = await this.exposures.insert(manager, {
        title: input.title,
        source: input.source,
        exposedOn: input.exposedOn,
        summary: input.summary ?? null,
        reference: input.reference ?? null,
        involvesJurisdiction: input.involvesJurisdiction,
        createdById: actor.id,
      });
      await this.exposures.addCategories(
        manager,
        exposure.id,
        categories.map((category) => category.id),
      );
      const products = await this.exposures.insertProducts(
        manager,
        exposure.id,
        (input.products ?? []).map((product) => ({
          brand: product.brand ?? null,
          productName: product.productName,
          manufacturer: product.manufacturer ?? null,
          batch: product.batch ?? null,
        })),
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
    const page = pageOf(args);
    const cursor = page.cursor ? EXPOSURE_CURSOR.decode(page.cursor, page.cursorArgument) : null;
    // A day of the right shape that is no day of the calendar (2019-02-30) is no cursor either.
    if (cursor && !isCalendarDay(cursor[0]))
      throw BadUserInput.field(page.cursorArgument, message('pagination.badCursor'));
    const manager = this.database.manager;
    const totalCount = await this.exposures.count(manager);
    const rows = await this.exposures.page(manager, page.size + 1, cursor, page.backward);
    return toConnection(rows, page, totalCount, (row) =>
      EXPOSURE_CURSOR.encode([row.exposedOn, row.id]),
    );
  }

  /** The target categories of exposures, batched per request. */
  async categoriesOf(exposureId: string, loaders: Loaders): Promise<TargetCategoryType[]> {
    const [categoryIds, snapshot] = await Promise.all([
      this.exposures.categoryIdsLoader(loaders).load(exposureId),
      this.reference.forRequest(loaders),
    ]);
    return categoryIds
      .map((id) => snapshot.categoryById.get(id))
      .filter((category): category is TargetCategoryType => category !== undefined)
      .sort((a, b) => a.code.localeCompare(b.code));
  }

  /** The exposed products of exposures, batched per request. */
  productsOf(exposureId: string, loaders: Loaders): Promise<ExposedProduct[]> {
    return this.exposures.productsLoader(loaders).load(exposureId);
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
    else
      errors.push({
        path: `${path}[${index}]`,
        message: message('exposures.unknownCategory', { code }),
      });
  });
  if (errors.length) throw new BadUserInput(errors);
  return [...found.values()];
}
