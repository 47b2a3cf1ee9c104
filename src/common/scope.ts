import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { CurrentOfficer } from '../auth/current-officer';

/**
 * The parameters of one raw SQL statement, numbered as they are added, so that a condition written
 * by one helper never has to know its parameter's position: `params.add(value)` returns `$3`.
 */
export class SqlParameters {
  readonly values: unknown[] = [];

  constructor(...initial: unknown[]) {
    this.values.push(...initial);
  }

  /** Adds a value and returns its placeholder, with a cast when given (`$2::uuid[]`). */
  add(value: unknown, cast?: string): string {
    this.values.push(value);
    return `$${this.values.length}${cast ? `::${cast}` : ''}`;
  }
}

const scopes = new WeakMap<CurrentOfficer, Scope>();

/**
 * A caller's jurisdiction (管辖范围) as a value every read of a jurisdiction-bound record must be
 * given: repositories take it as an argument and apply it themselves, so a query cannot forget it.
 * An officer's scope is their bureau and its descendants; MANAGER and ADMIN see the whole city.
 * The only unrestricted scope that is not an officer's is `Scope.system()`, for jobs that act for
 * no one (migrations' backfills, the demo seed, the alerts listener).
 */
export class Scope {
  private constructor(
    /** Bureau ids the scope covers; null for the whole city. */
    readonly bureauIds: readonly string[] | null,
    /** The officer this scope is of, when it is one's. */
    readonly officer?: CurrentOfficer,
  ) {}

  /** The scope of an officer, built once per officer object (once per request). */
  static of(officer: CurrentOfficer): Scope {
    let scope = scopes.get(officer);
    if (!scope) {
      scope = new Scope(officer.seesEverything ? null : [...officer.jurisdiction], officer);
      scopes.set(officer, scope);
    }
    return scope;
  }

  /** The whole city, for system jobs that act for no officer. Never for a request. */
  static system(): Scope {
    return new Scope(null);
  }

  /** True when the scope is the whole city. */
  get unrestricted(): boolean {
    return this.bureauIds === null;
  }

  /** Whether records of this bureau are inside the scope. */
  covers(bureauId: string): boolean {
    return this.bureauIds === null || this.bureauIds.includes(bureauId);
  }

  /** Limits a query builder to the scope by the record's bureau column (`p.bureau_id`). */
  apply<T extends ObjectLiteral>(
    query: SelectQueryBuilder<T>,
    bureauColumn: string,
  ): SelectQueryBuilder<T> {
    if (this.bureauIds === null) return query;
    return query.andWhere(`${bureauColumn} = ANY(:scopeBureauIds)`, {
      scopeBureauIds: this.bureauIds,
    });
  }

  /** The condition for raw SQL on the record's bureau column, its parameter added to `params`. */
  sql(bureauColumn: string, params: SqlParameters): string {
    if (this.bureauIds === null) return 'TRUE';
    return `${bureauColumn} = ANY(${params.add(this.bureauIds, 'uuid[]')})`;
  }
}
