import type { FieldError } from '../common/errors/domain-errors';
import { message, type Message } from '../common/messages/message';
import { isInFuture } from '../common/time/clock-skew';
import { shanghaiDay } from '../common/time/shanghai';

/**
 * An inspection cannot be in the future (beyond the one clock-skew tolerance) or outside its
 * sweep's dates, counted in Asia/Shanghai days. Returns why `inspectedAt` is refused, or null.
 */
export function inspectedAtProblem(
  inspectedAt: Date,
  now: Date,
  sweep: { startDate: string; endDate: string },
): Message | null {
  if (isInFuture(inspectedAt, now)) return message('validation.notInFuture');
  const day = shanghaiDay(inspectedAt);
  if (day < sweep.startDate || day > sweep.endDate) {
    return message('inspections.outsideSweepDates', {
      startDate: sweep.startDate,
      endDate: sweep.endDate,
    });
  }
  return null;
}

/**
 * An inspection names its category by `categoryId` or by `categoryCode`, exactly one of them
 * (issue 18). Returns both fields when both or neither are given, else nothing.
 */
export function categoryChoiceProblems(input: {
  categoryId?: string | null;
  categoryCode?: string | null;
}): FieldError[] {
  if ((input.categoryId == null) !== (input.categoryCode == null)) return [];
  return ['input.categoryId', 'input.categoryCode'].map((path) => ({
    path,
    message: message('inspections.categoryIdOrCode'),
  }));
}
