import { message, type Message } from '../common/messages/message';

/**
 * 两名执法人员 (行政处罚法 第四十二条: 执法人员不得少于两人, 并应当出示执法证件): an inspection or a
 * re-inspection names at least two distinct officers, the officer recording it among them, each an
 * active INSPECTOR or SUPERVISOR of the premises' bureau or one of its ancestors (`eligible`, from
 * `OfficersRepository.eligibleForVisit`). Unknown, deactivated and ineligible ids get one and the
 * same message, so the answer does not tell which ids exist. Returns why `officerIds` is refused,
 * or null. Inspections and re-inspections both ask here.
 */
export function twoOfficersProblem(
  officerIds: readonly string[],
  callerId: string,
  eligible: ReadonlySet<string>,
): Message | null {
  const distinct = new Set(officerIds);
  if (distinct.size < 2) return message('officers.twoNeeded');
  const refused = [...distinct].filter((id) => !eligible.has(id));
  if (refused.length) return message('officers.notEligible', { ids: refused });
  if (!distinct.has(callerId)) return message('officers.callerMissing');
  return null;
}
