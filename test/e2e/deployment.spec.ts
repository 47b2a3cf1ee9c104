import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApp, TestApp } from '../helpers/test-app';

const ROOT = join(__dirname, '..', '..');
const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8');

interface Instruction {
  keyword: string;
  args: string;
}

interface Stage {
  from: string;
  name?: string;
  instructions: Instruction[];
}

/** Dockerfile instructions by stage, continuation lines joined and comments dropped. */
function parseDockerfile(text: string): Stage[] {
  const logical = text
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const stages: Stage[] = [];
  for (const line of logical) {
    const [, keyword, args] = /^(\w+)\s+(.*)$/.exec(line) ?? [];
    if (!keyword) throw new Error(`Unreadable Dockerfile line: ${line}`);
    if (keyword.toUpperCase() === 'FROM') {
      const [, from, name] = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args) ?? [];
      stages.push({ from, name, instructions: [] });
    } else {
      stages.at(-1)?.instructions.push({ keyword: keyword.toUpperCase(), args });
    }
  }
  return stages;
}

function argsOf(stage: Stage, keyword: string): string[] {
  return stage.instructions.filter((i) => i.keyword === keyword).map((i) => i.args);
}

describe('the Dockerfile', () => {
  const stages = parseDockerfile(read('Dockerfile'));
  const build = stages[0];
  const runtime = stages.at(-1)!;

  it('builds in a node 20 stage with every dependency and runs in a second one', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(build.from).toBe('node:20-bookworm-slim');
    expect(runtime.from).toBe('node:20-bookworm-slim');
    const buildRuns = argsOf(build, 'RUN').join('\n');
    expect(buildRuns).toMatch(/npm ci\b/);
    expect(buildRuns).toContain('npm run build');
    expect(argsOf(runtime, 'COPY').join('\n')).toContain(`--from=${build.name} /app/dist`);
  });

  it('installs only production dependencies in the runtime stage', () => {
    const runs = argsOf(runtime, 'RUN').join('\n');
    expect(runs).toMatch(/npm ci\b[^\n]*--omit=dev/);
    expect(runs).not.toMatch(/npm (install|i)\b/);
    expect(argsOf(runtime, 'ENV').join(' ')).toMatch(/NODE_ENV=production/);
  });

  it('runs as a user that is not root', () => {
    const users = argsOf(runtime, 'USER');
    expect(users.length).toBeGreaterThan(0);
    expect(users.at(-1)).not.toMatch(/^(root|0)(:|$)/);
    const lastUser = runtime.instructions.map((i) => i.keyword).lastIndexOf('USER');
    const lastRun = runtime.instructions.map((i) => i.keyword).lastIndexOf('RUN');
    expect(lastUser).toBeGreaterThan(lastRun);
  });

  it('exposes port 3000 and starts the compiled entry point that nest build writes', () => {
    expect(argsOf(runtime, 'EXPOSE')).toEqual(['3000']);
    const cmd = JSON.parse(argsOf(runtime, 'CMD').at(-1)!) as string[];
    expect(cmd).toEqual(['node', 'dist/src/main.js']);
    const nest = JSON.parse(read('nest-cli.json')) as { entryFile: string };
    expect(`dist/${nest.entryFile}.js`).toBe(cmd[1]);
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> })
      .scripts;
    expect(scripts['start:prod']).toBe(`node ${cmd[1]}`);
  });

  describe('health check', () => {
    let app: TestApp;
    const check = (): string[] => {
      const healthcheck = argsOf(runtime, 'HEALTHCHECK').at(-1)!;
      const [, exec] = /\bCMD\s+(\[.*\])\s*$/.exec(healthcheck) ?? [];
      return JSON.parse(exec) as string[];
    };
    // Asynchronous: the service under test answers from this same process.
    const runCheck = (port: string): Promise<number | null> =>
      new Promise((resolve) => {
        const child = spawn(check()[0], check().slice(1), {
          env: { ...process.env, PORT: port },
          timeout: 10_000,
          stdio: 'ignore',
        });
        child.on('exit', (code) => resolve(code));
      });

    beforeAll(async () => {
      app = await startTestApp();
    });
    afterAll(() => app.close());

    it('asks /health/ready with node, since the slim image has no curl', () => {
      expect(check()[0]).toBe('node');
      expect(check().join(' ')).toContain('/health/ready');
    });

    it('passes against a ready service and fails where nothing answers', async () => {
      expect(await runCheck(new URL(app.url).port)).toBe(0);
      expect(await runCheck('1')).toBe(1);
    });
  });
});

