import { computeClock, type Clock, type HolidayCalendar } from '../cases/clocks';
import type { CompulsoryMeasure } from './compulsory-measure.entity';
import type { MeasureSuspension } from './measure-suspension.entity';

/**
 * The clock of a compulsory measure (查封、扣押期限) on the case clock engine: 30 calendar days from
 * the decided day, the start day not counted, plus an extension approved by the head (at most 30,
 * 行政强制法 第二十五条); periods of testing, quarantine or expert opinion excluded (第二十五条第三款);
 * a last day that is not a working day moves to the next working day (DOMAIN.md, period
 * arithmetic). Met the day it is released or disposed of.
 */
export function measureClock(
  measure: Pick<CompulsoryMeasure, 'decidedOn' | 'extendedBy' | 'releasedOn' | 'disposedOn'>,
  suspensions: readonly Pick<MeasureSuspension, 'from' | 'to'>[],
  calendar: HolidayCalendar,
  asOf: string,
): Clock {
  return computeClock(
    {
      kind: 'COMPULSORY_MEASURE',
      startedOn: measure.decidedOn,
      extendedBy: measure.extendedBy,
      suspensions: suspensions.map((row) => ({ from: row.from, to: row.to })),
      metOn: measure.releasedOn ?? measure.disposedOn,
      asOf,
    },
    calendar,
  );
}
