/** Progress (工作进展): the progress figures, their export, and closing a sweep. */
export const progressEn = {
  'progress.unknownCategoryCode': 'is not a target category code',
  'progress.closeNotActive': 'Only an ACTIVE sweep can be closed',
  'progress.openFindings':
    '{count} finding(s) of the sweep are not yet finished on both tracks (rectification, and a filing declined or a case closed); settle them or close with {field}',
  'progress.openFindingsWithMeasures':
    '{count} finding(s) of the sweep are not yet finished on both tracks (rectification, and a filing declined or a case closed) or still have goods sealed or seized ({measures} with a compulsory measure in force); settle them or close with {field}',
} as const;
