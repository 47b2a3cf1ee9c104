import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { In, type EntityManager } from 'typeorm';
import type { Loaders } from '../graphql/loaders';
import { subtreeOf } from './bureau-tree';
import { Bureau, type BureauKind } from './bureau.entity';

/** A bureau to insert. */
export interface NewBureau {
  code: string;
  name: string;
  kind: BureauKind;
  divisionCode: string;
  parentId: string | null;
}

/**
 * Every SQL statement on bureaus (执法单位). Bureaus are not jurisdiction-bound: their names and
 * the tree are known to every officer, so no read here takes a scope.
 */
@Injectable()
export class BureausRepository {
  /** The whole tree, the municipal bureau first, then sub-bureaus, then county bureaus, by code. */
  list(manager: EntityManager): Promise<Bureau[]> {
    return manager
      .createQueryBuilder(Bureau, 'b')
      .orderBy(`CASE b.kind WHEN 'MUNICIPAL' THEN 0 WHEN 'SUB_BUREAU' THEN 1 ELSE 2 END`)
      .addOrderBy('b.code')
      .getMany();
  }

  exists(manager: EntityManager, id: string): Promise<boolean> {
    return manager.existsBy(Bureau, { id });
  }

  /** The bureau, or null. */
  findById(manager: EntityManager, id: string): Promise<Bureau | null> {
    return manager.findOneBy(Bureau, { id });
  }

  /** Bureaus by id, in no particular order; unknown ids are left out. */
  findByIds(manager: EntityManager, ids: readonly string[]): Promise<Bureau[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return manager.findBy(Bureau, { id: In([...ids]) });
  }

  /** The bureau of this code (机构代码), or null. */
  findByCode(manager: EntityManager, code: string): Promise<Bureau | null> {
    return manager.findOneBy(Bureau, { code });
  }

  /** Those of `ids` that are bureaus. */
  async knownIds(manager: EntityManager, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await manager.find(Bureau, { select: { id: true }, where: { id: In([...ids]) } });
    return new Set(rows.map((row) => row.id));
  }

  /** Bureau ids by code, for the codes that exist. */
  async idsByCode(manager: EntityManager, codes: readonly string[]): Promise<Map<string, string>> {
    const rows = await manager.query<{ id: string; code: string }[]>(
      `SELECT id, code FROM bureaus WHERE code = ANY($1::text[])`,
      [[...codes]],
    );
    return new Map(rows.map((row) => [row.code, row.id]));
  }

  /** The ids of a bureau and all its descendants (its jurisdiction). */
  async subtreeIds(manager: EntityManager, id: string): Promise<string[]> {
    const rows = await manager.query<{ id: string }[]>(
      `SELECT id FROM bureaus WHERE id IN ${subtreeOf('$1')}`,
      [id],
    );
    return rows.map((row) => row.id);
  }

  /** Whether the tree has its root already. */
  municipalExists(manager: EntityManager): Promise<boolean> {
    return manager.existsBy(Bureau, { kind: 'MUNICIPAL' });
  }

  insert(manager: EntityManager, bureau: NewBureau): Promise<Bureau> {
    return manager.save(manager.create(Bureau, bureau));
  }

  /** Bureaus by id for this request (one query per tick), read as the request's loaders read. */
  bureauLoader(loaders: Loaders): DataLoader<string, Bureau | undefined> {
    return loaders.custom(
      'bureaus.byId',
      () =>
        new DataLoader<string, Bureau | undefined>(async (ids) => {
          const rows = await loaders.read((manager) =>
            manager.findBy(Bureau, { id: In([...ids]) }),
          );
          const byId = new Map(rows.map((row) => [row.id, row]));
          return ids.map((id) => byId.get(id));
        }),
    );
  }
}
