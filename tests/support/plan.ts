// The plan graph for tests that read it. Test files run one at a time against ONE shared Neo4j, and
// some of them (the loader's) replace the graph with other data. The rule: every test file that reads
// the plan graph calls `ensurePlanLoaded(db)` in its beforeAll. It loads the real data/ when the
// (:Meta {key:'graph'}) stamp differs from the hash of data/, and otherwise costs one read of the stamp
// (and a hash of data/, a few milliseconds).
import { afterAll, beforeAll } from 'vitest';
import type { Database } from '../../src/infra/database.ts';
import { DEFAULT_DATA_DIR } from '../../src/data/read.ts';
import { loadGraph, type LoadReport } from '../../src/write/load.ts';
import { connectTestDatabase } from './neo4j.ts';
import { startTestServer, type TestServer } from './server.ts';

export const PLAN_DATA_DIR = DEFAULT_DATA_DIR;

/** Makes sure the shared test database holds the plan graph of data/; throws DataInvalidError when data/ is invalid. */
export function ensurePlanLoaded(db: Database): Promise<LoadReport> {
  return loadGraph(db, { dataDir: PLAN_DATA_DIR });
}

/**
 * For a test file that asks the plan over HTTP: before its tests, the test database with the plan loaded and
 * a server on it (`served` hands both to the file); after them, both closed.
 */
export function usePlanServer(served: (plan: { db: Database; server: TestServer }) => void): void {
  let db: Database | undefined;
  let server: TestServer | undefined;
  beforeAll(async () => {
    db = connectTestDatabase();
    await ensurePlanLoaded(db);
    server = await startTestServer(db);
    served({ db, server });
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
  });
}
