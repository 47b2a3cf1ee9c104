import { readFileSync } from 'node:fs';

/**
 * Reads a V8 `.cpuprofile` (written by `node --cpu-prof`) and tells where the time went: the
 * share of busy samples (idle left out) by self time per function, and per package (the folder
 * under node_modules, or "service" for our own dist/, "node:" for Node's internals, and V8's
 * "(garbage collector)" and "(program)"). `npm run bench -- --profile` prints it per load.
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface Share {
  name: string;
  /** Self time in milliseconds. */
  ms: number;
  /** Share of the busy (not idle) time, 0..1. */
  share: number;
}

/** A span of the monotonic clock in microseconds (`process.hrtime`, which V8's profiles use too). */
export interface Window {
  from: number;
  to: number;
}

/** Now on the clock of profile timestamps (microseconds, CLOCK_MONOTONIC, the same in every process). */
export function profileClock(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

export interface ProfileSummary {
  /** Wall-clock length of the part summarised, in milliseconds. */
  wallMs: number;
  /** Time spent doing anything (not idle) in milliseconds. */
  busyMs: number;
  functions: Share[];
  packages: Share[];
}

function packageOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node:';
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (match) return match[1];
  if (url.includes('/dist/src/')) return 'service';
  return url;
}

function label(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const name = functionName || '(anonymous)';
  if (!url) return name;
  const file = url.replace(/^.*node_modules\//, '').replace(/^.*\/dist\//, 'dist/');
  return `${name} ${file}:${lineNumber + 1}`;
}

function ranked(totals: Map<string, number>, busyMs: number, top: number): Share[] {
  return [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, ms]) => ({ name, ms, share: ms / busyMs }));
}

/**
 * The summary of the samples taken within `window` (the load, without the service's start-up and
 * shutdown), or of the whole profile.
 */
export function summariseProfile(path: string, window?: Window, top = 25): ProfileSummary {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const functions = new Map<string, number>();
  const packages = new Map<string, number>();
  const from = Math.max(window?.from ?? profile.startTime, profile.startTime);
  const to = Math.min(window?.to ?? profile.endTime, profile.endTime);
  let busyMs = 0;
  let time = profile.startTime;
  profile.samples.forEach((id, index) => {
    const node = byId.get(id);
    // Each sample stands for the interval since the one before (microseconds).
    const delta = profile.timeDeltas[index] ?? 0;
    time += delta;
    if (time < from || time > to) return;
    const ms = delta / 1000;
    if (!node || node.callFrame.functionName === '(idle)') return;
    busyMs += ms;
    const fn = label(node);
    functions.set(fn, (functions.get(fn) ?? 0) + ms);
    const pkg = packageOf(node.callFrame.url, node.callFrame.functionName);
    packages.set(pkg, (packages.get(pkg) ?? 0) + ms);
  });
  return {
    wallMs: (to - from) / 1000,
    busyMs,
    functions: ranked(functions, busyMs, top),
    packages: ranked(packages, busyMs, top),
  };
}

/** The summary as text lines, with the CPU cost per request when the request count is known. */
export function formatProfile(name: string, summary: ProfileSummary, requests?: number): string {
  const percent = (share: number): string => `${(share * 100).toFixed(1).padStart(5)} %`;
  const perRequest =
    requests && requests > 0
      ? `, ${(summary.busyMs / requests).toFixed(1)} ms CPU per request`
      : '';
  return [
    `## ${name}: busy ${(summary.busyMs / 1000).toFixed(1)} s of ${(summary.wallMs / 1000).toFixed(1)} s${perRequest}`,
    '### self time by package',
    ...summary.packages.map((row) => `${percent(row.share)}  ${row.name}`),
    '### self time by function',
    ...summary.functions.map((row) => `${percent(row.share)}  ${row.name}`),
  ].join('\n');
}
