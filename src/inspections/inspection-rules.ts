import { shanghaiDay } from '../common/time/shanghai';

/** Devices' clocks drift: an inspection up to this far ahead of the server clock is accepted. */
export const CLOCK_SKEW_MS = 2 * 60 * 1000;

/**
 * An inspection cannot be in the future or outside its sweep's dates, counted in Asia/Shanghai
 * days. Returns why `inspectedAt` is refused, or null.
 */
export function inspectedAtProblem(
  inspectedAt: Date,
  now: Date,
  sweep: { startDate: string; endDate: string },
): string | null {
  if (inspectedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) return 'must not be in the future';
  const day = shanghaiDay(inspectedAt);
  if (day < sweep.startDate || day > sweep.endDate) {
    return `must be within the sweep's dates ${sweep.startDate}..${sweep.endDate} (Asia/Shanghai)`;
  }
  return null;
}

/**
 * 两名执法人员: at least two distinct active officers, the logging officer among them. `known`
 * maps each officer found to whether it is active. Returns why `officerIds` is refused, or null.
 */
export function officersProblem(
  officerIds: string[],
  callerId: string,
  known: Map<string, boolean>,
): string | null {
  const distinct = new Set(officerIds);
  if (distinct.size < 2) return 'needs at least two distinct officers';
  const unknown = [...distinct].filter((id) => !known.has(id));
  if (unknown.length) return `unknown officers: ${unknown.join(', ')}`;
  const inactive = [...distinct].filter((id) => known.get(id) === false);
  if (inactive.length) return `deactivated officers: ${inactive.join(', ')}`;
  if (!distinct.has(callerId)) return 'must include the officer logging the inspection';
  return null;
}
