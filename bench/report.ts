import { PROBE_INSPECTIONS, type ProgressResult } from './progress';

/** One line of the table: our figure, the floor or peer it is compared with, and the goal. */
export interface Row {
  what: string;
  ours: string;
  floor: string;
  ratio: string;
  goal: string;
  met: string;
}

export function fixed(value: number, digits: number): string {
  return Number.isFinite(value) ? value.toFixed(digits) : '—';
}

export function verdict(met: boolean): string {
  return met ? 'met' : 'MISSED';
}

function progressRows(results: ProgressResult[], sizes: number[]): Row[] {
  const rows: Row[] = [];
  for (const result of results) {
    const ratio = result.p50 / result.handP50;
    rows.push({
      what: `sweepProgress at ${result.size.toLocaleString('en')} inspections (sweep has ${result.sweepInspections.toLocaleString('en')}), open-ended: p50 / p99 (ms)`,
      ours: `${fixed(result.p50, 1)} / ${fixed(result.p99, 1)}`,
      floor: `${fixed(result.handP50, 1)} / ${fixed(result.handP99, 1)} (hand SQL)`,
      ratio: fixed(ratio, 2),
      goal: 'p50 ≤ 1.5 × hand SQL',
      met: verdict(ratio <= 1.5),
    });
    const toRatio = result.toP50 / result.toHandP50;
    rows.push({
      what: `sweepProgress at ${result.size.toLocaleString('en')} inspections, \`to: ${result.to}\` only: p50 (ms)`,
      ours: fixed(result.toP50, 1),
      floor: `${fixed(result.toHandP50, 1)} (hand SQL)`,
      ratio: fixed(toRatio, 2),
      goal: 'p50 ≤ 1.5 × hand SQL',
      met: verdict(toRatio <= 1.5),
    });
    const fromRatio = result.fromP50 / result.fromHandP50;
    rows.push({
      what: `sweepProgress at ${result.size.toLocaleString('en')} inspections, \`from: ${result.from}, to: ${result.to}\` (raw tables): p50 (ms)`,
      ours: fixed(result.fromP50, 1),
      floor: `${fixed(result.fromHandP50, 1)} (hand SQL)`,
      ratio: fixed(fromRatio, 2),
      goal: 'p50 ≤ 1.5 × hand SQL',
      met: verdict(fromRatio <= 1.5),
    });
  }
  for (const result of results) {
    const ratio = result.probeP50 / result.probeHandP50;
    rows.push({
      what: `sweepProgress of a ${PROBE_INSPECTIONS.toLocaleString('en')}-inspection sweep in a database of ${result.size.toLocaleString('en')}: p50 (ms)`,
      ours: fixed(result.probeP50, 1),
      floor: `${fixed(result.probeHandP50, 1)} (hand SQL)`,
      ratio: fixed(ratio, 2),
      goal: 'p50 ≤ 1.5 × hand SQL',
      met: verdict(ratio <= 1.5),
    });
  }
  for (const result of results) {
    rows.push({
      what: `ActiveSweepsProgress, all ${result.activeSweeps} active sweeps in one request, database of ${result.size.toLocaleString('en')}: p50 (ms)`,
      ours: fixed(result.activeP50, 1),
      floor: '',
      ratio: '',
      goal: 'reported',
      met: '—',
    });
  }
  const first = results.find((result) => result.size === 10_000);
  const million = results.find((result) => result.size === 1_000_000);
  rows.push(
    first && million
      ? {
          what: `sweepProgress growth: p50(1M) ÷ p50(10k), largest sweep / the ${PROBE_INSPECTIONS.toLocaleString('en')}-inspection sweep`,
          ours: `${fixed(million.p50 / first.p50, 2)} / ${fixed(million.probeP50 / first.probeP50, 2)}`,
          floor: `${fixed(million.handP50 / first.handP50, 2)} / ${fixed(million.probeHandP50 / first.probeHandP50, 2)} (hand SQL)`,
          ratio: '',
          goal: '≤ 3 for the largest sweep',
          met: verdict(million.p50 / first.p50 <= 3),
        }
      : {
          what: 'sweepProgress growth: p50(1M) ÷ p50(10k)',
          ours: `not run (sizes ${sizes.map((size) => size.toLocaleString('en')).join(', ')}; use --full)`,
          floor: '',
          ratio: '',
          goal: '≤ 3 for the largest sweep',
          met: '—',
        },
  );
  return rows;
}

/** Prints the one table of the run, in Markdown so BENCHMARKS.md can take it as it is. */
export function printTable(
  rows: Row[],
  progress: ProgressResult[],
  peakRss: number | null,
  sizes: number[],
): void {
  const all = [
    ...rows,
    ...progressRows(progress, sizes),
    {
      what: 'service peak resident memory (VmHWM, MiB)',
      ours: fixed(peakRss ?? NaN, 0),
      floor: '',
      ratio: '',
      goal: '< 300 MiB',
      met: peakRss === null ? '—' : verdict(peakRss < 300),
    },
  ];
  const header = ['Measurement', 'Ours', 'Floor / peer', 'Ratio', 'Goal', 'Goal met'];
  const lines = [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...all.map(
      (row) => `| ${[row.what, row.ours, row.floor, row.ratio, row.goal, row.met].join(' | ')} |`,
    ),
  ];
  console.log(`\n${lines.join('\n')}\n`);
}
