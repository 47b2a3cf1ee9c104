import type { FieldError } from '../common/errors/domain-errors';
import { message } from '../common/messages/message';
import { addDays } from '../common/time/shanghai';

/**
 * Bounds of a sweep's dates (issue 17, item 5): the service has no records before 2000, and a
 * sweep (专项整治行动) runs at most a year (366 days, a leap year's), so per-day figures stay small.
 * A manager who needs longer extends it explicitly.
 */
export const SWEEP_DATES = { earliest: '2000-01-01', maxDays: 366 };

/** The days from `startDate` to `endDate`, both counted. */
export function sweepDays(startDate: string, endDate: string): number {
  return Math.round((Date.parse(endDate) - Date.parse(startDate)) / 86_400_000) + 1;
}

/** Why a new sweep's dates are refused, one error per field; empty when they are fine. */
export function sweepDateProblems(startDate: string, endDate: string): FieldError[] {
  const problems: FieldError[] = [];
  if (startDate < SWEEP_DATES.earliest)
    problems.push({
      path: 'input.startDate',
      message: message('sweeps.tooEarly', { earliest: SWEEP_DATES.earliest }),
    });
  if (endDate < startDate)
    problems.push({ path: 'input.endDate', message: message('sweeps.endBeforeStart') });
  else if (sweepDays(startDate, endDate) > SWEEP_DATES.maxDays)
    problems.push({
      path: 'input.endDate',
      message: message('sweeps.tooLong', {
        days: SWEEP_DATES.maxDays,
        latest: addDays(startDate, SWEEP_DATES.maxDays - 1),
      }),
    });
  return problems;
}
