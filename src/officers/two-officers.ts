import { message, type Message } from '../common/messages/message';

/**
 * 两名执法人员 (行政处罚法 第四十二条: 执法人员不得少于两人): an inspection or a re-inspection names at
 * least two distinct active officers, the officer recording it among them. `known` maps each
 * officer found to whether it is active. Returns why `officerIds` is refused, or null. Inspections
 * and re-inspections both ask here.
 */
export function twoOfficersProblem(
  officerIds: readonly string[],
  callerId: string,
  known: ReadonlyMap<string, boolean>,
): Message | null {
  const distinct = new Set(officerIds);
  if (distinct.size < 2) return message('officers.twoNeeded');
  const unknown = [...distinct].filter((id) => !known.has(id));
  if (unknown.length) return message('officers.unknown', { ids: unknown });
  const inactive = [...distinct].filter((id) => known.get(id) === false);
  if (inactive.length) return message('officers.inactive', { ids: inactive });
  if (!distinct.has(callerId)) return message('officers.callerMissing');
  return null;
}
