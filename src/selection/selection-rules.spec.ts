import {
  publicationOverdue,
  ratioToTenThousandths,
  samplingProblems,
  suggestedResult,
  tenThousandthsToRatio,
  toClassSampling,
} from './selection-rules';

describe('the sampling the drawer sets (抽查比例)', () => {
  it.each([
    ['0', 0],
    ['0.05', 500],
    ['0.1', 1000],
    ['0.0001', 1],
    ['0.3333', 3333],
    ['1', 10000],
    ['1.0', 10000],
  ])('reads ratio %s as %i ten-thousandths', (ratio, expected) => {
    expect(ratioToTenThousandths(ratio)).toBe(expected);
  });

  it.each([
    [0, '0.0000'],
    [500, '0.0500'],
    [10000, '1.0000'],
  ])('writes %i ten-thousandths as %s', (value, expected) => {
    expect(tenThousandthsToRatio(value)).toBe(expected);
  });

  it.each([
    ['a ratio', [{ riskClass: 'A' as const, ratio: '0.1' }], []],
    ['a count', [{ riskClass: 'D' as const, count: 3 }], []],
    ['both', [{ riskClass: 'A' as const, ratio: '0.1', count: 3 }], ['input.sampling[0]']],
    ['neither', [{ riskClass: 'A' as const }], ['input.sampling[0]']],
    [
      'a class twice',
      [
        { riskClass: 'B' as const, count: 1 },
        { riskClass: 'B' as const, count: 2 },
      ],
      ['input.sampling[1].riskClass'],
    ],
  ])('with %s reports %j', (_, entries, paths) => {
    expect(samplingProblems(entries).map((problem) => problem.path)).toEqual(paths);
  });

  it('freezes a ratio in ten-thousandths and a count as given', () => {
    expect(
      toClassSampling([
        { riskClass: 'A', ratio: '0.05' },
        { riskClass: 'D', count: 2 },
      ]),
    ).toEqual([
      { riskClass: 'A', ratioPerTenThousand: 500, count: null },
      { riskClass: 'D', ratioPerTenThousand: null, count: 2 },
    ]);
  });
});

describe('suggestedResult', () => {
  it.each([
    ['COMPLIANT', 'NO_PROBLEM_FOUND'],
    ['PREMISES_CLOSED', 'NO_RELEVANT_ACTIVITY'],
    ['REFUSED_ENTRY', 'REFUSED_INSPECTION'],
    ['ISSUES_FOUND', 'PROBLEM_PENDING_FOLLOW_UP'],
    [null, null],
  ])('suggests %s → %s', (outcome, expected) => {
    expect(suggestedResult(outcome)).toBe(expected);
  });
});

describe('publicationOverdue (公示 within 20 working days)', () => {
  it.each([
    ['2019-04-30', null, '2019-04-30', false],
    ['2019-04-30', null, '2019-05-06', true],
    ['2019-04-30', '2019-05-06', '2019-05-07', false],
  ])('due %s, published %s, on %s: overdue %s', (dueOn, publishedOn, today, expected) => {
    expect(publicationOverdue(dueOn, publishedOn, today)).toBe(expected);
  });
});
