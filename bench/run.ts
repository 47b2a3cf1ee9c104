import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { hashPassword } from '../src/auth/password';
import { op } from '../test/helpers/contract';
import { startPgBouncer } from '../test/helpers/pgbouncer';
import { benchLists } from './lists';
import { benchLogInspection, POOL_SIZE } from './log-inspection';
import {
  cleanUp,
  createScratchDatabase,
  onCleanUp,
  peakRssMiB,
  runCommand,
  startProcess,
} from './processes';
import { formatProfile, profileClock, summariseProfile } from './profile';
import { benchProgress } from './progress';
import { printTable, Row } from './report';
import { watchStatements } from './statements';

/**
 * `npm run bench [-- --no-build] [--full] [--profile] [--seconds 10] [--progress-requests 30] [--sizes 10000,100000] [--pgbouncer]`: the
 * performance benchmark of issue 7 (see BENCHMARKS.md). Builds, fills a scratch database with
 * `npm run seed:scale` at each size, starts the production build as a separate process and drives
 * it over HTTP; prints one table. Everything it starts it stops, and the scratch database is
 * dropped, on success, error or Ctrl-C. Numbers are printed, never asserted. `--pgbouncer` runs the
 * load rows (logInspection and the lists) a second time with the service's DATABASE_URL on a
 * PgBouncer in transaction mode that it starts (DATABASE_DIRECT_URL on the server, as deployed);
 * the plain pg floor and PostGraphile stay on the server. Needs the `pgbouncer` binary.
 *
 * `--profile`: each profiled load (the lists, logInspection) runs against a service process of its
 * own started with `node --cpu-prof`, whose profile is written into bench-profiles/<time>/ when it
 * stops; the bench prints where the CPU went (self time by package and by function, ms of CPU per
 * request) and the database side of the same load (see statements.ts).
 *
 * Environment: BENCH_DATABASE_URL (the server, default postgres://postgres@127.0.0.1:5432/);
 * BENCH_SEED_DIR (the checkout whose `npm run seed:scale` fills the database, default this one).
 */
const ROOT = join(__dirname, '..');
const JWT_SECRET = randomBytes(32).toString('hex');
const OFFICER_PASSWORD = 'bench-password-123';

export interface Target {
  /** The service's base URL (http://127.0.0.1:port). */
  url: string;
  databaseUrl: string;
  pid: number | undefined;
  db: Client;
  /** Logs in a new active officer of `bureauId` with `roles`; returns its id and token. */
  officer(bureauId: string, roles: string[]): Promise<{ id: string; token: string }>;
  seconds: number;
  stop(): Promise<void>;
  /**
   * Runs a load against `url` (the service's base URL; `pid` its process). With --profile,
   * against a service process of its own under `node --cpu-prof`, then prints the profile's
   * summary and the database side; `requests` (how many the load sent) gives the cost per request.
   */
  profiled<T extends { requests: number }>(
    name: string,
    load: (url: string, pid: number | undefined) => Promise<T>,
  ): Promise<T>;
}

interface Options {
  build: boolean;
  full: boolean;
  /** Where CPU profiles go (--profile), or null. */
  profileDir: string | null;
  seconds: number;
  progressRequests: number;
  sizes: number[];
  pgbouncer: boolean;
}

