import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * The tables whose rows are Node records, by GraphQL type. UUIDs are unique across them, so one
 * id names at most one row of one table.
 */
export const NODE_TABLES = {
  Bureau: 'bureaus',
  Case: 'cases',
  ConflictOfInterestDeclaration: 'conflict_of_interest_declarations',
  CompulsoryMeasure: 'compulsory_measures',
  Clue: 'clues',
  ExposedProduct: 'exposed_products',
  Exposure: 'exposures',
  Finding: 'findings',
  FollowUp: 'follow_ups',
  Inspection: 'inspections',
  InspectionPlan: 'inspection_plans',
  Officer: 'officers',
  Premises: 'premises',
  Sample: 'samples',
  Sweep: 'sweeps',
  TargetCategory: 'target_categories',
} as const;

export type NodeType = keyof typeof NODE_TABLES;

/**
 * Which table an id is a row of, for node(id:)/nodes(ids:). Report SQL across areas in one
 * statement on purpose (docs/architecture.md): one UNION ALL of primary-key probes answers the
 * type of every id asked at once, instead of trying each area's table in turn. It reads only ids:
 * whether the caller may see the record is the area's loader's to say (with its scope).
 */
@Injectable()
export class NodeRepository {
  async typesOf(manager: EntityManager, ids: readonly string[]): Promise<Map<string, NodeType>> {
    if (ids.length === 0) return new Map();
    const rows = await manager.query<{ id: string; type: NodeType }[]>(
      Object.entries(NODE_TABLES)
        .map(
          ([type, table]) =>
            `SELECT id, '${type}' AS type FROM ${table} WHERE id = ANY($1::uuid[])`,
        )
        .join('\n UNION ALL '),
      [[...new Set(ids)]],
    );
    return new Map(rows.map((row) => [row.id, row.type]));
  }
}
