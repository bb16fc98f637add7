// One load, in its own process so that its peak RSS is the loader's alone: loads the data directory given
// as argument and prints one JSON line with the report, the time of each phase and the peak RSS.
// Transactional (the default): into NEO4J_URI, replacing whatever is there. BENCH_MODE=bulk: into the
// project's local server on CSKG_NEO4J_DATA, which this process starts (the bulk path swaps its store);
// the report then carries the import JVM's peak RSS too.
import { loadConfig } from '../src/infra/config.ts';
import { Database } from '../src/infra/database.ts';
import { loadGraph } from '../src/write/load.ts';
import { createLogger } from '../src/infra/log.ts';
import { provideNeo4j } from '../src/infra/neo4jServer/provision.ts';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: load-child.ts <data-dir>');
const bulk = process.env.BENCH_MODE === 'bulk';
const config = loadConfig(bulk ? { ...process.env, NEO4J_URI: '' } : process.env);
const neo4j = bulk ? await provideNeo4j(config, createLogger('warn', 'bench')) : undefined;
const connection = neo4j?.connection ?? config.neo4j;
if (!connection) throw new Error('NEO4J_URI must be set');
const db = new Database(connection, { queryTimeoutMs: 600_000 });
const phases: Record<string, number> = {};
let phase = 'start';
let since = performance.now();
try {
  const report = await loadGraph(db, {
    dataDir,
    force: true,
    timeoutMs: 600_000,
    mode: bulk ? 'bulk' : 'transactional',
    ...(neo4j?.local ? { local: neo4j.local } : {}),
    ...(process.env.BENCH_BATCH ? { batchSize: Number(process.env.BENCH_BATCH) } : {}),
    onProgress: (p) => {
      if (p.phase === phase) return;
      phases[phase] = Math.round(performance.now() - since);
      phase = p.phase;
      since = performance.now();
    },
  });
  phases[phase] = Math.round(performance.now() - since);
  process.stdout.write(
    `${JSON.stringify({ ...report, phases, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`,
  );
} finally {
  await db.close();
  await neo4j?.stop();
}
