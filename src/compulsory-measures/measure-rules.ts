import { BadUserInput } from '../common/errors/domain-errors';
import { message } from '../common/messages/message';
import { addDays } from '../common/time/shanghai';

/**
 * 行政强制法 第十八条: approved before it is taken (by the day decided); 第十九条: taken on the spot in
 * an emergency, approved within 24 hours after — in days, by the next day.
 */
export function checkApprovalDay(decidedOn: string, approvedOn: string, emergency: boolean): void {
  const latest = emergency ? addDays(decidedOn, 1) : decidedOn;
  if (approvedOn > latest)
    throw BadUserInput.field(
      'input.approvedOn',
      message(emergency ? 'measures.emergencyApprovalLate' : 'measures.approvalLate', {
        day: latest,
      }),
    );
}
