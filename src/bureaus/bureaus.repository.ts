import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { In, type EntityManager } from 'typeorm';
import type { Loaders } from '../graphql/loaders';
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
