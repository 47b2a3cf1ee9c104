import type { Bureau } from '../bureaus/bureau.entity';
import type { Officer } from '../officers/officer.entity';
import { hasRole, type CurrentOfficer } from './current-officer';

/**
 * Whether the caller decides for `bureauId` as its head (负责人): a SUPERVISOR of that bureau itself,
 * or a MANAGER (for any bureau). Case moves, compulsory measures and clue decisions are the head's
 * (程序规定 第十八条; DOMAIN.md “Who decides what”).
 */
export function decidesFor(officer: CurrentOfficer, bureauId: string): boolean {
  return (
    hasRole(officer, 'MANAGER') || (hasRole(officer, 'SUPERVISOR') && officer.bureauId === bureauId)
  );
}

/**
 * Whether `approver` may be named as the approving head of `bureau`: active, of that bureau itself,
 * a SUPERVISOR; for the city bureau's own records (MUNICIPAL) a MANAGER of it too. A county bureau
 * is an administrative organ of its own, so nobody outside it approves for it.
 */
export function isHeadOf(
  approver: Pick<Officer, 'active' | 'bureauId' | 'roles'> | null | undefined,
  bureau: Pick<Bureau, 'id' | 'kind'> | null | undefined,
): boolean {
  if (!approver || !bureau || !approver.active || approver.bureauId !== bureau.id) return false;
  return (
    approver.roles.includes('SUPERVISOR') ||
    (bureau.kind === 'MUNICIPAL' && approver.roles.includes('MANAGER'))
  );
}
