import { readFile } from 'node:fs/promises';
import { replayDifferences, type PlanExport } from './plan-export';

/**
 * `npm run selection:replay -- <file.json|url>`: recomputes the fingerprint and the draw of a
 * published plan from its public export (/public/selection-plans/{id}.json) and prints OK, or
 * every difference and exits 1. It needs nothing of the service: the draw is a pure function of
 * the frozen inputs and the seed the export carries.
 */
async function load(source: string): Promise<PlanExport> {
  if (/^https?:\/\//.test(source)) {
    const response = await fetch(source);
    if (!response.ok) throw new Error(`${source}: HTTP ${response.status}`);
    return (await response.json()) as PlanExport;
  }
  return JSON.parse(await readFile(source, 'utf8')) as PlanExport;
}

export async function replay(source: string, out: (line: string) => void): Promise<number> {
  const exported = await load(source);
  const differences = replayDifferences(exported);
  if (differences.length === 0) {
    out(
      `OK ${exported.plan.id}: fingerprint ${exported.fingerprint}, ${exported.draw.visits.length} visits replayed identically (${exported.algorithm})`,
    );
    return 0;
  }
  out(`DIFFERS ${exported.plan?.id ?? '(no plan id)'}:`);
  for (const difference of differences) out(`  ${difference}`);
  return 1;
}

if (require.main === module) {
  const source = process.argv[2];
  if (!source) {
    console.error('usage: npm run selection:replay -- <file.json|url>');
    process.exit(2);
  }
  replay(source, (line) => console.log(line)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(2);
    },
  );
}
