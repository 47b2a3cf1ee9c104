import { Writable } from 'node:stream';
import pino, { type DestinationStream, type Logger } from 'pino';
import { DEMO_OFFICERS, DEMO_PASSWORD } from '../bootstrap/demo-data';
import type { AppConfig } from '../config/config';

/**
 * How the service writes its logs: readable lines when a person watches (development, stdout a
 * terminal), one JSON object per line otherwise and always in production (what log collectors
 * read). Every line goes through pino, from the first ("starting the embedded PostgreSQL") to the
 * last, so the two never mix.
 */
export function logsPretty(
  config: Pick<AppConfig, 'isProduction'>,
  stdout: { isTTY?: boolean } = process.stdout,
): boolean {
  return !config.isProduction && stdout.isTTY === true;
}

const LEVELS: Record<number, string> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO ',
  40: 'WARN ',
  50: 'ERROR',
  60: 'FATAL',
};
const COLOURS: Record<number, string> = { 40: '\x1b[33m', 50: '\x1b[31m', 60: '\x1b[31m' };
const DIM = '\x1b[2m';
const RESET = '\x1b[0m';

/** One pino JSON line as a readable line (the time in local hours, the level, the context). */
export function prettyLine(json: string, colours = true): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json;
  }
  const level = typeof entry.level === 'number' ? entry.level : 30;
  const time = new Date(typeof entry.time === 'number' ? entry.time : Date.now());
  const clock = time.toTimeString().slice(0, 8);
  const context = typeof entry.context === 'string' ? `[${entry.context}] ` : '';
  const req = entry.req as { method?: string; url?: string; id?: string } | undefined;
  const res = entry.res as { statusCode?: number } | undefined;
  const parts = [typeof entry.msg === 'string' ? entry.msg : JSON.stringify(entry.msg ?? '')];
  if (req?.method) {
    const operation = typeof entry.operationName === 'string' ? ` ${entry.operationName}` : '';
    const took = typeof entry.responseTime === 'number' ? ` ${entry.responseTime} ms` : '';
    parts.push(`${req.method} ${req.url ?? ''}${operation} → ${res?.statusCode ?? '?'}${took}`);
  }
  const err = entry.err as { message?: string; stack?: string } | undefined;
  if (err?.stack) parts.push(`\n${err.stack}`);
  else if (err?.message) parts.push(err.message);
  const label = LEVELS[level] ?? String(level);
  const coloured = colours && COLOURS[level] ? `${COLOURS[level]}${label}${RESET}` : label;
  const stamp = colours ? `${DIM}${clock}${RESET}` : clock;
  return `${stamp} ${coloured} ${context}${parts.filter(Boolean).join('  ')}`;
}

/** A stream taking pino's JSON lines and writing them readable to `out`. */
export function prettyStream(out: NodeJS.WritableStream = process.stdout): Writable {
  let pending = '';
  return new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (line) out.write(`${prettyLine(line)}\n`);
      done();
    },
  });
}

/** Where log lines go: readable or JSON, as `logsPretty` decides. */
export function logDestination(config: Pick<AppConfig, 'isProduction'>): DestinationStream {
  return logsPretty(config) ? prettyStream() : pino.destination(1);
}

/** The process's logger before the application exists (the embedded database, configuration). */
export function startupLogger(config: Pick<AppConfig, 'isProduction' | 'logLevel'>): Logger {
  return pino({ level: config.logLevel }, logDestination(config)).child({ context: 'Main' });
}

/** The last lines `npm start` prints: where the API and the explorer are, which demo login. */
export function readyLines(
  config: Pick<AppConfig, 'port' | 'graphqlExplorer' | 'seedDemo'>,
): string[] {
  const api = `http://localhost:${config.port}/graphql`;
  const lines = [`API: POST ${api}`];
  if (config.graphqlExplorer) lines.push(`Explorer: open ${api} in a browser`);
  if (config.seedDemo) {
    const inspector = DEMO_OFFICERS.find((officer) => officer.roles.includes('INSPECTOR'))!;
    const manager = DEMO_OFFICERS.find((officer) => officer.roles.includes('MANAGER'))!;
    lines.push(
      `Demo login: ${inspector.certificate} / ${DEMO_PASSWORD} (inspector ${inspector.name}), or ${manager.certificate} for the managers' dashboard`,
    );
  }
  return lines;
}
