/** Follow-ups (后续处置) on a finding: the workflow and its documents. */
export const followUpsEn = {
  'followUps.invalidMove':
    'A finding that is {status} cannot take the follow-up {move}; allowed: {allowed}',
  'followUps.invalidMoveFinal':
    'A finding that is {status} cannot take the follow-up {move}; it is final',
  'followUps.staleVersion': 'The finding changed since you read it; reload it and try again',
  'followUps.notAfterToday': 'must not be after today ({today})',
  'followUps.beforeRectificationOrder': 'must not be before the rectification order of {day}',
  'followUps.newDeadlineRequired':
    'is required when the re-inspection did not pass (to file a case, use fileCase)',
  'followUps.newDeadlineForbidden': 'must be empty when the re-inspection passed',
  'followUps.atLeastTwoOfficers': 'must name at least two officers',
  'followUps.officerTwice': 'must not name an officer twice',
  'followUps.uuids': 'must be UUIDs',
} as const;
