import { Injectable } from '@nestjs/common';
import { NotFound } from '../common/errors/domain-errors';
import { Connection, PageArgs, pageOf, toConnection } from '../common/pagination/connection';
import { cursorCodec } from '../common/pagination/cursor';
import type { Scope } from '../common/scope';
import { Database } from '../database/database';
import type { PremisesFilter } from './dto/premises.inputs';
import type { Premises } from './premises.entity';
import { type PremisesOrder, PremisesRepository } from './premises.repository';

/** premisesList's cursor by name: the (name, id) of an edge. */
const premisesCursor = cursorCodec(['text', 'uuid']);
/** premisesList's cursor by last inspection: (latest inspected_at as stored, id). */
const lastInspectedCursor = cursorCodec(['instant', 'uuid']);

/**
 * Reads of premises (市场主体): search and detail, always within the caller's scope (their
 * jurisdiction), through PremisesRepository.
 */
@Injectable()
export class PremisesService {
  constructor(
    private readonly database: Database,
    private readonly premises: PremisesRepository,
  ) {}

  /** A premises of the scope; outside it, it does not exist (NOT_FOUND). */
  async get(id: string, scope: Scope): Promise<Premises> {
    const premises = await this.premises.findInScope(this.database.manager, scope, id);
    if (!premises) throw new NotFound('Premises', id);
    return premises;
  }

  /** A page of premises in `order` (default by name), ties by id, with the count of all matches. */
  async list(
    filter: PremisesFilter | null | undefined,
    args: PageArgs,
    scope: Scope,
    order?: PremisesOrder | null,
  ): Promise<Connection<Premises>> {
    const page = pageOf(args);
    const codec = order?.field === 'LAST_INSPECTED_AT' ? lastInspectedCursor : premisesCursor;
    const cursor = page.cursor ? codec.decode(page.cursor, page.cursorArgument) : null;
    // Lists may come from the read replica (DATABASE_READ_URL).
    const { rows, totalCount } = await this.database.read((manager) =>
      this.premises.page(
        manager,
        scope,
        filter ?? {},
        cursor,
        page.size + 1,
        order ?? undefined,
        page.backward,
      ),
    );
    return toConnection<Premises>(rows, page, totalCount, (row) =>
      codec.encode([(row as Premises & { sortKey: string }).sortKey, row.id]),
    );
  }
}
