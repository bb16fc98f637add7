// `npm run bench:load`: loads synthetic graphs of 10k, 100k and 1M relationships (bench/generate.ts:
// power-law degrees, the streamed NDJSON form) into a fresh Neo4j and prints, for each, relationships per
// second, the loader process's peak RSS and Neo4j's peak heap, with ratios against the 10k run of the
// same invocation. Each load runs in its own process (bench/load-child.ts) into an emptied database.
// Neo4j: NEO4J_URI if set, otherwise the project's local server on a temporary store, with
// CSKG_NEO4J_HEAP (2g here unless set) of heap.
//
//   npm run bench:load                      # 10k, 100k, 1M
//   npm run bench:load -- 10000 100000      # chosen sizes
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config.ts';
import { Database } from '../src/db.ts';
import { ensureNeo4jRuntime, startLocalNeo4j } from '../src/neo4j/localServer.ts';
import { generateSyntheticData } from './generate.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const SIZES = sizes.length > 0 ? sizes : [10_000, 100_000, 1_000_000];
const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

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
}

async function runLoad(dataDir: string): Promise<Result> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(HERE, 'load-child.ts'), dataDir], {
    env: {
      ...process.env,
      NEO4J_URI: connection?.uri,
      NEO4J_USER: connection?.user,
      NEO4J_PASSWORD: connection?.password,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let peakHeapMb: number | undefined;
  const sampler = setInterval(() => {
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
try {
  for (const size of SIZES) {
    const dataDir = path.join(os.tmpdir(), `cskg-bench-data-${size}`);
    if (!existsSync(path.join(dataDir, 'graph', 'synthetic.ndjson'))) {
      log(`generating ${size} relationships in ${dataDir}…`);
      await generateSyntheticData({ relations: size, out: dataDir });
    }
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
process.stdout.write(`${lines.join('\n')}\n`);
writeFileSync(path.join(os.tmpdir(), 'cskg-bench-load.json'), JSON.stringify(results, null, 2));
