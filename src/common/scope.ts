import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { CurrentOfficer } from '../auth/current-officer';

/**
 * Scope in one place: limits a query to the officer's jurisdiction (管辖范围) by the given bureau
 * column. Managers and admins see everything. Every read of a jurisdiction-bound record goes
 * through here, so a record outside it is simply not found.
 */
export function withinJurisdiction<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  bureauColumn: string,
  officer: CurrentOfficer,
): SelectQueryBuilder<T> {
  if (officer.seesEverything) return query;
  return query.andWhere(`${bureauColumn} = ANY(:jurisdiction)`, {
    jurisdiction: officer.jurisdiction,
  });
}

/** The same rule for raw SQL: a condition and its parameter, or TRUE for managers. */
export function jurisdictionSql(
  bureauColumn: string,
  officer: CurrentOfficer,
  parameterIndex: number,
): { sql: string; parameters: unknown[] } {
  if (officer.seesEverything) return { sql: 'TRUE', parameters: [] };
  return {
    sql: `${bureauColumn} = ANY($${parameterIndex}::uuid[])`,
    parameters: [officer.jurisdiction],
  };
}
