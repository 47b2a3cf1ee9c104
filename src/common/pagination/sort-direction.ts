import { registerEnumType } from '@nestjs/graphql';

export const SORT_DIRECTIONS = ['ASC', 'DESC'] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];
export const SortDirectionEnum = { ASC: 'ASC', DESC: 'DESC' } as const;
registerEnumType(SortDirectionEnum, {
  name: 'SortDirection',
  description: 'Ascending or descending.',
  valuesMap: {
    ASC: { description: 'Ascending.' },
    DESC: { description: 'Descending.' },
  },
});
