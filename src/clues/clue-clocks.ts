import { Clock, ClueClockKind, computeClock, HolidayCalendar, nextDue } from '../cases/clocks';
import type { Clue } from './clue.entity';

/** What the clocks of a clue are computed from. */
export type ClueClockFacts = Pick<
  Clue,
  | 'kind'
  | 'anonymous'
  | 'receivedOn'
  | 'acceptedOn'
  | 'refusedOn'
  | 'verificationExtendedBy'
  | 'decidedOn'
  | 'informedOn'
  | 'transferredOn'
  | 'closedOn'
>;

/**
 * The legal clocks (期限) of a clue, on the case clocks' engine and rules table (CLOCK_RULES):
 * - CLUE_ACCEPTANCE (complaints): 7 working days from receipt to accept or refuse (暂行办法 第十四条),
 *   met also by sending it on to another authority;
 * - CLUE_MEDIATION (accepted complaints): 45 working days from acceptance; a mediation without an
 *   agreement by then is ended (终止调解, 暂行办法 第二十一条第一款第五项), so the complaint is due to be
 *   closed (办结) by that day; met by closing it;
 * - CLUE_VERIFICATION (reports): 15 working days from receipt to verify and decide whether to file
 *   (程序规定 第十八条), extended once by the head by up to 15; met by the decision or a transfer out;
 * - CLUE_INFORMING (named reporters only): 5 working days from the decision to tell the reporter
 *   (暂行办法 第三十二条). Anonymous reporters are not told, so they have no such clock.
 * A transfer to another bureau of the city keeps the clocks running from the first receipt.
 */
export function clueClocks(
  clue: ClueClockFacts,
  calendar: HolidayCalendar,
  asOf: string,
): Clock<ClueClockKind>[] {
  if (clue.kind === 'COMPLAINT') {
    const clocks = [
      computeClock<ClueClockKind>(
        {
          kind: 'CLUE_ACCEPTANCE',
          startedOn: clue.receivedOn,
          metOn: clue.acceptedOn ?? clue.refusedOn ?? clue.transferredOn,
          asOf,
        },
        calendar,
      ),
    ];
    if (clue.acceptedOn)
      clocks.push(
        computeClock(
          { kind: 'CLUE_MEDIATION', startedOn: clue.acceptedOn, metOn: clue.closedOn, asOf },
          calendar,
        ),
      );
    return clocks;
  }
  const clocks: Clock<ClueClockKind>[] = [
    computeClock<ClueClockKind>(
      {
        kind: 'CLUE_VERIFICATION',
        startedOn: clue.receivedOn,
        extendedBy: clue.verificationExtendedBy,
        metOn: clue.decidedOn ?? clue.transferredOn,
        asOf,
      },
      calendar,
    ),
  ];
  if (clue.decidedOn && !clue.anonymous) {
    clocks.push(
      computeClock(
        {
          kind: 'CLUE_INFORMING',
          startedOn: clue.decidedOn,
          metOn: clue.informedOn,
          asOf,
        },
        calendar,
      ),
    );
  }
  return clocks;
}

/** The due day the work queue sorts by: the earliest clock not met, or null. */
export function clueDueOn(clocks: readonly Clock<ClueClockKind>[]): string | null {
  return nextDue(clocks);
}
