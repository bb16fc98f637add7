// `npm run bench:api`: the Cypher statements and the latency of each GraphQL operation on the plan graph,
// over real HTTP (the server `npm start` runs), one client at a time. Neo4j: NEO4J_URI if set (the plan is
// loaded into it when its stamp differs from data/), otherwise the project's local server on a temporary
// store. Prints a Markdown table; `-- --write` also replaces the "api" section of bench/RESULTS.md.
//
//   npm run bench:api                       # 50 timed runs per operation after 5 warm-up runs
//   npm run bench:api -- --runs 200 --write
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/infra/config.ts';
import { Database } from '../src/infra/database.ts';
import { createRequestListener } from '../src/api/http/app.ts';
import { listen } from '../src/api/http/listen.ts';
import { createCskgYoga } from '../src/api/graphql/yoga.ts';
import { loadGraph } from '../src/write/load.ts';
import { createLogger } from '../src/infra/log.ts';
import { ensureNeo4jRuntime, startLocalNeo4j } from '../src/infra/neo4jServer/localServer.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const RESULTS = path.join(HERE, 'RESULTS.md');
const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1]) || 50;
const WARMUP = 5;
const WRITE = args.includes('--write');
const log = (message: string) => process.stderr.write(`[bench:api] ${message}\n`);

/** The operations of the API as the explorer and scripts ask them, with the fields they typically want. */
const OPERATIONS: { name: string; query: string; variables?: Record<string, unknown> }[] = [
  {
    name: 'search 古雷 (20 hits)',
    query: `{ search(query: "古雷") { score matched entity { id type name nameEn } } }`,
  },
  {
    name: 'search AUO (20 hits)',
    query: `{ search(query: "AUO") { score matched entity { id type name nameEn } } }`,
  },
  {
    name: 'entity details (evidence, 50 relations)',
    query: `{ entity(id: "park:xiamen-tiz") { id type name nameEn aliases caveats attributes { key value }
      evidence { id section text quote }
      relations(first: 50) { totalCount edges { direction neighbor { id type name } node { id type status evidence { id quote } } } } } }`,
  },
  {
    name: 'entities page (100, with degree)',
    query: `{ entities(first: 100) { totalCount pageInfo { hasNextPage endCursor } edges { node { id type name degree } } } }`,
  },
  {
    name: 'neighborhood depth 1',
    query: `{ neighborhood(ids: ["park:xiamen-tiz"], depth: 1) { truncated nodes { id type name degree attributes { key value } } edges { id type source target status } } }`,
  },
  {
    name: 'neighborhood depth 2 (limit 300)',
    query: `{ neighborhood(ids: ["park:fuzhou-qingkou-auto-park"], depth: 2) { truncated nodes { id type name degree } edges { id type source target status } } }`,
  },
  {
    name: 'neighborhood whole graph (depth 3, 5000)',
    query: `{ neighborhood(ids: ["region:fujian"], depth: 3, limit: 5000) { truncated nodes { id type name } edges { id source target } } }`,
  },
  {
    name: 'paths (3 shortest, evidence)',
    query: `{ paths(from: "association:ttvma", to: "enterprise:auo") { length nodes { id name } edges { id type source target status evidence { id quote } } } }`,
  },
  {
    name: 'supplyChain PTA (both ways)',
    query: `{ supplyChain(product: "product:pta") { truncated nodes { id type name } edges { id type source target status } } }`,
  },
  {
    name: 'passages (20, entities and facts)',
    query: `{ passages(query: "台湾 石化") { score passage { id section text } entities { id name } edges { id type } } }`,
  },
  {
    name: 'chainGaps (all chains)',
    query: `{ chainGaps { chain { id name } link { id name } kinds explanation coverage { entity { id name } relation { type status } taiwanInvested } evidence { id } } }`,
  },
  {
    name: 'policyReach (project in 古雷)',
    query: `{ policyReach(entity: "project:gulei-refinery") { policy { id name type } via status explanation path { length nodes { id } edges { id } } evidence { id } } }`,
  },
  {
    name: 'stats',
    query: `{ stats { entities relations passages byType { type count } byRelation { type count } loadedAt dataHash } }`,
  },
];

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? NaN;
}

