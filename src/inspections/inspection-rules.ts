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
