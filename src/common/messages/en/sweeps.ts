/** Sweeps (专项整治行动): creation, assignments (任务分配) and activation. */
export const sweepsEn = {
  'sweeps.endBeforeStart': 'must not be before startDate',
  'sweeps.tooEarly': 'must not be before {earliest}',
  'sweeps.tooLong':
    'a sweep lasts at most {days} days: end by {latest}, and extend it later if needed',
  'sweeps.noSuchBureau': 'no such bureau',
  'sweeps.noSuchExposure': 'no such exposure',
  'sweeps.notCategoryOfSweep': '{code} is not a target category of this sweep',
  'sweeps.assignedTwice': 'this bureau already has this category assigned',
  'sweeps.activeNeedsAssignment': 'an active sweep needs at least one',
  'sweeps.closedAssignments': 'A closed sweep’s assignments cannot change',
  'sweeps.activateOnlyDraft': 'Only a DRAFT sweep can be activated; this one is {status}',
  'sweeps.extendOnlyOpen': 'A CLOSED sweep cannot be extended',
  'sweeps.extendLater': 'must be after the current end date {endDate}',
  'sweeps.extendTooFar': 'extends by at most {days} days at a time: end by {latest}',
  'sweeps.activateNeedsAssignment': 'A sweep needs at least one assignment before it is activated',
  // A sweep's status as other messages name it (a sweep ends, it is not a closed case).
  'sweeps.status.DRAFT': 'DRAFT',
  'sweeps.status.ACTIVE': 'ACTIVE',
  'sweeps.status.CLOSED': 'CLOSED',
} as const;
