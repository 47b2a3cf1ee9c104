/** Premises (市场主体): the registry import's row checks, said to the clerk who fixes the rows. */
export const premisesEn = {
  'premises.import.nameMissing': 'name (名称) is missing',
  'premises.import.nameTooLong': 'name (名称) is longer than {max} characters',
  'premises.import.addressMissing': 'address (地址) is missing',
  'premises.import.addressTooLong': 'address (地址) is longer than {max} characters',
  'premises.import.unknownKind': 'unknown kind "{kind}" (one of {kinds})',
  'premises.import.unknownRiskLevel': 'unknown risk level "{riskLevel}" (A, B, C or D)',
  'premises.import.unknownBureau': 'unknown bureau code "{code}"',
  'premises.import.bureauMissing': 'bureau code is missing',
  'premises.import.creditCodeLength':
    '统一社会信用代码 must be 18 characters, got {length}: "{code}"',
  'premises.import.creditCodeCharacter':
    '统一社会信用代码 contains "{character}", which is not allowed (only digits and capital letters except I, O, S, V, Z): "{code}"',
  'premises.import.creditCodeDivision':
    '统一社会信用代码 characters 3–8 must be the 6-digit administrative division code (登记管理机关行政区划码), got "{division}": "{code}"',
  'premises.import.creditCodeOrganisation':
    '统一社会信用代码 characters 9–17 are the organisation code (主体标识码, GB 11714) {organisation}, whose check character is wrong (the 17th character should be {expected}): "{code}"',
  'premises.import.creditCodeCheck':
    '统一社会信用代码 check character is wrong (the last character should be {expected}): "{code}"',
  'premises.import.unknownLicenceKind': 'unknown licence kind "{kind}" (one of {kinds})',
  'premises.import.licenceNumberMissing': 'a {kind} licence has no number',
  'premises.import.licenceValidity':
    'licence {number}: validity "{validUntil}" is not a day YYYY-MM-DD',
  'premises.import.foodProductionNumber':
    'food production licence number (食品生产许可证) "{number}" must be SC followed by 14 digits',
  'premises.import.pharmacistsNotPharmacy':
    'pharmacist registrations (执业药师注册证) are only for a PHARMACY, not a {kind}',
  'premises.import.coordinatesBoth': 'coordinates need both latitude and longitude, or neither',
  'premises.import.coordinatesNotNumbers':
    'latitude and longitude must be numbers in degrees, e.g. 38.4872 and 106.2309',
  'premises.import.latitudeRange': 'latitude {latitude} is not between -90 and 90',
  'premises.import.longitudeRange': 'longitude {longitude} is not between -180 and 180',
  'premises.import.otherCreditCode':
    'a premises with this name and address is on record with another credit code ({creditCode}); correct the code or the name/address',
} as const;