describe('.dockerignore', () => {
  it('keeps dependencies, build output, data, history, tests and secrets out of the context', () => {
    const ignored = read('.dockerignore')
      .split('\n')
      .map((line) => line.trim());
    for (const entry of ['node_modules', 'dist', '.data', '.git', 'coverage', 'test', '.env']) {
      expect(ignored).toContain(entry);
    }
  });
});

describe('docker-compose.yml', () => {
  const text = read('docker-compose.yml');

  it('runs PostgreSQL 16 on a volume with a health check, and starts the service once it is healthy', () => {
    expect(text).toMatch(/image:\s*postgres:16\b/);
    expect(text).toMatch(/-\s*postgres-data:\/var\/lib\/postgresql\/data/);
    expect(text).toMatch(/pg_isready/);
    expect(text).toMatch(/db:\s*\n\s*condition:\s*service_healthy/);
  });

  it('publishes no default secret: the passwords are required, the JWT secret optional', () => {
    // Production refuses DEMO-ONLY values (issue 17); a default here would keep it from starting.
    expect(text).not.toMatch(/DEMO-ONLY/);
    for (const variable of ['BOOTSTRAP_ADMIN_PASSWORD', 'POSTGRES_PASSWORD'])
      expect(text).toMatch(new RegExp(`${variable}: \\$\\{${variable}:\\?`));
    expect(text).toMatch(/JWT_SECRET: \$\{JWT_SECRET:-\}/);
  });
});

/** `docker compose` (the plugin) or the standalone `docker-compose`, whichever works offline. */
function composeCommand(): string[] | undefined {
  for (const command of [['docker', 'compose'], ['docker-compose']]) {
    const probe = spawnSync(command[0], [...command.slice(1), 'version'], { timeout: 10_000 });
    if (probe.status === 0) return command;
  }
  return undefined;
}

const compose = composeCommand();
if (!compose) {
  console.warn(
    'Skipping `docker compose config`: neither the docker compose plugin nor docker-compose is installed',
  );
}

(compose ? describe : describe.skip)(
  'docker compose config (skipped where neither docker compose nor docker-compose is installed)',
  () => {
    const config = (env: Record<string, string>): string => {
      const clean = Object.fromEntries(
        Object.entries(process.env).filter(
          ([key]) =>
            ![
              'DATABASE_URL',
              'JWT_SECRET',
              'BOOTSTRAP_ADMIN_PASSWORD',
              'POSTGRES_PASSWORD',
            ].includes(key),
        ),
      );
      return execFileSync(
        compose![0],
        [...compose!.slice(1), '-f', 'docker-compose.yml', 'config'],
        {
          cwd: ROOT,
          env: { ...clean, ...env },
          encoding: 'utf8',
          timeout: 30_000,
        },
      );
    };

    it('refuses to run without the passwords, naming the variable', () => {
      expect(() => config({})).toThrow(/POSTGRES_PASSWORD|BOOTSTRAP_ADMIN_PASSWORD/);
    });

    it('accepts the file with the passwords set, the database URL built from them', () => {
      const output = config({
        BOOTSTRAP_ADMIN_PASSWORD: 'a-real-admin-password',
        POSTGRES_PASSWORD: 'a-real-db-password',
      });
      expect(output).toMatch(/postgres:16/);
      expect(output).toMatch(/condition: service_healthy/);
      expect(output).toContain(
        'DATABASE_URL: postgres://sweep_tracker:a-real-db-password@db:5432/',
      );
    });

    it('takes the secrets from the environment when they are set', () => {
      const output = config({
        JWT_SECRET: 'a-real-secret-from-the-operator-0123456789',
        BOOTSTRAP_ADMIN_PASSWORD: 'a-real-admin-password',
        POSTGRES_PASSWORD: 'a-real-db-password',
        DATABASE_URL: 'postgres://app:pw@db.internal:5432/sweeps',
      });
      expect(output).toContain('JWT_SECRET: a-real-secret-from-the-operator-0123456789');
      expect(output).toContain('BOOTSTRAP_ADMIN_PASSWORD: a-real-admin-password');
      expect(output).toContain('DATABASE_URL: postgres://app:pw@db.internal:5432/sweeps');
      expect(output).not.toContain('JWT_SECRET: DEMO-ONLY');
    });
  },
);
