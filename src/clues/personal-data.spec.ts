import type { CurrentOfficer } from '../auth/current-officer';
import {
  isPhoneNumber,
  isResidentIdNumber,
  redacted,
  REDACTED,
  seesPersonalData,
} from './personal-data';

const officer = (bureauId: string, seesEverything = false): CurrentOfficer => ({
  id: 'o',
  name: 'o',
  bureauId,
  roles: seesEverything ? ['MANAGER'] : ['INSPECTOR'],
  jurisdiction: [bureauId, 'child'],
  seesEverything,
});

describe('personal data of a clue (暂行办法 第五十条)', () => {
  it.each([
    ['11010519491231002X', true],
    ['110105194912310021', false],
    ['640104199003077718', true],
    ['640104199002307710', false],
    ['64010419900307771', false],
    ['6401041990030777x4', false],
    ['abcdefghijklmnopqr', false],
  ])('reads %s as a resident id number: %s', (value, valid) => {
    expect(isResidentIdNumber(value)).toBe(valid);
  });

  it.each([
    ['13995112233', true],
    ['0951-5012345', true],
    ['12315', true],
    ['139951122', false],
    ['call me', false],
  ])('reads %s as a phone number: %s', (value, valid) => {
    expect(isPhoneNumber(value)).toBe(valid);
  });

  it('shows it to officers of the handling bureau only, not to a city manager nor a parent bureau', () => {
    expect(seesPersonalData(officer('A'), { bureauId: 'A' })).toBe(true);
    expect(seesPersonalData(officer('CITY', true), { bureauId: 'A' })).toBe(false);
    expect(seesPersonalData(officer('A'), { bureauId: 'child' })).toBe(false);
    expect(seesPersonalData(officer('CITY', true), { bureauId: 'CITY' })).toBe(true);
  });

  it('replaces every personal value present with the marker and leaves the rest', () => {
    expect(
      redacted({
        personName: '张三',
        personPhone: '13995112233',
        personIdNumber: null,
        personAddress: '银川市',
        content: '售卖过期食品',
      }),
    ).toEqual({
      personName: REDACTED,
      personPhone: REDACTED,
      personIdNumber: null,
      personAddress: REDACTED,
      content: '售卖过期食品',
    });
  });
});
