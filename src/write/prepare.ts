// Brings the database up to date with data/ before the server answers: loads data/ when the database
// holds no graph or one stamped with another hash of data/, and otherwise does nothing (one statement).
import type { Config } from '../infra/config.ts';
import type { Database } from '../infra/database.ts';
import type { Logger } from '../infra/log.ts';
import type { LocalServerControl } from '../infra/neo4jServer/provision.ts';
import { loadGraph, type LoadProgress } from './load.ts';

/** `local`: the local server this process started, which a large data/ is bulk-loaded into (load.ts). */
export async function prepareGraph(
  db: Database,
  config: Config,
  logger: Logger,
  local?: LocalServerControl,
): Promise<void> {
  let lastPhase = '';
  const onProgress = (progress: LoadProgress) => {
    if (progress.phase === lastPhase) return;
    lastPhase = progress.phase;
    logger.info(`Loading data/ into Neo4j: ${progress.phase}…`);
  };
  const report = await loadGraph(db, {
    dataDir: config.dataDir,
    onProgress,
    bulkMinFacts: config.bulkMinFacts,
    ...(local ? { local } : {}),
  });
  if (report.status === 'unchanged') {
    logger.info(`The graph is up to date with data/ (loaded ${report.loadedAt ?? 'at an unknown time'}).`);
  } else {
    logger.info(
      `Loaded data/ (${report.mode}): ${report.entities} entities, ${report.relations} relations, ` +
        `${report.passages} passages in ${(report.ms / 1000).toFixed(1)} s (${report.statements} statements).`,
    );
  }
}
