import { render } from '../common/messages/message';
import { inspectedAtProblem } from './inspection-rules';

const sweep = { startDate: '2019-03-16', endDate: '2019-04-30' };
const now = new Date('2019-04-01T00:00:00Z');

describe('inspectedAtProblem', () => {
  it.each([
    ['the first Shanghai day of the sweep, just after midnight', '2019-03-15T16:00:00Z', null],
    ['the last Shanghai day before the sweep', '2019-03-15T15:59:59Z', 'within'],
    ['the last Shanghai day of the sweep', '2019-03-31T23:00:00Z', null],
    ['a minute ahead of the server clock', '2019-04-01T00:01:00Z', null],
    ['four minutes ahead of the server clock', '2019-04-01T00:04:00Z', null],
    ['ten minutes ahead of the server clock', '2019-04-01T00:10:00Z', 'future'],
  ])('judges %s', (_name, instant, expected) => {
    const problem = inspectedAtProblem(new Date(instant), now, sweep);
    if (expected === null) expect(problem).toBeNull();
    else expect(render(problem!, 'en')).toContain(expected);
  });

  it('refuses a day after the sweep ended even when it is in the past', () => {
    const problem = inspectedAtProblem(
      new Date('2019-04-30T16:00:00Z'),
      new Date('2020-01-01T00:00:00Z'),
      sweep,
    );
    expect(render(problem!, 'en')).toBe(
      "must be within the sweep's dates 2019-03-16..2019-04-30 (Asia/Shanghai)",
    );
    expect(render(problem!, 'zh')).toBe(
      '必须在专项行动期间 2019-03-16 至 2019-04-30（北京时间）之内',
    );
  });
});
