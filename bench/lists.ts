import autocannon from 'autocannon';
import { join } from 'node:path';
import { Client } from 'pg';
import { op } from '../test/helpers/contract';
import { POSTGRAPHILE_FINDINGS, POSTGRAPHILE_PREMISES, POSTGRAPHILE_SQL } from './postgraphile';
import { cpuMs, startProcess } from './processes';
import { fixed, Row, verdict } from './report';
import { freePort, type Target } from './run';
import { graphql } from './stats';

const CONNECTIONS = 16;

/** The answer of a list query: its connection by name. */
type Counted = Record<string, { totalCount: number }>;

interface Peer {
  url: string;
  pid: number | undefined;
  stop(): Promise<void>;
}

/** PostGraphile v4 on its own port over the scratch database (functions created first). */
async function startPostGraphile(databaseUrl: string): Promise<Peer> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(POSTGRAPHILE_SQL);
  } finally {
    await client.end();
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/graphql`;
  const { child, stop } = await startProcess(
    'postgraphile',
    process.execPath,
    [
      '--require',
      join(__dirname, 'postgraphile-graphql15.js'),
      require.resolve('postgraphile/cli.js'),
      '-c',
      databaseUrl,
      '-s',
      'public',
      '--disable-default-mutations',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--disable-query-log',
    ],
    { NODE_ENV: 'production' },
    async () =>
      (
        await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"query":"{__typename}"}',
        })
      ).ok,
  );
  return { url, pid: child.pid, stop };
}

async function load(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  seconds: number,
  token?: string,
  pid?: number,
) {
  let graphqlErrors = 0;
  const cpuBefore = cpuMs(pid);
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    requests: [
      {
        method: 'POST',
        body: JSON.stringify({ query, variables }),
        onResponse: (_status, body) => {
          if (body.includes('"errors"')) graphqlErrors++;
        },
      },
    ],
  });
  const cpuAfter = cpuMs(pid);
  return {
    rps: result.requests.average,
    requests: result.requests.total,
    p99: result.latency.p99,
    errors: graphqlErrors + result.non2xx + result.errors,
    cpuMsPerRequest:
      cpuBefore !== null && cpuAfter !== null && result.requests.total > 0
        ? Number(((cpuAfter - cpuBefore) / result.requests.total).toFixed(1))
        : null,
  };
}

/**
 * MyBureauOpenFindings (first: 100) and SearchPremises (part of a name, first: 100) for an
 * inspector of the bureau with the most open findings, ours against PostGraphile with the same
 * filters, order and nested fields, each for `seconds` at 16 connections.
 */
export async function benchLists(target: Target): Promise<Row[]> {
  const { db } = target;
  const {
    rows: [bureau],
  } = await db.query<{ bureau_id: string }>(
    `SELECT bureau_id FROM findings WHERE NOT voided AND status IN ('OPEN', 'RECTIFYING', 'CASE_FILED')
     GROUP BY bureau_id ORDER BY count(*) DESC LIMIT 1`,
  );
  const jurisdiction = (
    await db.query<{ id: string }>(
      `WITH RECURSIVE tree AS (SELECT id FROM bureaus WHERE id = $1
         UNION ALL SELECT b.id FROM bureaus b JOIN tree t ON b.parent_id = t.id) SELECT id FROM tree`,
      [bureau.bureau_id],
    )
  ).rows.map((row) => row.id);
  const {
    rows: [term],
  } = await db.query<{ search: string }>(
    `SELECT substr(name, 2, 2) AS search FROM premises WHERE bureau_id = ANY($1)
     GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
    [jurisdiction],
  );
  const inspector = await target.officer(bureau.bureau_id, ['INSPECTOR']);
  const peer = await startPostGraphile(target.databaseUrl);
  try {
    const ours = `${target.url}/graphql`;
    const cases = [
      {
        what: 'MyBureauOpenFindings (first: 100)',
        ours: [op('MyBureauOpenFindings'), { first: 100 }] as const,
        theirs: [POSTGRAPHILE_FINDINGS, { jurisdiction }] as const,
        key: 'findings',
        theirKey: 'benchOpenFindings',
      },
      {
        what: `SearchPremises ("${term.search}", first: 100)`,
        ours: [op('SearchPremises'), { filter: { search: term.search }, first: 100 }] as const,
        theirs: [POSTGRAPHILE_PREMISES, { search: term.search, jurisdiction }] as const,
        key: 'premisesList',
        theirKey: 'benchSearchPremises',
      },
    ];
    const rows: Row[] = [];
    for (const list of cases) {
      // The same records on both sides, or the comparison means nothing.
      const mine = (await graphql<Counted>(ours, list.ours[0], list.ours[1], inspector.token))[
        list.key
      ].totalCount;
      const theirs = (await graphql<Counted>(peer.url, list.theirs[0], list.theirs[1]))[
        list.theirKey
      ].totalCount;
      if (mine !== theirs)
        throw new Error(`${list.what}: ${mine} rows here, ${theirs} in PostGraphile`);
      const a = await target.profiled(list.what, (url, pid) =>
        load(`${url}/graphql`, list.ours[0], list.ours[1], target.seconds, inspector.token, pid),
      );
      const b = await load(
        peer.url,
        list.theirs[0],
        list.theirs[1],
        target.seconds,
        undefined,
        peer.pid,
      );
      console.log(`# ${list.what}: ${mine} rows; ours`, a, 'PostGraphile', b);
      rows.push({
        what: `${list.what} of ${mine.toLocaleString('en')}, ${CONNECTIONS} connections: requests/s (p99 ms)`,
        ours: `${fixed(a.rps, 0)} (${a.p99})${a.errors ? ` ${a.errors} errors` : ''}`,
        floor: `${fixed(b.rps, 0)} (${b.p99}) PostGraphile 4${b.errors ? ` ${b.errors} errors` : ''}`,
        ratio: fixed(a.rps / b.rps, 2),
        // Issue 15: at least PostGraphile's requests per second with a p99 no worse than its.
        goal: '≥ PostGraphile, p99 no worse',
        met: verdict(a.rps >= b.rps && a.p99 <= b.p99 && a.errors === 0),
      });
    }
    return rows;
  } finally {
    await peer.stop();
  }
}
