// The graphs the scale benchmarks run on, and a fresh store of the project's own Neo4j with one of them
// loaded and served over real HTTP. Shared by `npm run bench:scale` (the API) and `npm run bench:web:scale`
// (the explorer). Generated data is kept in $TMPDIR/cskg-scale-data/<generator>-<size> and reused; stores
// are deleted when the work is done.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createCskgYoga } from '../../src/api/graphql/yoga.ts';
import { createRequestListener } from '../../src/api/http/app.ts';
import { listen } from '../../src/api/http/listen.ts';
import { loadConfig } from '../../src/infra/config.ts';
import { Database } from '../../src/infra/database.ts';
import { createLogger } from '../../src/infra/log.ts';
import { provideNeo4j } from '../../src/infra/neo4jServer/provision.ts';
import { loadGraph, type LoadReport } from '../../src/write/load.ts';
import { generateIndustryData } from '../generate-industry.ts';
import { generateSyntheticData } from '../generate.ts';

export type Generator = 'power-law' | 'industry';

export const PLAN_SIZE = 2062;

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

/** The folder of generated data for a generator and size, generated on first use. */
export async function dataFor(generator: Generator, size: number): Promise<string> {
  const dir = path.join(os.tmpdir(), 'cskg-scale-data', `${generator}-${size}`);
  const file = path.join(dir, 'graph', generator === 'industry' ? 'industry.ndjson' : 'synthetic.ndjson');
  if (!fs.existsSync(file)) {
    log(`generating ${size} facts (${generator}) in ${dir}…`);
    if (generator === 'industry') await generateIndustryData({ relations: size, out: dir });
    else await generateSyntheticData({ relations: size, out: dir });
  }
  return dir;
}

export interface ServedGraph {
  /** the database the API reads, with the API's query timeout */
  readonly db: Database;
  /** the server's origin, e.g. http://127.0.0.1:40123 */
  readonly origin: string;
  readonly load: LoadReport;
}

/**
 * A fresh store, `dataDir` loaded by `cskg load`'s loader (the bulk path from its threshold), the API (and
 * the explorer's built page from `webDir`, if given) served on a free port; `work` runs with it, then
 * everything is stopped and the store deleted.
 */
export async function withServedGraph<T>(
  dataDir: string,
  options: { readonly webDir?: string; readonly label: string },
  work: (graph: ServedGraph) => Promise<T>,
): Promise<T> {
  const store = fs.mkdtempSync(path.join(os.tmpdir(), 'cskg-scale-store-'));
  const config = loadConfig({
    ...process.env,
    NEO4J_URI: '',
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    CSKG_NEO4J_DATA: path.join(store, 'data'),
  });
  const logger = createLogger('warn', 'bench');
  const neo4j = await provideNeo4j(config, logger);
  const db = new Database(neo4j.connection, { queryTimeoutMs: config.queryTimeoutMs });
  const loadDb = new Database(neo4j.connection, { queryTimeoutMs: 600_000 });
  let server: http.Server | undefined;
  try {
    log(`${options.label}: loading ${dataDir}…`);
    const load = await loadGraph(loadDb, {
      dataDir,
      force: true,
      timeoutMs: 600_000,
      ...(neo4j.local ? { local: neo4j.local } : {}),
    });
    await loadDb.close();
    log(`${options.label}: loaded (${load.mode}) in ${(load.ms / 1000).toFixed(1)} s`);
    server = http.createServer(
      createRequestListener({
        yoga: createCskgYoga({ db, logger }),
        db,
        webDir: options.webDir ?? '/nonexistent',
      }),
    );
    const port = await listen(server, 0, '127.0.0.1');
    return await work({ db, origin: `http://127.0.0.1:${port}`, load });
  } finally {
    server?.closeAllConnections();
    server?.close();
    await db.close();
    await loadDb.close().catch(() => {});
    await neo4j.stop();
    fs.rmSync(store, { recursive: true, force: true });
  }
}
