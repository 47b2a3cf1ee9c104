import { isOverdue, OverdueCaseFields, OverdueFields } from './overdue';

const TODAY = '2019-05-10';
const base: OverdueFields = {
  voided: false,
  rectificationStatus: 'OPEN',
  rectificationDeadline: null,
  filingDecision: 'FILED',
  caseId: 'case',
  transferredOn: null,
  caseDecisionDue: '2019-04-01',
};
const filed: OverdueCaseFields = { status: 'FILED', clockDues: {} };

describe('isOverdue (the four clocks, judged today)', () => {
  it.each<[string, Partial<OverdueFields>, OverdueCaseFields | null, boolean]>([
    [
      'rectifying past its deadline',
      { rectificationStatus: 'RECTIFYING', rectificationDeadline: '2019-05-09' },
      filed,
      true,
    ],
    [
      'rectifying due today is on time',
      { rectificationStatus: 'RECTIFYING', rectificationDeadline: TODAY },
      filed,
      false,
    ],
    [
      'resolved past an old deadline',
      { rectificationStatus: 'RESOLVED', rectificationDeadline: '2019-05-01' },
      filed,
      false,
    ],
    [
      'no filing decision past the filing clock, even rectified',
      { filingDecision: null, caseId: null, rectificationStatus: 'RESOLVED' },
      null,
      true,
    ],
    [
      'no filing decision, filing clock not yet due',
      { filingDecision: null, caseId: null, caseDecisionDue: '2019-05-10' },
      null,
      false,
    ],
    [
      'transferred to the police without a case',
      { filingDecision: null, caseId: null, transferredOn: '2019-04-20' },
      null,
      false,
    ],
    ['declined', { filingDecision: 'DECLINED', caseId: null }, null, false],
    [
      'case FILED past its penalty decision',
      {},
      { status: 'FILED', clockDues: { PENALTY_DECISION: '2019-05-09' } },
      true,
    ],
    [
      'case FILED, penalty decision due today',
      {},
      { status: 'FILED', clockDues: { PENALTY_DECISION: TODAY } },
      false,
    ],
    [
      'case with the police: its penalty clock waits',
      {},
      { status: 'TRANSFERRED', clockDues: { PENALTY_DECISION: '2019-05-01' } },
      false,
    ],
    [
      'decision unpublished past the publication clock',
      {},
      { status: 'DECIDED', clockDues: { PUBLICATION: '2019-05-09' } },
      true,
    ],
    ['decision published (no clock left)', {}, { status: 'CLOSED', clockDues: {} }, false],
    ['voided', { voided: true, filingDecision: null, caseId: null }, null, false],
  ])('%s', (_name, finding, caseFile, expected) => {
    expect(isOverdue({ ...base, ...finding }, caseFile, TODAY)).toBe(expected);
  });
});
