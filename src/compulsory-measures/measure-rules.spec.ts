import { DomainError } from '../common/errors/domain-errors';
import { checkApprovalDay } from './measure-rules';

describe('the approval day of a measure (行政强制法 第十八、十九条)', () => {
  it.each([
    // [decided on, approved on, emergency, accepted]
    ['2019-04-12', '2019-04-11', false, true],
    ['2019-04-12', '2019-04-12', false, true],
    ['2019-04-12', '2019-04-13', false, false],
    ['2019-04-12', '2019-04-13', true, true],
    ['2019-04-12', '2019-04-14', true, false],
    ['2019-04-30', '2019-05-01', true, true],
  ] as const)(
    'decided %s, approved %s, emergency %s: accepted %s',
    (decided, approved, emergency, ok) => {
      const run = () => checkApprovalDay(decided, approved, emergency);
      if (ok) expect(run).not.toThrow();
      else {
        expect(run).toThrow(DomainError);
        try {
          run();
        } catch (error) {
          expect((error as DomainError).extensions).toMatchObject({
            fields: [expect.objectContaining({ path: 'input.approvedOn' })],
          });
        }
      }
    },
  );
});
