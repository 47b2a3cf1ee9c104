import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { hashPassword } from '../../src/auth/password';
import { proposedOp } from '../helpers/contract';
import { spawnEntryPoint } from '../helpers/entry-point';
import { createTestDatabase, dropTestDatabase } from '../setup/database';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const NAME = '王秀英';
const PHONE = '13895001234';
const ID_NUMBER = '11010519491231002X';
const ADDRESS = '银川市西夏区怀远路88号';

/**
 * 暂行办法 第五十条: a complainant's personal data never reaches the logs, even at the most verbose
 * level, whether the registration succeeds, is refused field by field, or fails in the database.
 */
describe('the logs of the real entry point', () => {
  let databaseUrl: string;
  let child: ChildProcess | undefined;
  let output = '';

  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
  });
  afterAll(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await dropTestDatabase(databaseUrl);
  });

  it('never carry a complainant’s name, phone, ID number or address', async () => {
    const entry = await spawnEntryPoint(databaseUrl, 'trace', (text) => (output += text));
    child = entry.child;
    const port = entry.port;
    const url = `http://127.0.0.1:${port}/graphql`;
    const post = async (query: string, variables: unknown, token?: string) =>
      (await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({
          query,
          variables,
          operationName: /(?:query|mutation) (\w+)/.exec(query)?.[1],
        }),
      }).then((response) => response.json())) as {
        data?: Record<string, any>;
        errors?: { extensions?: Record<string, unknown> }[];
      };
    const started = Date.now();
    for (;;) {
      const ready = await fetch(url, { method: 'GET' }).then(
        () => true,
        () => false,
      );
      if (ready) break;
      if (child.exitCode !== null || Date.now() - started > 60_000)
        throw new Error(`the service did not start:\n${output}`);
      await sleep(200);
    }

    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    const certificateNumber = `LOG${randomUUID().slice(0, 8)}`;
    const [{ id: bureauId }] = (
      await db.query<{ id: string }>(`SELECT id FROM bureaus WHERE code = 'CITY'`)
    ).rows;
    await db.query(
      `INSERT INTO officers (name, certificate_number, bureau_id, roles, password_hash) VALUES ('日志测试', $1, $2, '{INSPECTOR}', $3)`,
      [certificateNumber, bureauId, await hashPassword('officer-password-123')],
    );
    const login = await post(
      'mutation Login($input: LoginInput!) { login(input: $input) { accessToken } }',
      { input: { certificateNumber, password: 'officer-password-123' } },
    );
    const token = login.data!.login.accessToken as string;
    const input = {
      idempotencyKey: randomUUID(),
      kind: 'COMPLAINT',
      source: 'VISIT',
      receivedOn: '2019-03-18',
      bureauId,
      content: '投诉内容',
      anonymous: false,
      person: { name: NAME, phone: PHONE, idNumber: ID_NUMBER, address: ADDRESS },
    };
    const registered = await post(proposedOp('RegisterClue'), { input }, token);
    expect(registered.data!.registerClue.clue.personName).toBe(NAME);
    const refused = await post(
      proposedOp('RegisterClue'),
      {
        input: {
          ...input,
          idempotencyKey: randomUUID(),
          person: { ...input.person, idNumber: '110105194912310021' },
        },
      },
      token,
    );
    expect(refused.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    // A value GraphQL itself refuses (a number where a string is wanted), echoed by graphql-js.
    const malformed = await post(
      proposedOp('RegisterClue'),
      {
        input: {
          ...input,
          idempotencyKey: randomUUID(),
          person: { ...input.person, address: 13895001234 },
        },
      },
      token,
    );
    expect(malformed.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    await db.end();
    await sleep(300);
    child.kill('SIGTERM');
    await new Promise((resolve) => child!.once('exit', resolve));

    const requestLines = output.split('\n').filter((line) => line.includes('"RegisterClue"'));
    expect(requestLines).toHaveLength(3);
    for (const value of [NAME, PHONE, ID_NUMBER, ADDRESS]) expect(output).not.toContain(value);
  });
});
