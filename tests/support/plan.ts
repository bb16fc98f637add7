// The plan graph for tests that read it. Test files run one at a time against ONE shared Neo4j, and
// some of them (the loader's) replace the graph with other data. The rule: every test file that reads
// the plan graph calls `ensurePlanLoaded(db)` in its beforeAll. It loads the real data/ when the
// (:Meta {key:'graph'}) stamp differs from the hash of data/, and otherwise costs one read of the stamp
// (and a hash of data/, a few milliseconds).
import type { Database } from '../../src/infra/database.ts';
import { DEFAULT_DATA_DIR } from '../../src/data/read.ts';
import { loadGraph, type LoadReport } from '../../src/write/load.ts';

export const PLAN_DATA_DIR = DEFAULT_DATA_DIR;

/** Makes sure the shared test database holds the plan graph of data/; throws DataInvalidError when data/ is invalid. */
export function ensurePlanLoaded(db: Database): Promise<LoadReport> {
  return loadGraph(db, { dataDir: PLAN_DATA_DIR });
}
