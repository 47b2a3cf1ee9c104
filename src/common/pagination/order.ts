import { registerEnumType } from '@nestjs/graphql';

export const SORT_DIRECTIONS = ['ASC', 'DESC'] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

export const SortDirectionEnum = { ASC: 'ASC', DESC: 'DESC' } as const;
registerEnumType(SortDirectionEnum, {
  name: 'SortDirection',
  description: 'The direction of a list order; ties are always broken by id in the same direction.',
  valuesMap: {
    ASC: { description: 'Smallest (earliest, A…) first.' },
    DESC: { description: 'Largest (latest, …Z) first.' },
  },
});
