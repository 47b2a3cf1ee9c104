import { randomUUID } from 'node:crypto';
import { BadUserInput } from '../common/errors/domain-errors';
import { parseFilter } from './progress-export.controller';

describe('parseFilter (query parameters of the progress export)', () => {
  const sweepId = randomUUID();

  it('reads an empty query as no filter', () => {
    expect(parseFilter(sweepId, {})).toEqual({
      bureauId: null,
      categoryCodes: null,
      from: null,
      to: null,
    });
  });

  it('accepts category codes comma-separated, repeated or both', () => {
    expect(
      parseFilter(sweepId, { categoryCodes: ['CAMPUS_FOOD,VACCINES', ' AGRICULTURAL_INPUTS '] })
        .categoryCodes,
    ).toEqual(['CAMPUS_FOOD', 'VACCINES', 'AGRICULTURAL_INPUTS']);
    expect(parseFilter(sweepId, { categoryCodes: 'CAMPUS_FOOD' }).categoryCodes).toEqual([
      'CAMPUS_FOOD',
    ]);
  });

  it('passes valid days and bureau through', () => {
    const bureauId = randomUUID();
    expect(parseFilter(sweepId, { bureauId, from: '2019-03-16', to: '2019-03-31' })).toEqual({
      bureauId,
      categoryCodes: null,
      from: '2019-03-16',
      to: '2019-03-31',
    });
  });

  it('reports every malformed parameter by name', () => {
    let error: unknown;
    try {
      parseFilter('nope', { bureauId: 'x', from: '2019-02-30', to: '31.03.2019' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(BadUserInput);
    expect((error as BadUserInput).fields.map((field) => field.path)).toEqual([
      'id',
      'bureauId',
      'from',
      'to',
    ]);
  });
});
