import { parseCsv } from './csv';

describe('CSV reader (RFC 4180)', () => {
  it.each([
    [
      'a,b,c\n1,2,3\n',
      [
        ['a', 'b', 'c'],
        ['1', '2', '3'],
      ],
    ],
    [
      'a,b\r\n1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    ['"宁夏,银川",x\n', [['宁夏,银川', 'x']]],
    ['"他说""好""",2\n', [['他说"好"', '2']]],
    ['a,,c\n', [['a', '', 'c']]],
    [
      'a,b\n\n1,2\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    ['\uFEFFname,kind\n', [['name', 'kind']]],
    ['"",x\n', [['', 'x']]],
  ])('reads %j', (text, expected) => {
    expect(parseCsv(text).map((record) => record.fields)).toEqual(expected);
  });

  it('keeps line breaks inside quotes and reports the line each record starts on', () => {
    const records = parseCsv('h1,h2\n"第一行\n第二行",x\nnext,y\n');
    expect(records).toEqual([
      { line: 1, fields: ['h1', 'h2'] },
      { line: 2, fields: ['第一行\n第二行', 'x'] },
      { line: 4, fields: ['next', 'y'] },
    ]);
  });

  it('refuses a quoted field that never closes', () => {
    expect(() => parseCsv('a,"b\n1,2\n')).toThrow(/line 1 never closes/);
  });
});
