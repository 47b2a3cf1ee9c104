/** Bureaus (执法单位): the tree of the city bureau, its sub-bureaus and county bureaus. */
export const bureausEn = {
  'bureaus.municipalHasNoParent': 'a municipal bureau is the root and has no parent',
  'bureaus.parentNeeded': 'a sub-bureau or county bureau needs a parent bureau',
  'bureaus.municipalExists': 'there is already a municipal bureau',
  'bureaus.divisionCode': 'must be 6 digits',
} as const;
