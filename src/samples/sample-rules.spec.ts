import { render } from '../common/messages/message';
import {
  reportProblems,
  reportRefusal,
  restRefusal,
  sampleRecordProblems,
  type SampleRecordFacts,
  sampleState,
  testingPeriod,
  voidRefusal,
} from './sample-rules';

const TODAY = '2019-04-10';
const INSPECTED = '2019-04-01';
const item = { item: '苯甲酸', measured: '0.85', limit: '≤0.5', unit: 'g/kg' };

function problems(input: SampleRecordFacts): Record<string, string> {
  return Object.fromEntries(
    sampleRecordProblems(input, INSPECTED, TODAY).map((p) => [p.path, render(p.message, 'en')]),
  );
}

describe('sampleRecordProblems', () => {
  it.each<[string, SampleRecordFacts]>([
    [
      'a lab test with its lab',
      { method: 'LAB_TEST', takenOn: INSPECTED, labName: '市食品检验所' },
    ],
    ['a rapid test that passed', { method: 'RAPID_TEST', takenOn: TODAY, result: 'PASS' }],
    [
      'a rapid test that failed, with its item',
      { method: 'RAPID_TEST', takenOn: TODAY, result: 'FAIL', failedItems: [item] },
    ],
  ])('accepts %s', (_name, input) => {
    expect(problems(input)).toEqual({});
  });

  it.each<[string, SampleRecordFacts, Record<string, string>]>([
    [
      'a day before the inspection',
      { method: 'RAPID_TEST', takenOn: '2019-03-31', result: 'PASS' },
      { 'input.takenOn': 'must not be before the inspection’s day 2019-04-01' },
    ],
    [
      'a day in the future',
      { method: 'RAPID_TEST', takenOn: '2019-04-11', result: 'PASS' },
      { 'input.takenOn': 'must not be in the future' },
    ],
    [
      'a lab test without its lab, with a result',
      { method: 'LAB_TEST', takenOn: TODAY, labName: ' ', result: 'FAIL', failedItems: [item] },
      {
        'input.labName': 'a lab test needs the name of the lab',
        'input.result': 'a lab test’s result comes with its report (recordSampleReport)',
        'input.failedItems': 'a lab test’s result comes with its report (recordSampleReport)',
      },
    ],
    [
      'a rapid test without its result, naming a lab',
      { method: 'RAPID_TEST', takenOn: TODAY, labName: '市食品检验所' },
      {
        'input.labName': 'only a lab test has this',
        'input.result': 'a rapid test is recorded with its result',
      },
    ],
    [
      'a failed rapid test without items',
      { method: 'RAPID_TEST', takenOn: TODAY, result: 'FAIL', failedItems: [] },
      { 'input.failedItems': 'a failed test names at least one failed item' },
    ],
    [
      'a passed rapid test with items',
      { method: 'RAPID_TEST', takenOn: TODAY, result: 'PASS', failedItems: [item] },
      { 'input.failedItems': 'only a failed test has failed items' },
    ],
  ])('refuses %s', (_name, input, expected) => {
    expect(problems(input)).toEqual(expected);
  });
});

describe('reportProblems', () => {
  it.each([
    ['a report on the day taken', { reportedOn: INSPECTED, result: 'PASS' as const }, []],
    [
      'a report before the day taken',
      { reportedOn: '2019-03-31', result: 'PASS' as const },
      ['input.reportedOn'],
    ],
    [
      'a report in the future',
      { reportedOn: '2019-04-11', result: 'PASS' as const },
      ['input.reportedOn'],
    ],
    ['a FAIL without items', { reportedOn: TODAY, result: 'FAIL' as const }, ['input.failedItems']],
    [
      'a FAIL with its item',
      { reportedOn: TODAY, result: 'FAIL' as const, failedItems: [item] },
      [],
    ],
  ])('judges %s', (_name, input, paths) => {
    expect(reportProblems(input, INSPECTED, TODAY).map((p) => p.path)).toEqual(paths);
  });
});

describe('moves of a sample', () => {
  it.each([
    ['a pending lab test', 'LAB_TEST', null, null],
    ['a reported lab test', 'LAB_TEST', 'FAIL', 'samples.reason.reported'],
    ['a rapid test', 'RAPID_TEST', 'PASS', 'samples.reason.notLab'],
  ] as const)('takes a report on %s: %p', (_name, method, result, refusal) => {
    expect(reportRefusal({ voided: false, method, result })).toBe(refusal);
  });

  it('takes no report on a voided lab test', () => {
    expect(reportRefusal({ voided: true, method: 'LAB_TEST', result: null })).toBe(
      'samples.reason.voided',
    );
  });

  it.each([
    ['a failed test of the premises', 'P', 'FAIL', null],
    ['a pending lab test of the premises', 'P', null, null],
    ['a passed test', 'P', 'PASS', 'samples.reason.passed'],
    ['a test of another premises', 'Q', 'FAIL', 'samples.reason.otherPremises'],
  ] as const)('rests a finding on %s', (_name, premisesId, result, refusal) => {
    expect(restRefusal({ voided: false, premisesId, result }, { premisesId: 'P' })).toBe(refusal);
  });

  it('rests no finding on a voided test', () => {
    expect(
      restRefusal({ voided: true, premisesId: 'P', result: 'FAIL' }, { premisesId: 'P' }),
    ).toBe('samples.reason.voided');
  });

  it.each([
    ['a sample in force on which nothing rests', false, 0, null],
    ['a voided sample', true, 0, 'it is voided'],
    [
      'a sample two findings rest on',
      false,
      2,
      '2 finding(s) rest on it as their test; move them off it first',
    ],
  ] as const)('voids %s: %p', (_name, voided, resting, reason) => {
    const refusal = voidRefusal({ voided }, resting);
    expect(refusal && render(refusal, 'en')).toBe(reason);
  });

  it('names the state of a sample', () => {
    expect(sampleState({ voided: false, result: null })).toBe('PENDING_REPORT');
    expect(sampleState({ voided: false, result: 'FAIL' })).toBe('FAIL');
    expect(sampleState({ voided: true, result: 'FAIL' })).toBe('VOIDED');
  });

  it.each([
    [
      'a pending lab test: open from the day taken',
      'LAB_TEST',
      null,
      { from: INSPECTED, to: null },
    ],
    ['a reported lab test: to the report day', 'LAB_TEST', TODAY, { from: INSPECTED, to: TODAY }],
    ['a rapid test: none', 'RAPID_TEST', INSPECTED, null],
  ] as const)('suspends the clocks for %s', (_name, method, reportedOn, period) => {
    expect(testingPeriod({ method, takenOn: INSPECTED, reportedOn })).toEqual(period);
  });
});
