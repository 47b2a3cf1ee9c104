import type { ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { connect } from 'node:net';
import { spawnEntryPoint } from '../helpers/entry-point';
import { ADMIN_CERTIFICATE, ADMIN_PASSWORD } from '../helpers/test-app';
import { createTestDatabase, dropTestDatabase } from '../setup/database';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether a new TCP connection to the port is accepted. */
function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('graceful shutdown of the real entry point', () => {
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

  it('finishes the request in flight on SIGTERM, refuses new connections and exits 0', async () => {
    const entry = await spawnEntryPoint(databaseUrl, 'info', (text) => (output += text));
    child = entry.child;
    const port = entry.port;
    const exited = new Promise<number | null>((resolve) => child!.once('exit', resolve));

    const started = Date.now();
    while (!(await accepts(port))) {
      if (child.exitCode !== null || Date.now() - started > 60_000)
        throw new Error(`the service did not start:\n${output}`);
      await sleep(200);
    }

    const body = JSON.stringify({
      query: 'mutation Login($input: LoginInput!) { login(input: $input) { accessToken } }',
      variables: { input: { certificateNumber: ADMIN_CERTIFICATE, password: ADMIN_PASSWORD } },
    });
    const half = Math.floor(body.length / 2);
    const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const slow = request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/graphql',
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
          },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      slow.on('error', reject);
      slow.write(body.slice(0, half));
      // The rest arrives after SIGTERM, as from a phone on a slow network.
      setTimeout(() => slow.end(body.slice(half)), 1500);
    });
    await sleep(300);
    child.kill('SIGTERM');
    await sleep(700);
    const acceptsDuringShutdown = await accepts(port);

    const answer = await response;
    expect(acceptsDuringShutdown).toBe(false);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toMatchObject({
      data: { login: { accessToken: expect.any(String) } },
    });
    expect(await exited).toBe(0);
  });
});
