import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort } from './standby';

/**
 * A real PgBouncer (Debian's `pgbouncer` package) in transaction mode in front of a PostgreSQL
 * server, with its own configuration, port and logs in a temporary folder: for the tests and
 * `npm run bench -- --pgbouncer`. Configured as docs/scaling.md tells operators to: transaction
 * pooling, the two timeouts node-postgres sends as startup parameters ignored.
 */
export interface PgBouncer {
  port: number;
  /** URL of `database` through the pooler (same user as the server URL). */
  url(database: string): string;
  /** Rows of an admin console command (`SHOW CLIENTS`, `SHOW POOLS`…), simple protocol. */
  show<T = Record<string, unknown>>(command: string): Promise<T[]>;
  /** The log file, for the message of a failing test. */
  log(): string;
  stop(): Promise<void>;
}

export interface PgBouncerSettings {
  /** Server connections per database and user (`default_pool_size`). */
  poolSize?: number;
  /** Client connections it accepts in all (`max_client_conn`). */
  maxClients?: number;
}

/** PgBouncer refuses to run as root; it drops to this user (the one Debian's package runs as). */
const RUN_AS = 'postgres';

const CANDIDATES = ['/usr/sbin/pgbouncer', '/usr/bin/pgbouncer', '/usr/local/bin/pgbouncer'];

/** The pgbouncer binary, or undefined when it is not installed. */
export function pgbouncerBinary(): string | undefined {
  const found = CANDIDATES.find((path) => existsSync(path));
  if (found) return found;
  const which = spawnSync('sh', ['-c', 'command -v pgbouncer'], { encoding: 'utf8' });
  return which.status === 0 ? which.stdout.trim() || undefined : undefined;
}

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** Starts PgBouncer in front of the server of `serverUrl` (any database name) and waits for it. */
export async function startPgBouncer(
  serverUrl: string,
  settings: PgBouncerSettings = {},
): Promise<PgBouncer> {
  const binary = pgbouncerBinary();
  if (!binary) throw new Error('pgbouncer is not installed (apt-get install pgbouncer)');
  const server = new URL(serverUrl);
  const user = decodeURIComponent(server.username || 'postgres');
  const password = decodeURIComponent(server.password);
  const root = mkdtempSync(join(tmpdir(), 'st-pgbouncer-'));
  const port = await freePort();
  const logFile = join(root, 'pgbouncer.log');
  const serverHost = server.hostname.replace(/^\[|\]$/g, '');
  const upstream = [
    `host=${serverHost}`,
    `port=${server.port || '5432'}`,
    `user=${user}`,
    ...(password ? [`password=${password}`] : []),
  ].join(' ');
  writeFileSync(join(root, 'userlist.txt'), `"${user}" ""\n`);
  writeFileSync(
    join(root, 'pgbouncer.ini'),
    [
      '[databases]',
      // Any database name is forwarded to the same name on the server (the tests make new ones).
      `* = ${upstream}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      // The clients are the tests and the bench on this machine; the server checks the user.
      'auth_type = trust',
      `auth_file = ${join(root, 'userlist.txt')}`,
      `admin_users = ${user}`,
      'pool_mode = transaction',
      `default_pool_size = ${settings.poolSize ?? 20}`,
      `max_client_conn = ${settings.maxClients ?? 400}`,
      // node-postgres sends these as startup parameters (src/database/data-source-options.ts);
      // PgBouncer refuses a connection with a parameter it does not know unless told to ignore it.
      'ignore_startup_parameters = extra_float_digits,statement_timeout,idle_in_transaction_session_timeout',
      `logfile = ${logFile}`,
      'log_connections = 0',
      'log_disconnections = 0',
      '',
    ].join('\n'),
  );
  if (isRoot()) execFileSync('chown', ['-R', RUN_AS, root]);
  const args = [...(isRoot() ? ['-u', RUN_AS] : []), join(root, 'pgbouncer.ini')];
  const child: ChildProcess = spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  const log = (): string => {
    const file = existsSync(logFile) ? spawnSync('tail', ['-n', '40', logFile]).stdout : '';
    return `${output}${file?.toString() ?? ''}`;
  };
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      // SIGTERM: immediate shutdown, the clients are gone or being closed anyway.
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(root, { recursive: true, force: true });
  };
  const url = (database: string): string => {
    const pooled = new URL(serverUrl);
    pooled.hostname = '127.0.0.1';
    pooled.port = String(port);
    pooled.pathname = `/${database}`;
    return pooled.toString();
  };
  const show = async <T>(command: string): Promise<T[]> => {
    const client = new Client({
      connectionString: url('pgbouncer'),
      connectionTimeoutMillis: 1000,
    });
    await client.connect();
    try {
      return (await client.query(command)).rows as T[];
    } finally {
      await client.end().catch(() => undefined);
    }
  };
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) {
      const text = log();
      await stop();
      throw new Error(`pgbouncer exited at start:\n${text}`);
    }
    if (
      await show('SHOW VERSION').then(
        () => true,
        () => false,
      )
    )
      break;
    if (Date.now() > deadline) {
      const text = log();
      await stop();
      throw new Error(`pgbouncer did not accept connections in 15 s:\n${text}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { port, url, show, log, stop };
}
