import type { CurrentOfficer } from './current-officer';
import { decidesFor, isHeadOf } from './heads';

const CITY = { id: 'city', kind: 'MUNICIPAL' as const };
const XQ = { id: 'xq', kind: 'SUB_BUREAU' as const };
const HELAN = { id: 'helan', kind: 'COUNTY' as const };

const caller = (bureauId: string, ...roles: CurrentOfficer['roles']) =>
  ({ id: 'o', bureauId, roles }) as unknown as CurrentOfficer;
const officer = (bureauId: string, roles: string[], active = true) =>
  ({ bureauId, roles, active }) as Parameters<typeof isHeadOf>[0];

describe('the head of a bureau (负责人)', () => {
  it.each([
    ['a SUPERVISOR of the bureau', caller('xq', 'SUPERVISOR'), true],
    ['a MANAGER of the city bureau, for a sub-bureau', caller('city', 'MANAGER'), true],
    ['a SUPERVISOR of another bureau', caller('helan', 'SUPERVISOR'), false],
    ['an INSPECTOR of the bureau', caller('xq', 'INSPECTOR'), false],
    ['an ADMIN of the city bureau', caller('city', 'ADMIN'), false],
  ])('decides for a sub-bureau: %s → %s', (_name, who, expected) => {
    expect(decidesFor(who, 'xq')).toBe(expected);
  });

  it.each([
    ['an active SUPERVISOR of the bureau', officer('xq', ['SUPERVISOR']), XQ, true],
    ['an inactive SUPERVISOR', officer('xq', ['SUPERVISOR'], false), XQ, false],
    ['a SUPERVISOR of another bureau', officer('city', ['SUPERVISOR']), XQ, false],
    ['a MANAGER, for a sub-bureau', officer('xq', ['MANAGER']), XQ, false],
    ['a MANAGER of the city bureau, for its own', officer('city', ['MANAGER']), CITY, true],
    ['a city MANAGER, for a county bureau', officer('city', ['MANAGER']), HELAN, false],
    ['nobody', null, XQ, false],
  ])('approves as head: %s → %s', (_name, approver, bureau, expected) => {
    expect(isHeadOf(approver, bureau)).toBe(expected);
  });
});
