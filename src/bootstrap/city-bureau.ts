/** The city bureau (市市场监督管理局): the root of the bureau tree, written by the bootstrap. */
export const CITY_BUREAU = {
  code: 'CITY',
  name: '市市场监督管理局',
  kind: 'MUNICIPAL',
  divisionCode: '640100',
} as const;
