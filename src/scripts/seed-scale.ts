import { parseArgs } from 'node:util';
import { DEFAULT_PASSWORD, seedScale } from './scale/generator';

/**
 * `npm run seed:scale -- --premises 200000 --inspections 1000000 [--seed 1] [--reset]`: fills the
 * database of DATABASE_URL (migrated first) with a generated province for performance work.
 * See src/scripts/scale/generator.ts for what it writes.
 */
const USAGE = `Usage: npm run seed:scale -- [--premises N] [--inspections N] [--seed N] [--reset] [--chunk N] [--password P]
  --premises     premises to generate (default 200000)
  --inspections  inspections to generate (default 1000000)
  --seed         seed of the pseudo-random choices (default 1); same seed, same data
  --reset        empty the domain tables first (audit_events is append-only and kept)
  --chunk        rows per INSERT … SELECT (default 100000)
  --password     password of every generated officer (default ${DEFAULT_PASSWORD})
Needs DATABASE_URL.`;

function positiveInteger(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isSafeInteger(number) || number < 0)
    throw new Error(`--${name} must be a whole number ≥ 0, not ${value}`);
  return number;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      premises: { type: 'string' },
      inspections: { type: 'string' },
      seed: { type: 'string' },
      reset: { type: 'boolean', default: false },
      chunk: { type: 'string' },
      password: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error(`DATABASE_URL is not set.\n${USAGE}`);
  const premises = positiveInteger('premises', values.premises, 200_000);
  const inspections = positiveInteger('inspections', values.inspections, 1_000_000);
  if (premises < 100 || premises > 9_999_999)
    throw new Error('--premises must be between 100 and 9,999,999');
  await seedScale(
    url,
    {
      premises,
      inspections,
      seed: positiveInteger('seed', values.seed, 1),
      reset: values.reset,
      chunk: Math.max(1000, positiveInteger('chunk', values.chunk, 100_000)),
      password: values.password ?? DEFAULT_PASSWORD,
    },
    (message) => console.log(message),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
