// `npm run bench:load`: loads synthetic graphs of 10k, 100k and 1M relationships (bench/generate.ts:
// power-law degrees, the streamed NDJSON form) into a fresh Neo4j and prints, for each, relationships per
// second, the loader process's peak RSS and Neo4j's peak heap, with ratios against the 10k run of the
// same invocation. Each load runs in its own process (bench/load-child.ts) into an emptied database.
// Neo4j: NEO4J_URI if set, otherwise the project's local server on a temporary store, with
// CSKG_NEO4J_HEAP (2g here unless set) of heap.
//
// With the local server, the sizes of BENCH_BULK_MIN (100000) relationships or more are loaded a second
// time through the bulk path (src/write/bulk.ts: the offline importer into a new store, then a swap),
// each by a child process that starts its own local server on a fresh temporary store (as `cskg load
// --bulk` does); its peak memory is the loader's RSS plus the import JVM's, and its ratios are against the
// transactional load of the same size in the same invocation.
//
//   npm run bench:load                      # 10k, 100k, 1M; bulk for 100k and 1M
//   npm run bench:load -- 10000 100000      # chosen sizes
//   BENCH_BULK_MIN=0 npm run bench:load     # no bulk runs
//   BENCH_PATHS=bulk npm run bench:load -- 100000 1000000   # the bulk path only
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/infra/config.ts';
import { Database } from '../src/infra/database.ts';
import { ensureNeo4jRuntime, startLocalNeo4j } from '../src/infra/neo4jServer/localServer.ts';
import { generateSyntheticData } from './generate.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const SIZES = sizes.length > 0 ? sizes : [10_000, 100_000, 1_000_000];
const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);
const BULK_MIN = Number(process.env.BENCH_BULK_MIN ?? 100_000);
const TRANSACTIONAL = (process.env.BENCH_PATHS ?? 'transactional,bulk').split(',').includes('transactional');

const config = loadConfig({ ...process.env, CSKG_NEO4J_HEAP: process.env.CSKG_NEO4J_HEAP ?? '2g' });
let stop = async () => {};
let connection = config.neo4j;
let store: string | undefined;
if (!connection) {
  const runtime = await ensureNeo4jRuntime(config.local, log);
  store = mkdtempSync(path.join(os.tmpdir(), 'cskg-bench-neo4j-'));
  const server = await startLocalNeo4j(runtime, { ...config.local, dataDir: store, onProgress: log });
  connection = { uri: server.uri, user: 'neo4j', password: '', database: undefined };
  stop = () => server.stop();
}
const db = new Database(connection, { queryTimeoutMs: 600_000 });

async function heapUsedMb(): Promise<number | undefined> {
  try {
    const [row] = await db.read({
      cypher: /* Cypher */ `
        CALL dbms.queryJmx('java.lang:type=Memory') YIELD attributes
        RETURN attributes.HeapMemoryUsage.value.properties.used AS used`,
    });
    return row?.used === undefined ? undefined : Math.round(Number(row.used) / 2 ** 20);
  } catch {
    return undefined; // not every Neo4j exposes JMX to Cypher
  }
}

interface Result {
  relations: number;
  entities: number;
  ms: number;
  phases: Record<string, number>;
  peakRssMb: number;
  peakHeapMb: number | undefined;
  /** the bulk path's import JVM */
  importPeakRssMb?: number;
}

async function runLoad(dataDir: string, bulkStore?: string): Promise<Result> {
  const env = bulkStore
    ? { ...process.env, BENCH_MODE: 'bulk', NEO4J_URI: '', CSKG_NEO4J_DATA: bulkStore }
    : {
        ...process.env,
        NEO4J_URI: connection?.uri,
        NEO4J_USER: connection?.user,
        NEO4J_PASSWORD: connection?.password,
      };
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(HERE, 'load-child.ts'), dataDir], {
    env: { ...env, CSKG_NEO4J_HEAP: config.local.heap },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let peakHeapMb: number | undefined;
  // The bulk path's work is in the import JVM (its peak RSS is in the report), not in a server.
  const sampler = setInterval(() => {
    if (bulkStore) return;
    void heapUsedMb().then((mb) => {
      if (mb !== undefined) peakHeapMb = Math.max(peakHeapMb ?? 0, mb);
    });
  }, 500);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearInterval(sampler);
  if (code !== 0) throw new Error(`the load exited with ${code}: ${output}`);
  return { ...(JSON.parse(output) as Omit<Result, 'peakHeapMb'>), peakHeapMb };
}

