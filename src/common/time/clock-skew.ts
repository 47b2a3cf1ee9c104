/**
 * Phones in the field keep their own time: an instant up to this far ahead of the server's clock is
 * not "in the future" (an inspection, a re-inspection). One tolerance for every field record.
 */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;

/** Whether an instant a device reported lies in the future, beyond the tolerated clock skew. */
export function isInFuture(at: Date, now: Date = new Date()): boolean {
  return at.getTime() > now.getTime() + CLOCK_SKEW_MS;
}
