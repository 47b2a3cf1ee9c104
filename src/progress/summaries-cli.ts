import 'reflect-metadata';
import { isDeepStrictEqual } from 'node:util';
import { DataSource } from 'typeorm';
import { Scope } from '../common/scope';
import { shanghaiDay } from '../common/time/shanghai';
import { dataSourceOptions } from '../database/data-source-options';
import { ProgressSummariesRepository } from './progress-summaries.repository';
import { ProgressRepository, type ProgressSelection } from './progress.repository';

/**
 * `npm run progress:verify [-- --sweep ID]` and `npm run progress:rebuild [-- --sweep ID]` on the
 * database of DATABASE_URL, for operators (after a restore, or when in doubt):
 * - verify compares, sweep by sweep in one REPEATABLE READ snapshot, every summary table with its
 *   recomputation from the raw tables, and the whole city's figures (open-ended, and up to the
 *   sweep's last day) read from the summaries with the same figures recomputed; prints each
 *   difference; exits 0 when exact, 2 when something differs, 1 when it could not run;
 * - rebuild recomputes the summaries of each sweep (or the one given), one transaction per sweep
 *   under the sweep's lock, so writers of other sweeps go on meanwhile.
 */
type Log = (line: string) => void;

interface SweepRow {
  id: string;
  code: string;
  end_date: string;
  pending: boolean;
}

function sweepsOf(dataSource: DataSource, sweepId: string | null): Promise<SweepRow[]> {
  return dataSource.query<SweepRow[]>(
    `SELECT s.id, s.code, to_char(s.end_date, 'YYYY-MM-DD') AS end_date,
       EXISTS (SELECT 1 FROM progress_pending_sweeps p WHERE p.sweep_id = s.id) AS pending
     FROM sweeps s WHERE $1::uuid IS NULL OR s.id = $1 ORDER BY s.code`,
    [sweepId],
  );
}

/** The number of differences found (0: the summaries are exact). */
export async function verifySummaries(
  dataSource: DataSource,
  log: Log,
  sweepId: string | null = null,
  now = new Date(),
): Promise<number> {
  const summaries = new ProgressSummariesRepository();
  const raw = new ProgressRepository();
  const today = shanghaiDay(now);
  let differences = 0;
  for (const sweep of await sweepsOf(dataSource, sweepId)) {
    if (sweep.pending) {
      log(`${sweep.code}: pending (not built yet; served from the raw tables)`);
      continue;
    }
    const found = await dataSource.transaction('REPEATABLE READ', async (manager) => {
      const lines: string[] = [];
      for (const table of await summaries.differences(manager, sweep.id)) {
        lines.push(`${table.table}: ${table.missing} rows missing, ${table.extra} rows too many`);
      }
      const to = sweep.end_date < today ? sweep.end_date : null;
      for (const range of to ? [null, to] : [null]) {
        const selection: ProgressSelection = {
          sweepIds: [sweep.id],
          categoryIds: null,
          from: null,
          to: range,
          asOf: range ?? today,
          rootBureauId: null,
        };
        const scope = Scope.system();
        const label = range ? `to ${range}` : 'open-ended';
        const pairs: [string, unknown, unknown][] = [
          [
            'figures',
            sorted(await summaries.figures(manager, scope, selection)),
            sorted(await raw.recomputeFigures(manager, scope, selection)),
          ],
          [
            'daily series',
            await summaries.daily(manager, scope, selection),
            await raw.recomputeDaily(manager, scope, selection),
          ],
          [
            'violation types',
            await summaries.violationTypeCounts(manager, scope, selection),
            await raw.recomputeViolationTypeCounts(manager, scope, selection),
          ],
        ];
        for (const [name, fromSummaries, recomputed] of pairs) {
          if (!isDeepStrictEqual(fromSummaries, recomputed)) {
            lines.push(`${name} (${label}) differ from the recomputation`);
          }
        }
      }
      return lines;
    });
    log(`${sweep.code}: ${found.length ? `${found.length} differences` : 'exact'}`);
    for (const line of found) log(`  ${line}`);
    differences += found.length;
  }
  return differences;
}

/** Rebuilds the summaries of every sweep (or one), one transaction each. */
export async function rebuildSummaries(
  dataSource: DataSource,
  log: Log,
  sweepId: string | null = null,
): Promise<void> {
  const summaries = new ProgressSummariesRepository();
  for (const sweep of await sweepsOf(dataSource, sweepId)) {
    const started = Date.now();
    await dataSource.transaction((manager) => summaries.rebuild(manager, sweep.id));
    log(`${sweep.code}: rebuilt (${Date.now() - started} ms)`);
  }
}

function sorted<T>(rows: T[]): T[] {
  return [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  const sweepIndex = rest.indexOf('--sweep');
  const sweepId = sweepIndex >= 0 ? rest[sweepIndex + 1] : null;
  const url = process.env.DATABASE_URL;
  if (command !== 'verify' && command !== 'rebuild') {
    throw new Error('usage: npm run progress:verify | progress:rebuild [-- --sweep ID]');
  }
  if (!url) throw new Error('DATABASE_URL must be set, e.g. postgres://postgres@127.0.0.1:5432/db');
  // An hour: rebuilding a sweep of a million inspections takes longer than a request may.
  const dataSource = await new DataSource(
    dataSourceOptions(url, { max: 2, statementTimeoutMs: 3_600_000 }),
  ).initialize();
  try {
    const log = (line: string) => console.log(line);
    if (command === 'rebuild') {
      await rebuildSummaries(dataSource, log, sweepId);
      return 0;
    }
    const differences = await verifySummaries(dataSource, log, sweepId);
    console.log(differences ? `${differences} differences` : 'the summaries are exact');
    return differences ? 2 : 0;
  } finally {
    await dataSource.destroy();
  }
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
