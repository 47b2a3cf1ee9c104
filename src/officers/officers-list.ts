import {
  type Connection,
  type PageArgs,
  pageOf,
  toConnection,
} from '../common/pagination/connection';
import { cursorCodec } from '../common/pagination/cursor';
import type { Scope } from '../common/scope';
import type { Database } from '../database/database';
import type { Officer } from './officer.entity';
import type { OfficerListFilter, OfficersRepository } from './officers.repository';

/** The cursor of officer lists: the (name, id) of an edge. */
export const OFFICERS_CURSOR = cursorCodec(['text', 'uuid']);

/**
 * A page of officers of the scope, by name then id, as `officers` and `Bureau.officers` list them.
 * A read with no rule of its own beyond the scope, kept beside the resolvers (the officers service
 * holds the account rules).
 */
export async function listOfficers(
  database: Database,
  repository: OfficersRepository,
  scope: Scope,
  filter: OfficerListFilter,
  args: PageArgs,
): Promise<Connection<Officer>> {
  const page = pageOf(args);
  const cursor = page.cursor ? OFFICERS_CURSOR.decode(page.cursor, page.cursorArgument) : null;
  const { rows, totalCount } = await database.read((manager) =>
    repository.page(manager, scope, filter, cursor, page.size + 1, page.backward),
  );
  return toConnection(rows, page, totalCount, (row) => OFFICERS_CURSOR.encode([row.name, row.id]));
}
