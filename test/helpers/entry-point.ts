import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from './standby';
import { ADMIN_CERTIFICATE, ADMIN_PASSWORD, TEST_JWT_SECRET } from './test-app';

const ROOT = join(__dirname, '..', '..');

/**
 * Starts the real entry point (`src/main.ts`, as `npm start` runs it, under ts-node) on a free
 * port against `databaseUrl`, with the tests' secrets and bootstrap administrator and no demo;
 * everything it writes to stdout and stderr goes to `onOutput`.
 */
export async function spawnEntryPoint(
  databaseUrl: string,
  logLevel: string,
  onOutput: (text: string) => void,
): Promise<{ child: ChildProcess; port: number }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      JWT_SECRET: TEST_JWT_SECRET,
      BOOTSTRAP_ADMIN_CERTIFICATE: ADMIN_CERTIFICATE,
      BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD,
      SEED_DEMO: 'false',
      LOG_LEVEL: logLevel,
      TS_NODE_SWC: 'true',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk: Buffer) => onOutput(chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => onOutput(chunk.toString()));
  return { child, port };
}
