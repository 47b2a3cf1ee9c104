import { PassThrough } from 'node:stream';
import { logsPretty, prettyLine, prettyStream, readyLines } from './log-format';

describe('log output', () => {
  it('is readable only in development on a terminal; JSON when piped and always in production', () => {
    expect(logsPretty({ isProduction: false }, { isTTY: true })).toBe(true);
    expect(logsPretty({ isProduction: false }, { isTTY: false })).toBe(false);
    expect(logsPretty({ isProduction: false }, {})).toBe(false);
    expect(logsPretty({ isProduction: true }, { isTTY: true })).toBe(false);
  });

  it('turns a pino JSON line into one readable line: time, level, context, message, request', () => {
    const time = new Date(2019, 2, 20, 10, 30, 5).getTime();
    expect(
      prettyLine(JSON.stringify({ level: 30, time, context: 'Main', msg: 'ready' }), false),
    ).toBe('10:30:05 INFO  [Main] ready');
    expect(
      prettyLine(
        JSON.stringify({
          level: 40,
          time,
          msg: 'request completed',
          req: { method: 'POST', url: '/graphql' },
          res: { statusCode: 200 },
          responseTime: 12,
          operationName: 'Me',
        }),
        false,
      ),
    ).toBe('10:30:05 WARN  request completed  POST /graphql Me → 200 12 ms');
    expect(prettyLine('not json', false)).toBe('not json');
  });

  it('writes each JSON line readable, even when lines arrive split across chunks', async () => {
    const out = new PassThrough();
    const chunks: string[] = [];
    out.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
    const stream = prettyStream(out);
    const line = JSON.stringify({ level: 50, time: Date.now(), msg: 'boom' });
    stream.write(line.slice(0, 10));
    stream.write(`${line.slice(10)}\n`);
    await new Promise((resolve) => setImmediate(resolve));
    expect(chunks.join('')).toMatch(/ERROR.* boom\n$/);
    expect(chunks.join('')).not.toContain('{');
  });

  it('ends with where the API and the explorer are and which demo login to try', () => {
    expect(readyLines({ port: 3000, graphqlExplorer: true, seedDemo: true })).toEqual([
      'API: POST http://localhost:3000/graphql',
      'Explorer: open http://localhost:3000/graphql in a browser',
      "Demo login: XQ-INS-01 / demo-password-2019 (inspector 刘洋), or DEMO-MANAGER for the managers' dashboard",
    ]);
    expect(readyLines({ port: 8080, graphqlExplorer: false, seedDemo: false })).toEqual([
      'API: POST http://localhost:8080/graphql',
    ]);
  });
});
