import { Injectable } from '@nestjs/common';
import { NotFound } from '../common/errors/domain-errors';
import { Connection, PageArgs, pageSize, toConnection } from '../common/pagination/connection';
import { cursorCodec } from '../common/pagination/cursor';
import type { Scope } from '../common/scope';
import { Database } from '../database/database';
import type { PremisesFilter } from './dto/premises.inputs';
import type { Premises } from './premises.entity';
import { PremisesRepository } from './premises.repository';

/** premisesList's cursor: the (name, id) of the last edge. */
const premisesCursor = cursorCodec(['text', 'uuid']);

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

  /** A page of premises ordered by (name, id), with the total count of all matches. */
  async list(
    filter: PremisesFilter | null | undefined,
    page: PageArgs,
    scope: Scope,
  ): Promise<Connection<Premises>> {
    const first = pageSize(page);
    const after = page.after ? premisesCursor.decode(page.after) : null;
    // Lists may come from the read replica (DATABASE_READ_URL).
    const { rows, totalCount } = await this.database.read((manager) =>
      this.premises.page(manager, scope, filter ?? {}, after, first + 1),
    );
    return toConnection(rows, first, totalCount, (row) =>
      premisesCursor.encode([row.name, row.id]),
    );
  }
}
