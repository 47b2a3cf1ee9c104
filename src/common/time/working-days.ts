import { addDays } from './shanghai';

/**
 * Working days (工作日): Monday to Friday, except official holidays (法定节假日), plus make-up
 * working days (调休上班) on weekends. `exceptions` maps a day to whether it is a working day.
 */
export function isWorkingDay(day: string, exceptions: ReadonlyMap<string, boolean>): boolean {
  const listed = exceptions.get(day);
  if (listed !== undefined) return listed;
  const weekday = new Date(`${day}T00:00:00.000Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The day that is `count` working days after `day` (the day itself not counted). */
export function addWorkingDays(
  day: string,
  count: number,
  exceptions: ReadonlyMap<string, boolean>,
): string {
  let current = day;
  let remaining = count;
  while (remaining > 0) {
    current = addDays(current, 1);
    if (isWorkingDay(current, exceptions)) remaining -= 1;
  }
  return current;
}
