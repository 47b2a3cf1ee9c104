import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { BureausRepository } from '../bureaus/bureaus.repository';
import { render } from '../common/messages/message';
import { Database } from '../database/database';
import { dataSourceOptions } from '../database/data-source-options';
import { PremisesImportService } from './premises-import.service';
import { PremisesRepository } from './premises.repository';
import { readPremisesCsv } from './premises-csv';

/**
 * `npm run import:premises -- FILE.csv`: imports the premises registry (市场主体名录) from a CSV
 * file into the database of DATABASE_URL, with the same checks and upsert as importPremises.
 * Audit events record no officer (actor null) and the request id `cli:import-premises`.
 * Reasons are printed in English. Exits 0 when the import ran (even with rejected rows), 1 when it could not run.
 */
async function main(): Promise<void> {
  const [file] = process.argv.slice(2);
  const url = process.env.DATABASE_URL;
  if (!file) throw new Error('usage: npm run import:premises -- FILE.csv');
  if (!url) throw new Error('DATABASE_URL must be set, e.g. postgres://postgres@127.0.0.1:5432/db');

  const { rows, lines } = readPremisesCsv(readFileSync(file, 'utf8'));
  const dataSource = await new DataSource(dataSourceOptions(url, { max: 2 })).initialize();
  try {
    const service = new PremisesImportService(
      new Database(dataSource),
      new AuditService(),
      new PremisesRepository(),
      new BureausRepository(),
    );
    const result = await service.import(rows, { actorId: null, requestId: 'cli:import-premises' });
    console.log(`${file}: ${rows.length} rows`);
    console.log(`created: ${result.created}`);
    console.log(`updated: ${result.updated}`);
    console.log(`rejected: ${result.rejected.length}`);
    for (const rejected of result.rejected) {
      // the command line speaks English, as it always has
      console.log(`  line ${lines[rejected.row]}: ${render(rejected.reason, 'en')}`);
    }
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
