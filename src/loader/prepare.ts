// Brings the database up to date with data/ before the server answers. Until the loader lands
// (issue "Loading into Neo4j"), this only reports what the graph holds.
import type { Config } from '../config.ts';
import type { Database } from '../db.ts';
import { readGraphStats } from '../graph/stats.ts';
import type { Logger } from '../log.ts';

export async function prepareGraph(db: Database, _config: Config, logger: Logger): Promise<void> {
  const stats = await readGraphStats(db);
  logger.info(`The graph holds ${stats.entities} entities and ${stats.relations} relations.`);
}
