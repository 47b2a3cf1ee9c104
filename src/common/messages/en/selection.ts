/** Random dual selection (双随机、一公开): drawing inspection plans. */
export const selectionEn = {
  'selection.categoryCode': 'must be a category code such as CAMPUS_FOOD',
  'selection.categoryNotCovered': 'is not a category this sweep covers',
  'selection.sweepNotDrawable': 'Plans are drawn only for a DRAFT or ACTIVE sweep',
  'selection.fewerThanTwoOfficers':
    'the bureau has fewer than two active inspectors to pair (两名执法人员)',
} as const;
