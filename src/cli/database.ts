// How a cskg command gets a database: NEO4J_URI when set, otherwise the project's local Neo4j, started
// for the command and stopped after it (provideNeo4j), with the driver closed in every case.
import { loadConfig, type Config } from '../infra/config.ts';
import { Database } from '../infra/database.ts';
import { NotFoundError } from '../infra/errors.ts';
import { createLogger, type Logger } from '../infra/log.ts';
import { provideNeo4j, type LocalServerControl } from '../infra/neo4jServer/provision.ts';

export interface CommandContext {
  readonly db: Database;
  readonly config: Config;
  readonly logger: Logger;
  /** the local server started for this command; undefined with NEO4J_URI */
  readonly local: LocalServerControl | undefined;
}

export async function withDatabase<T>(work: (context: CommandContext) => Promise<T>): Promise<T> {
  const config = loadConfig();
  // The local server's start-up chatter is info; a command's own output goes to stdout.
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const neo4j = await provideNeo4j(config, logger);
  const db = new Database(neo4j.connection, { queryTimeoutMs: config.queryTimeoutMs, logger });
  try {
    await db.verify();
    return await work({ db, config, logger, local: neo4j.local });
  } finally {
    await db.close().catch(() => {});
    await neo4j.stop().catch(() => {});
  }
}

/**
 * Refuses to work on a graph nothing has been loaded into, saying what to do: without it a query on an empty
 * database reads as "no entity with id …" and an export writes empty files.
 */
export async function requireLoadedGraph(db: Database): Promise<void> {
  const [row] = await db.read({ cypher: /* Cypher */ `RETURN EXISTS { (:Entity) } AS loaded` });
  if (!row?.loaded) throw new NotFoundError(emptyGraphMessage(db));
}

export function emptyGraphMessage(db: Database): string {
  return `The graph in Neo4j at ${db.connection.uri} is empty: nothing has been loaded into it. Run \`cskg load\` first (\`npm start\` loads it too).`;
}
