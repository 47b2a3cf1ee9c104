/** The bureau works in Asia/Shanghai (UTC+8 all year, no daylight saving). */
const OFFSET_MS = 8 * 60 * 60 * 1000;

/** The Asia/Shanghai calendar day (YYYY-MM-DD) of an instant. */
export function shanghaiDay(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant 00:00 Asia/Shanghai of a day. */
export function startOfShanghaiDay(day: string): Date {
  return new Date(new Date(`${day}T00:00:00.000Z`).getTime() - OFFSET_MS);
}

/** Adds calendar days to a YYYY-MM-DD day. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
