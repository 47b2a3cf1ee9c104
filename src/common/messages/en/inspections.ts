/** Inspections (检查记录): logging and voiding them, and the checks of their input. */
export const inspectionsEn = {
  'inspections.sweepNotActive':
    'Inspections can be logged only while the sweep is ACTIVE; it is {status}',
  'inspections.alreadyVoided': 'The inspection is already voided',
  'inspections.twoOfficersNeeded': 'needs at least two officers',
  'inspections.categoryNotOfSweep': 'is not a category of this sweep',
  'inspections.categoryIdOrCode': 'give exactly one of categoryId and categoryCode',
  'inspections.unknownCategoryCode': 'is not a known target category code',
  'inspections.kindNotCovered': 'is a {kind}, which the category {category} does not cover',
  'inspections.outsideSweepDates':
    "must be within the sweep's dates {startDate}..{endDate} (Asia/Shanghai)",
  'inspections.notAChecklistItem': 'is not an item of the {category} checklist',
  'inspections.answeredTwice': 'is answered twice',
  'inspections.voidReasonEmpty': 'must not be empty',
} as const;
