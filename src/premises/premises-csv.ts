import type { Licence, RiskLevel } from './premises.entity';
import type { PremisesKind } from '../reference/target-category.entity';
import { parseCsv } from './rules/csv';
import type { PremisesRow } from './rules/premises-row';

/** Columns of the registry CSV file (市场主体名录), in the header's words. */
export const PREMISES_CSV_COLUMNS = [
  'name',
  'kind',
  'bureauCode',
  'address',
  'creditCode',
  'riskLevel',
  'licences',
  'pharmacistRegistrations',
  'latitude',
  'longitude',
] as const;

export interface CsvPremisesRows {
  rows: PremisesRow[];
  /** The file line each row starts on, for messages to the clerk. */
  lines: number[];
}

/**
 * Reads the registry CSV into import rows. The header names the columns (any order; name, kind,
 * bureauCode and address are required). `licences` is `KIND:NUMBER[:YYYY-MM-DD]` separated by
 * `;`, pharmacistRegistrations is `;`-separated. Empty cells are left out (an update keeps what
 * is on record). Cell values are not checked here: the import checks them row by row.
 */
export function readPremisesCsv(text: string): CsvPremisesRows {
  const [header, ...records] = parseCsv(text);
  if (!header) throw new Error('CSV: the file is empty');
  const columns = header.fields.map((name) => name.trim());
  const missing = ['name', 'kind', 'bureauCode', 'address'].filter((c) => !columns.includes(c));
  if (missing.length) throw new Error(`CSV: the header lacks the column(s) ${missing.join(', ')}`);
  const unknown = columns.filter((c) => !(PREMISES_CSV_COLUMNS as readonly string[]).includes(c));
  if (unknown.length) throw new Error(`CSV: unknown column(s) ${unknown.join(', ')}`);

  const rows = records.map((record) => {
    const cell = (column: string): string | undefined => {
      const value = record.fields[columns.indexOf(column)]?.trim();
      return value ? value : undefined;
    };
    const list = (column: string): string[] | undefined =>
      cell(column)
        ?.split(';')
        .map((item) => item.trim())
        .filter(Boolean);
    const number = (column: string): number | undefined => {
      const value = cell(column);
      return value === undefined ? undefined : Number(value);
    };
    return {
      name: cell('name') ?? '',
      kind: (cell('kind') ?? '') as PremisesKind,
      bureauCode: cell('bureauCode') ?? '',
      address: cell('address') ?? '',
      creditCode: cell('creditCode'),
      riskLevel: cell('riskLevel') as RiskLevel | undefined,
      licences: list('licences')?.map(parseLicence),
      pharmacistRegistrations: list('pharmacistRegistrations'),
      latitude: number('latitude'),
      longitude: number('longitude'),
    };
  });
  return { rows, lines: records.map((record) => record.line) };
}

function parseLicence(text: string): {
  kind: Licence['kind'];
  number: string;
  validUntil?: string;
} {
  const [kind, number, validUntil] = text.split(':').map((part) => part.trim());
  return {
    kind: kind as Licence['kind'],
    number: number ?? '',
    validUntil: validUntil || undefined,
  };
}