function options(): Options {
  const { values } = parseArgs({
    options: {
      'no-build': { type: 'boolean', default: false },
      full: { type: 'boolean', default: false },
      profile: { type: 'boolean', default: false },
      seconds: { type: 'string', default: '10' },
      'progress-requests': { type: 'string', default: '30' },
      sizes: { type: 'string' },
      pgbouncer: { type: 'boolean', default: false },
    },
  });
  return {
    build: !values['no-build'],
    full: values.full,
    profileDir: values.profile
      ? join(ROOT, 'bench-profiles', new Date().toISOString().replace(/[:.]/g, '-'))
      : null,
    seconds: Number(values.seconds),
    progressRequests: Number(values['progress-requests']),
    sizes: values.sizes
      ? values.sizes.split(',').map(Number)
      : values.full
        ? [10_000, 100_000, 1_000_000]
        : [10_000, 100_000],
    pgbouncer: values.pgbouncer,
  };
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

function seed(databaseUrl: string, inspections: number): void {
  const premises = Math.max(1000, Math.round(inspections / 5));
  console.log(`\n# seed:scale --premises ${premises} --inspections ${inspections}`);
  const started = Date.now();
  runCommand(
    'npm',
    [
      'run',
      'seed:scale',
      '--',
      '--reset',
      '--premises',
      String(premises),
      '--inspections',
      String(inspections),
    ],
    { cwd: process.env.BENCH_SEED_DIR ?? ROOT, env: { DATABASE_URL: databaseUrl } },
  );
  console.log(`# seeded in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

/**
 * The production build on `databaseUrl`; `directUrl` (DATABASE_DIRECT_URL) when that is a pooler;
 * under `node --cpu-prof` when `cpuProfile` is given.
 */
async function startService(
  databaseUrl: string,
  {
    directUrl,
    cpuProfile,
  }: { directUrl?: string; cpuProfile?: { dir: string; name: string } } = {},
): Promise<{ url: string; pid?: number; stop: () => Promise<void> }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const profiling = cpuProfile
    ? ['--cpu-prof', '--cpu-prof-dir', cpuProfile.dir, '--cpu-prof-name', cpuProfile.name]
    : [];
  const { child, stop } = await startProcess(
    'service',
    process.execPath,
    [...profiling, join(ROOT, 'dist', 'src', 'main.js')],
    {
      NODE_ENV: 'production',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      DATABASE_READ_URL: undefined,
      DATABASE_DIRECT_URL: directUrl,
      // The floor's pool size (bench/log-inspection.ts): both sides with the same connections.
      DATABASE_POOL_MAX: String(POOL_SIZE),
      JWT_SECRET,
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
    },
    async () => (await fetch(`${url}/health/ready`)).ok,
  );
  return { url, pid: child.pid, stop };
}

async function login(url: string, certificateNumber: string): Promise<string> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: op('Login'),
      variables: { input: { certificateNumber, password: OFFICER_PASSWORD } },
    }),
  });
  const body = (await response.json()) as {
    data?: { login?: { accessToken: string } };
    errors?: unknown;
  };
  if (!body.data?.login) throw new Error(`login failed: ${JSON.stringify(body.errors)}`);
  return body.data.login.accessToken;
}

/** A safe file name for a load's profile. */
function fileName(name: string): string {
  return name.replace(/[^\w-]+/g, '-').replace(/^-|-$/g, '');
}

/** The service on `databaseUrl`, or on `serviceDatabaseUrl` (a pooler in front of it) when given. */
async function target(
  databaseUrl: string,
  db: Client,
  seconds: number,
  profileDir: string | null,
  serviceDatabaseUrl?: string,
): Promise<Target> {
  const start = (cpuProfile?: { dir: string; name: string }) =>
    serviceDatabaseUrl
      ? startService(serviceDatabaseUrl, { directUrl: databaseUrl, cpuProfile })
      : startService(databaseUrl, { cpuProfile });
  const service = await start();
  const hash = await hashPassword(OFFICER_PASSWORD);
  return {
    url: service.url,
    databaseUrl,
    pid: service.pid,
    db,
    seconds,
    stop: service.stop,
    async officer(bureauId, roles) {
      const certificateNumber = `BENCH${randomBytes(5).toString('hex').toUpperCase()}`;
      const {
        rows: [row],
      } = await db.query<{ id: string }>(
        `INSERT INTO officers (name, certificate_number, bureau_id, roles, password_hash)
         VALUES ('压测人员', $1, $2, $3, $4) RETURNING id`,
        [certificateNumber, bureauId, roles, hash],
      );
      return { id: row.id, token: await login(service.url, certificateNumber) };
    },
    async profiled(name, load) {
      if (!profileDir) return load(service.url, service.pid);
      mkdirSync(profileDir, { recursive: true });
      const file = `${fileName(name)}.cpuprofile`;
      // Before the service starts: the server-log fallback applies to new sessions only.
      const statements = await watchStatements(db);
      const profiled = await start({ dir: profileDir, name: file });
      const from = profileClock();
      const result = await load(profiled.url, profiled.pid);
      const to = profileClock();
      // The profile is written when the process exits.
      await profiled.stop();
      const text = [
        formatProfile(
          `${name} (the load only)`,
          summariseProfile(join(profileDir, file), { from, to }),
          result.requests,
        ),
        await statements.stop(result.requests),
      ].join('\n');
      writeFileSync(join(profileDir, `${fileName(name)}.txt`), `${text}\n`);
      console.log(`\n${text}\n# profile: ${join(profileDir, file)}`);
      return result;
    },
  };
}

