/** Random dual selection (双随机、一公开): plans, conflict declarations, results, publication. */
export const selectionEn = {
  'entity.ConflictOfInterestDeclaration': 'Conflict-of-interest declaration',
  'selection.categoryCode': 'must be a category code such as CAMPUS_FOOD',
  'selection.categoryNotCovered': 'is not a category this sweep covers',
  'selection.sweepNotDrawable': 'Plans are drawn only for a DRAFT or ACTIVE sweep',
  'selection.fewerThanTwoOfficers':
    'the bureau has fewer than two active inspectors to draw (两名执法人员)',
  'selection.ratio': 'must be a decimal from 0 to 1 with at most four places, such as 0.05',
  'selection.ratioOrCount': 'give exactly one of ratio and count',
  'selection.duplicateClass': 'each risk class may be given once',
  'selection.nothingToDraw': 'this sampling draws no premises: raise a ratio or a count',
  'selection.tooManyToDraw':
    'this sampling draws {drawn} premises, more than the {max} one plan may hold: lower a ratio or a count',
  'selection.bindingPlanExists':
    'A binding plan already exists for this sweep, bureau and category; drawing again is a redraw and needs a reason',
  'selection.nothingToRedraw': 'there is no binding plan to redraw: leave the reason out',
  'selection.redrawAfterResults':
    'Results of the binding plan are already recorded; it can no longer be redrawn',
  'selection.planSuperseded': 'This plan was superseded by a redraw; record on the binding plan',
  'selection.planPublished': 'The results of this plan are already published',
  'selection.resultsPending': 'Not every visit of this plan has a result yet',
  'selection.noSuchVisit': 'the plan has no visit at this position',
  'selection.beforeDraw': 'must not be before the draw day ({day})',
  'selection.inFuture': 'must not be in the future',
  'selection.beforeLastResult': 'must not be before the day the last result was formed ({day})',
  'selection.inspectionNotOfVisit':
    'is not a non-voided inspection of this premises in the plan’s sweep',
  'selection.reasonTextRequired': 'is required when the reason is OTHER',
  'selection.declarationOpen': 'This officer already has a declaration in force for this premises',
  'selection.declarationWithdrawn': 'This declaration is already withdrawn',
  'selection.withdrawnBeforeInForce': 'must not be before the day it came into force ({day})',
  'selection.declareForOthers':
    'Only a supervisor or manager may declare a conflict of interest for another officer',
  'selection.result.NO_PROBLEM_FOUND': 'No problem found',
  'selection.result.NO_RELEVANT_ACTIVITY': 'No business activity covered by this inspection found',
  'selection.result.PROBLEM_CORRECTED_ON_ORDER': 'Problem found, corrected on order',
  'selection.result.PROBLEM_PENDING_FOLLOW_UP': 'Problem found, pending follow-up',
  'selection.result.UNREACHABLE_AT_REGISTERED_ADDRESS':
    'Cannot be reached at the registered address (premises)',
  'selection.result.REFUSED_INSPECTION': 'Did not cooperate with the inspection',
  'selection.unassigned.CONFLICT_OF_INTEREST': 'Unassigned: conflicts of interest',
  'selection.unassigned.ROTATION': 'Unassigned: rotation',
  'selection.unassigned.LOAD_CAP': 'Unassigned: load cap',
} as const;