const results: { size: number; result: Result }[] = [];
const bulkResults: { size: number; result: Result }[] = [];
try {
  for (const size of SIZES) {
    const dataDir = path.join(os.tmpdir(), `cskg-bench-data-${size}`);
    if (!existsSync(path.join(dataDir, 'graph', 'synthetic.ndjson'))) {
      log(`generating ${size} relationships in ${dataDir}…`);
      await generateSyntheticData({ relations: size, out: dataDir });
    }
    if (!TRANSACTIONAL) continue;
    log(`emptying the database…`);
    await db.writeAutoCommit({
      cypher: /* Cypher */ `MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 2000 ROWS`,
    });
    log(`loading ${size} relationships…`);
    const result = await runLoad(dataDir);
    results.push({ size, result });
    log(
      `${size}: ${Math.round(result.relations / (result.ms / 1000))} rels/s, ${result.peakRssMb} MB RSS, phases ${JSON.stringify(result.phases)}`,
    );
  }
  for (const size of SIZES) {
    if (store === undefined || BULK_MIN <= 0 || size < BULK_MIN) continue;
    const bulkStore = mkdtempSync(path.join(os.tmpdir(), 'cskg-bench-bulk-'));
    try {
      log(`loading ${size} relationships in bulk (own local server on ${bulkStore})…`);
      const result = await runLoad(
        path.join(os.tmpdir(), `cskg-bench-data-${size}`),
        path.join(bulkStore, 'data'),
      );
      bulkResults.push({ size, result });
      log(
        `${size} bulk: ${Math.round(result.relations / (result.ms / 1000))} rels/s, loader ${result.peakRssMb} MB + import JVM ${result.importPeakRssMb} MB RSS, phases ${JSON.stringify(result.phases)}`,
      );
    } finally {
      rmSync(bulkStore, { recursive: true, force: true });
    }
  }
  if (store === undefined) log('NEO4J_URI is set: no bulk runs (the bulk path needs the local server).');
} finally {
  await db.close();
  await stop();
  if (store) rmSync(store, { recursive: true, force: true });
}

const base = results[0]?.result;
const rate = (r: Result) => r.relations / (r.ms / 1000);
const lines = [
  `| relationships | entities | load s | rels/s | × ${SIZES[0]} | loader peak RSS MB | × ${SIZES[0]} | Neo4j peak heap MB |`,
  '|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...results
    .map(({ result: r }) =>
      [
        r.relations,
        r.entities,
        (r.ms / 1000).toFixed(1),
        Math.round(rate(r)),
        base ? (rate(r) / rate(base)).toFixed(2) : '',
        r.peakRssMb,
        base ? (r.peakRssMb / base.peakRssMb).toFixed(2) : '',
        r.peakHeapMb ?? 'n/a',
      ].join(' | '),
    )
    .map((row) => `| ${row} |`),
];
if (bulkResults.length > 0) {
  const peak = (r: Result) => r.peakRssMb + (r.importPeakRssMb ?? 0);
  lines.push(
    '',
    '| relationships | path | load s | rels/s | × transactional | loader + import JVM peak RSS MB | × transactional (loader RSS + Neo4j heap) |',
    '|---:|---|---:|---:|---:|---:|---:|',
  );
  for (const { size, result: b } of bulkResults) {
    const t = results.find((r) => r.size === size)?.result;
    const transactionalPeak = t ? t.peakRssMb + (t.peakHeapMb ?? 0) : undefined;
    if (t) {
      lines.push(
        `| ${t.relations} | transactional | ${(t.ms / 1000).toFixed(1)} | ${Math.round(rate(t))} | 1.00 | ${t.peakRssMb} + heap ${t.peakHeapMb ?? 'n/a'} | 1.00 |`,
      );
    }
    lines.push(
      `| ${b.relations} | bulk | ${(b.ms / 1000).toFixed(1)} | ${Math.round(rate(b))} | ${t ? (rate(b) / rate(t)).toFixed(2) : ''} | ` +
        `${b.peakRssMb} + ${b.importPeakRssMb ?? 'n/a'} = ${peak(b)} | ${transactionalPeak ? (peak(b) / transactionalPeak).toFixed(2) : ''} |`,
    );
  }
}
process.stdout.write(`${lines.join('\n')}\n`);
writeFileSync(
  path.join(os.tmpdir(), 'cskg-bench-load.json'),
  JSON.stringify({ transactional: results, bulk: bulkResults }, null, 2),
);