async function main(): Promise<void> {
  const settings = options();
  if (settings.profileDir) console.log(`# --profile: CPU profiles go to ${settings.profileDir}`);
  if (settings.build) runCommand('npm', ['run', 'build'], { cwd: ROOT });
  const server = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/';
  const databaseUrl = await createScratchDatabase(server);
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  onCleanUp(() => db.end());

  const { sizes } = settings;
  // The load tests run once, on the 100k database (or the largest below it).
  const loadSize = Math.max(...sizes.filter((size) => size <= 100_000), sizes[0]);
  const rows: Row[] = [];
  const progress: Awaited<ReturnType<typeof benchProgress>>[] = [];
  let peak: number | null = null;
  for (const size of sizes) {
    seed(databaseUrl, size);
    // Fresh statistics, as autovacuum would have after a bulk load.
    await db.query('ANALYZE');
    const service = await target(databaseUrl, db, settings.seconds, settings.profileDir);
    // Where the peak is reached, for the memory goal (VmHWM only ever grows).
    const peakSoFar = (after: string): void =>
      console.log(`# service peak RSS after ${after}: ${peakRssMiB(service.pid)?.toFixed(0)} MiB`);
    progress.push(await benchProgress(service, size, settings.progressRequests));
    peakSoFar(`sweepProgress at ${size}`);
    if (size === loadSize) {
      rows.push(...(await benchLogInspection(service)));
      peakSoFar('logInspection');
      rows.push(...(await benchLists(service)));
      peakSoFar('the lists');
      peak = peakRssMiB(service.pid);
    }
    await service.stop();
    if (size === loadSize && settings.pgbouncer) {
      const through = await throughPgBouncer(databaseUrl, db, settings.seconds);
      rows.push(...through.rows);
      if (through.peak !== null) peak = Math.max(peak ?? 0, through.peak);
    }
  }
  printTable(rows, progress, peak, sizes);
  if (settings.profileDir) {
    console.log(
      `# --profile: the profiled loads ran against services of their own under --cpu-prof (figures include the profiler's cost; the peak memory is the main service's). Profiles and summaries: ${settings.profileDir}`,
    );
  }
}

/**
 * The load rows again with the service behind a PgBouncer in transaction mode (started here,
 * stopped at clean-up), labelled so. Its pool size is the service's (DATABASE_POOL_MAX = POOL_SIZE),
 * so the pooler adds a hop but takes no connections away.
 */
async function throughPgBouncer(
  databaseUrl: string,
  db: Client,
  seconds: number,
): Promise<{ rows: Row[]; peak: number | null }> {
  const bouncer = await startPgBouncer(databaseUrl, { poolSize: POOL_SIZE });
  onCleanUp(() => bouncer.stop());
  const service = await target(
    databaseUrl,
    db,
    seconds,
    null,
    bouncer.url(new URL(databaseUrl).pathname.slice(1)),
  );
  // The lists first: they then read the same rows as the direct pass did (after its logInspection
  // load), and logInspection's own speed does not depend on the rows the lists' load left.
  const lists = await benchLists(service);
  const rows = [...(await benchLogInspection(service)), ...lists];
  const peak = peakRssMiB(service.pid);
  await service.stop();
  await bouncer.stop();
  return { rows: rows.map((row) => ({ ...row, what: `${row.what}, through PgBouncer` })), peak };
}

process.on('SIGINT', () => void cleanUp().then(() => process.exit(130)));
process.on('SIGTERM', () => void cleanUp().then(() => process.exit(143)));
main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => cleanUp());
