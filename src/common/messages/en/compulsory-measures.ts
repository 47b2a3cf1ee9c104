/** Compulsory measures (查封、扣押, 行政强制法) and their clock. */
export const compulsoryMeasuresEn = {
  'entity.CompulsoryMeasure': 'Compulsory measure',
  'measures.state.IN_FORCE': 'in force',
  'measures.state.EXTENDED': 'extended',
  'measures.state.RELEASED': 'released',
  'measures.state.DISPOSED': 'disposed of',
  'measures.state.SUSPENDED': 'suspended for testing',
  'measures.action.EXTEND': 'extend it',
  'measures.action.RELEASE': 'release it',
  'measures.action.DISPOSE': 'dispose of it',
  'measures.action.SUSPEND': 'suspend its clock',
  'measures.action.RESUME': 'resume its clock',
  'measures.invalidMove': 'A measure that is {from} cannot {action}: {reason}',
  'measures.reason.allowed': 'only {allowed} is possible now',
  'measures.reason.ended': 'the measure has ended',
  'measures.reason.pastDue':
    'an extension is decided within the period, which ended on {dueOn} (行政强制法 第二十五条)',
  'measures.staleVersion': 'The measure changed since you read it; reload it and try again',
  'measures.decisionNumberTaken': 'Decision number {decisionNumber} is already used',
  'measures.recorderNotOfBureau': 'Only officers of the bureau of the premises record its measures',
  'measures.headOnly':
    'Only the head of the bureau (a SUPERVISOR of it) or a MANAGER records this move',
  'measures.approverNotHead':
    "Must name the head of the bureau: an active SUPERVISOR of it (a MANAGER for the city bureau's own measures)",
  'measures.twoOfficers':
    'At least two distinct active enforcement officers carry out a measure (行政强制法 第十八条)',
  'measures.approvalLate':
    'The head approves the measure before it is taken, by {day} (行政强制法 第十八条)',
  'measures.emergencyApprovalLate':
    'In an emergency the approval follows within 24 hours, by {day} (行政强制法 第十九条)',
  'measures.confiscationNeedsDecision':
    "Confiscation follows a penalty decision confiscating property in the finding's case (行政强制法 第二十七条)",
  'measures.termNotExpired':
    'The term runs to {dueOn}: released before that day it has not expired (行政强制法 第二十八条第一款第四项)',
} as const;
