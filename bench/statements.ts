import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import type { Client } from 'pg';

/**
 * The database side of a profiled load: what the service's statements cost in PostgreSQL.
 * `pg_stat_statements` when the server has it loaded (it needs `shared_preload_libraries`, i.e. a
 * restart the bench will not do); otherwise `log_min_duration_statement = 0` on the scratch
 * database only, read back from the server's log file when it is on this machine (Debian's
 * /var/log/postgresql/postgresql-<version>-main.log). Each source is said in the output.
 */
export interface StatementWatch {
  /** The statements since start(), as text lines (or why they could not be measured). */
  stop(requests: number): Promise<string>;
}

interface StatementStat {
  query: string;
  calls: number;
  ms: number;
}

function report(source: string, stats: StatementStat[], requests: number): string {
  const calls = stats.reduce((sum, stat) => sum + stat.calls, 0);
  const ms = stats.reduce((sum, stat) => sum + stat.ms, 0);
  const per = (value: number): string => (requests ? (value / requests).toFixed(2) : '—');
  return [
    `### database (${source}): ${calls} statements, ${ms.toFixed(0)} ms; per request ${per(calls)} statements, ${per(ms)} ms`,
    ...[...stats]
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 12)
      .map(
        (stat) =>
          `${stat.ms.toFixed(0).padStart(7)} ms ${String(stat.calls).padStart(7)} calls  ${stat.query.replace(/\s+/g, ' ').slice(0, 160)}`,
      ),
  ].join('\n');
}

async function pgStatStatements(db: Client): Promise<StatementWatch | null> {
  try {
    await db.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    await db.query('SELECT pg_stat_statements_reset()');
  } catch {
    return null;
  }
  return {
    async stop(requests) {
      const { rows } = await db.query<{ query: string; calls: string; ms: number }>(
        `SELECT query, calls, total_exec_time + total_plan_time AS ms FROM pg_stat_statements
         WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      );
      return report(
        'pg_stat_statements, planning + execution',
        rows.map((row) => ({ query: row.query, calls: Number(row.calls), ms: row.ms })),
        requests,
      );
    },
  };
}

function readFrom(path: string, offset: number): string {
  const size = statSync(path).size;
  const buffer = Buffer.alloc(Math.max(0, size - offset));
  const fd = openSync(path, 'r');
  try {
    readSync(fd, buffer, 0, buffer.length, offset);
  } finally {
    closeSync(fd);
  }
  return buffer.toString('utf8');
}

/**
 * `duration: 0.123 ms  parse|bind|execute <unnamed>: SQL` lines of this database; parse and bind
 * are counted under the statement they prepare, so a statement's time is all three.
 */
function parseLog(text: string, database: string): StatementStat[] {
  const stats = new Map<string, StatementStat>();
  const line =
    /@(\S+) LOG:\s+duration: ([\d.]+) ms\s+(parse|bind|execute) [^:]*: ([\s\S]*?)(?=\n\d{4}-\d{2}-\d{2} |\n?$)/g;
  for (const match of text.matchAll(line)) {
    if (match[1] !== database) continue;
    const query = match[4].replace(/\s+/g, ' ').trim();
    const stat = stats.get(query) ?? { query, calls: 0, ms: 0 };
    if (match[3] === 'execute') stat.calls++;
    stat.ms += Number(match[2]);
    stats.set(query, stat);
  }
  return [...stats.values()];
}

async function serverLog(db: Client): Promise<StatementWatch | string> {
  const {
    rows: [server],
  } = await db.query<{ version: string; database: string }>(
    `SELECT current_setting('server_version_num')::int / 10000 AS version, current_database() AS database`,
  );
  const path = `/var/log/postgresql/postgresql-${server.version}-main.log`;
  if (!existsSync(path)) return `no pg_stat_statements and no server log at ${path}`;
  await db.query(`ALTER DATABASE "${server.database}" SET log_min_duration_statement = 0`);
  const offset = statSync(path).size;
  return {
    async stop(requests) {
      await db.query(`ALTER DATABASE "${server.database}" RESET log_min_duration_statement`);
      return report(
        `server log ${path}, parse + bind + execute`,
        parseLog(readFrom(path, offset), server.database),
        requests,
      );
    },
  };
}

/**
 * Starts watching the statements of the scratch database. Only sessions opened afterwards log
 * (an ALTER DATABASE setting applies at connection), so start it before the service.
 */
export async function watchStatements(db: Client): Promise<StatementWatch> {
  const watch = (await pgStatStatements(db)) ?? (await serverLog(db));
  if (typeof watch === 'string') return { stop: () => Promise.resolve(`### database: ${watch}`) };
  return watch;
}