async function main() {
  const config = loadConfig({ ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn' });
  let stopNeo4j = async () => {};
  let connection = config.neo4j;
  let store: string | undefined;
  if (!connection) {
    const runtime = await ensureNeo4jRuntime(config.local, log);
    store = fs.mkdtempSync(path.join(os.tmpdir(), 'cskg-bench-api-'));
    const server = await startLocalNeo4j(runtime, { ...config.local, dataDir: store, onProgress: log });
    connection = { uri: server.uri, user: 'neo4j', password: '', database: undefined };
    stopNeo4j = () => server.stop();
  }
  const db = new Database(connection, { queryTimeoutMs: config.queryTimeoutMs });
  const httpServer = http.createServer(
    createRequestListener({
      yoga: createCskgYoga({ db, logger: createLogger('warn', 'bench') }),
      db,
      webDir: '/nonexistent',
    }),
  );
  try {
    const report = await loadGraph(db, { dataDir: config.dataDir });
    log(`plan graph ${report.status} (${report.dataHash.slice(0, 19)}…)`);
    const port = await listen(httpServer, 0, '127.0.0.1');
    const url = `http://127.0.0.1:${port}/graphql`;

    const loadBefore = os.loadavg()[0] ?? NaN;
    const rows: string[] = [];
    for (const operation of OPERATIONS) {
      const times: number[] = [];
      let statements = NaN;
      let bytes = 0;
      for (let i = 0; i < WARMUP + RUNS; i++) {
        const started = performance.now();
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: operation.query, variables: operation.variables }),
        });
        const text = await response.text();
        const elapsed = performance.now() - started;
        const body = JSON.parse(text) as { errors?: unknown[]; extensions?: { statements?: number } };
        if (response.status !== 200 || body.errors)
          throw new Error(`${operation.name}: ${text.slice(0, 300)}`);
        if (i >= WARMUP) times.push(elapsed);
        statements = body.extensions?.statements ?? NaN;
        bytes = text.length;
      }
      times.sort((a, b) => a - b);
      const row = `| ${operation.name} | ${statements} | ${percentile(times, 50).toFixed(1)} | ${percentile(times, 95).toFixed(1)} | ${(bytes / 1024).toFixed(1)} |`;
      rows.push(row);
      log(row);
    }

    const [stats] = await db.read({
      cypher: /* Cypher */ `RETURN COUNT { (:Entity) } AS entities, COUNT { (:Entity)-->(:Entity) } AS relations, COUNT { (:Passage) } AS passages`,
    });
    const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
    const section = [
      '## api',
      '',
      `GraphQL operations on the plan graph (${stats?.entities} entities, ${stats?.relations} relations, ${stats?.passages} passages),`,
      `over HTTP, one client, ${RUNS} timed runs after ${WARMUP} warm-up runs each; Neo4j ${connection.uri.startsWith('bolt://127.0.0.1') ? 'local (the project’s server)' : connection.uri.replace(/\/\/.*@/, '//')}.`,
      `Machine: ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)};`,
      `load average ${loadBefore.toFixed(1)} before and ${(os.loadavg()[0] ?? NaN).toFixed(1)} after the run (other processes share the machine; on an idle one the figures are lower).`,
      'Command: `npm run bench:api -- --write`. Statements: Cypher statements per request (`extensions.statements`);',
      'they do not grow with the size of the answer (tests/graphql/statements.test.ts).',
      '',
      '| operation | statements | p50 ms | p95 ms | answer kB |',
      '|---|---|---|---|---|',
      ...rows,
      '',
    ].join('\n');
    process.stdout.write(`\n${section}\n`);
    if (WRITE) writeSection(section);
  } finally {
    httpServer.closeAllConnections();
    httpServer.close();
    await db.close();
    await stopNeo4j();
    if (store) fs.rmSync(store, { recursive: true, force: true });
  }
}

/** Replaces the "## api" section of bench/RESULTS.md (up to the next "## "), leaving the others alone. */
function writeSection(section: string) {
  const current = fs.existsSync(RESULTS) ? fs.readFileSync(RESULTS, 'utf8') : '# Benchmark results\n';
  const start = current.search(/^## api\s*$/m);
  let next: string;
  if (start === -1) {
    next = `${current.trimEnd()}\n\n${section}`;
  } else {
    const rest = current.slice(start + 1);
    const end = rest.search(/^## /m);
    next = current.slice(0, start) + section + (end === -1 ? '' : `\n${rest.slice(end)}`);
  }
  fs.writeFileSync(RESULTS, next.trimEnd() + '\n');
  log(`wrote the api section of ${RESULTS}`);
}

await main();
