import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

/**
 * A real streaming replica (热备库) of the test server, for the read-replica tests: taken with
 * `pg_basebackup -R -X stream` into a temporary folder and started with `pg_ctl` on a free port.
 * Only for a local server whose binaries are installed under /usr/lib/postgresql/<major>/bin.
 */
export interface Standby {
  /** The standby's URL for `database` (same user and host as the primary). */
  url(database: string): string;
  /** Seconds pg_basebackup took. */
  baseBackupSeconds: number;
  /** Waits until the standby has replayed everything the primary has written so far. */
  caughtUp(timeoutMs?: number): Promise<void>;
  stop(): void;
}

const POSTGRES_USER = 'postgres';

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** Runs a PostgreSQL binary as the postgres OS user (root may not run the server). */
function asPostgres(binary: string, args: string[]): { status: number | null; output: string } {
  const [command, commandArgs] = isRoot()
    ? ['runuser', ['-u', POSTGRES_USER, '--', binary, ...args]]
    : [binary, args];
  const result = spawnSync(command, commandArgs, { encoding: 'utf8', timeout: 300_000 });
  return { status: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}`.trim() };
}

function psql(url: string, sql: string): { ok: boolean; output: string } {
  const result = spawnSync('psql', [url, '-XAtc', sql], { encoding: 'utf8', timeout: 10_000 });
  return {
    ok: result.status === 0,
    output: `${result.stdout ?? ''}${result.stderr ?? ''}`.trim(),
  };
}

function binDir(adminUrl: string): string | undefined {
  const version = psql(adminUrl, 'SHOW server_version_num');
  if (!version.ok) return undefined;
  const dir = `/usr/lib/postgresql/${Math.floor(Number(version.output) / 10000)}/bin`;
  return existsSync(join(dir, 'pg_basebackup')) ? dir : undefined;
}

/**
 * What keeps the test server from serving a streaming replica, checked without changing it; an
 * empty list when a standby can be made. Synchronous so a test file can choose describe.skip.
 */
export function standbyUnavailableReasons(adminUrl: string | undefined): string[] {
  if (!adminUrl) return ['ST_TEST_ADMIN_URL is not set (run through jest)'];
  const server = new URL(adminUrl);
  if (!['127.0.0.1', 'localhost'].includes(server.hostname))
    return [`the test server ${server.host} is not local, so no standby can be started beside it`];
  const reasons: string[] = [];
  if (!binDir(adminUrl))
    reasons.push(
      'pg_basebackup/pg_ctl of the server version are not under /usr/lib/postgresql/<major>/bin',
    );
  const walLevel = psql(adminUrl, 'SHOW wal_level').output;
  if (!['replica', 'logical'].includes(walLevel))
    reasons.push(`wal_level is ${walLevel}; it must be replica or logical`);
  const senders = Number(psql(adminUrl, 'SHOW max_wal_senders').output);
  if (!(senders > 0)) reasons.push(`max_wal_senders is ${senders}; it must be at least 1`);
  const replication = new URL(adminUrl);
  replication.searchParams.set('replication', 'true');
  const identify = psql(replication.toString(), 'IDENTIFY_SYSTEM');
  if (!identify.ok)
    reasons.push(
      `the server refuses a physical replication connection (${identify.output.split('\n')[0]}); ` +
        `pg_hba.conf needs "host replication ${server.username || 'all'} 127.0.0.1/32 trust"`,
    );
  return reasons;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function accepts(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    const result = await client.query<{ recovering: boolean }>(
      'SELECT pg_is_in_recovery() AS recovering',
    );
    return result.rows[0]?.recovering === true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function scalar<T>(url: string, sql: string): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ value: T }>(sql);
    return result.rows[0].value;
  } finally {
    await client.end();
  }
}

/** Takes a base backup of the server at `adminUrl` and starts it as a hot standby. */
export async function startStandby(adminUrl: string): Promise<Standby> {
  const bin = binDir(adminUrl);
  if (!bin) throw new Error('no PostgreSQL binaries for the server version');
  const primary = new URL(adminUrl);
  const root = mkdtempSync(join(tmpdir(), 'st-standby-'));
  const dataDir = join(root, 'data');
  const port = await freePort();
  const stop = (): void => {
    if (existsSync(join(dataDir, 'postmaster.pid')))
      asPostgres(join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
    rmSync(root, { recursive: true, force: true });
  };
  try {
    if (isRoot()) execFileSync('chown', [POSTGRES_USER, root]);
    const started = Date.now();
    const backup = asPostgres(join(bin, 'pg_basebackup'), [
      '-h',
      primary.hostname,
      '-p',
      primary.port || '5432',
      '-U',
      primary.username || POSTGRES_USER,
      '-D',
      dataDir,
      '-R',
      '-X',
      'stream',
      '--checkpoint=fast',
      '--no-sync',
    ]);
    if (backup.status !== 0) throw new Error(`pg_basebackup failed: ${backup.output}`);
    const baseBackupSeconds = (Date.now() - started) / 1000;
    // Debian keeps the configuration outside the data folder; the standby needs its own.
    for (const [file, text] of [
      ['postgresql.conf', ''],
      ['pg_hba.conf', 'local all all trust\nhost all all 127.0.0.1/32 trust\n'],
    ]) {
      const path = join(dataDir, file);
      if (!existsSync(path)) {
        writeFileSync(path, text, { mode: 0o600 });
        if (isRoot()) chownSync(path, Number(execFileSync('id', ['-u', POSTGRES_USER])), -1);
      }
    }
    const options = [
      `-p ${port}`,
      '-c listen_addresses=127.0.0.1',
      '-c hot_standby=on',
      `-c unix_socket_directories=${root}`,
      // A hot standby refuses to start with less of these than its primary has.
      ...['max_connections', 'max_worker_processes', 'max_locks_per_transaction'].map(
        (setting) => `-c ${setting}=${psql(adminUrl, `SHOW ${setting}`).output}`,
      ),
      '-c shared_buffers=32MB',
      '-c fsync=off',
      '-c timezone=UTC',
    ].join(' ');
    const start = asPostgres(join(bin, 'pg_ctl'), [
      '-D',
      dataDir,
      '-l',
      join(root, 'standby.log'),
      '-o',
      options,
      '-w',
      '-t',
      '60',
      'start',
    ]);
    if (start.status !== 0) throw new Error(`pg_ctl start failed: ${start.output}`);
    const url = (database: string): string => {
      const standby = new URL(adminUrl);
      standby.port = String(port);
      standby.pathname = `/${database}`;
      return standby.toString();
    };
    const deadline = Date.now() + 30_000;
    while (!(await accepts(url('postgres')))) {
      if (Date.now() > deadline) throw new Error('the standby did not accept connections in 30 s');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return {
      url,
      baseBackupSeconds,
      async caughtUp(timeoutMs = 15_000) {
        const target = await scalar<string>(adminUrl, 'SELECT pg_current_wal_lsn()::text AS value');
        const until = Date.now() + timeoutMs;
        for (;;) {
          const behind = await scalar<boolean>(
            url('postgres'),
            `SELECT coalesce(pg_last_wal_replay_lsn() < '${target}'::pg_lsn, true) AS value`,
          );
          if (!behind) return;
          if (Date.now() > until) throw new Error(`the standby did not replay up to ${target}`);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      },
      stop,
    };
  } catch (error) {
    stop();
    throw error;
  }
}
