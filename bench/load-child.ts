// One load, in its own process so that its peak RSS is the loader's alone: loads the data directory given
// as argument into NEO4J_URI (replacing whatever is there) and prints one JSON line with the report,
// the time of each phase and the peak RSS.
import { loadConfig } from '../src/config.ts';
import { Database } from '../src/db.ts';
import { loadGraph } from '../src/loader/load.ts';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: load-child.ts <data-dir>');
const config = loadConfig();
if (!config.neo4j) throw new Error('NEO4J_URI must be set');
const db = new Database(config.neo4j, { queryTimeoutMs: 600_000 });
const phases: Record<string, number> = {};
let phase = 'start';
let since = performance.now();
try {
  const report = await loadGraph(db, {
    dataDir,
    force: true,
    timeoutMs: 600_000,
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
}
