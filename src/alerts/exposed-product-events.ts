import { isUUID } from 'class-validator';
import type { EntityManager } from 'typeorm';

/**
 * The PostgreSQL NOTIFY channel of 发现被曝光产品 (a finding tied to an exposed product). Every
 * instance of the service LISTENs on it, so an alert reaches managers on whichever instance their
 * dashboard is connected to.
 */
export const EXPOSED_PRODUCT_CHANNEL = 'exposed_product_found';

/** What travels through NOTIFY: ids only, far below PostgreSQL's 8000-byte payload limit. */
export interface ExposedProductEvent {
  findingId: string;
  /** The finding's bureau (the premises' responsible bureau), for scope checks without a query. */
  bureauId: string;
}

/**
 * Queues one notification per finding in the caller's transaction. PostgreSQL delivers them only
 * when that transaction commits, so a rolled-back or refused write never alerts anyone.
 */
export async function notifyExposedProductsFound(
  manager: EntityManager,
  events: ExposedProductEvent[],
): Promise<void> {
  if (events.length === 0) return;
  await manager.query(`SELECT pg_notify($1, payload) FROM unnest($2::text[]) AS payload`, [
    EXPOSED_PRODUCT_CHANNEL,
    events.map((event) => JSON.stringify(event)),
  ]);
}

/** Reads a notification payload; anything that is not exactly our shape is ignored (undefined). */
export function parseExposedProductEvent(
  payload: string | undefined,
): ExposedProductEvent | undefined {
  if (!payload) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { findingId, bureauId } = value as Record<string, unknown>;
  if (typeof findingId !== 'string' || !isUUID(findingId, 'all')) return undefined;
  if (typeof bureauId !== 'string' || !isUUID(bureauId, 'all')) return undefined;
  return { findingId, bureauId };
}
