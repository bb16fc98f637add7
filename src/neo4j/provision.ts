// Chooses the Neo4j the app talks to, in the order DESIGN.md gives: NEO4J_URI when set, otherwise the
// project's own local server (src/neo4j/localServer.ts). Tests add a testcontainers Neo4j in between
// (tests/setup/neo4j.globalSetup.ts); the app itself never needs Docker.
import type { Config, Neo4jConnection } from '../config.ts';
import type { Logger } from '../log.ts';
import { ensureNeo4jRuntime, startLocalNeo4j } from './localServer.ts';

export interface ProvidedNeo4j {
  readonly connection: Neo4jConnection;
  /** 'external' for NEO4J_URI, 'local' for the project's own server */
  readonly kind: 'external' | 'local';
  /** where the local server logs (undefined for an external Neo4j) */
  readonly logFile: string | undefined;
  stop(): Promise<void>;
}

export async function provideNeo4j(config: Config, logger: Logger): Promise<ProvidedNeo4j> {
  if (config.neo4j) {
    logger.info(`Using Neo4j at ${config.neo4j.uri} (NEO4J_URI).`);
    return { connection: config.neo4j, kind: 'external', logFile: undefined, stop: async () => {} };
  }
  const progress = (message: string) => logger.info(message);
  const runtime = await ensureNeo4jRuntime(config.local, progress);
  const server = await startLocalNeo4j(runtime, { ...config.local, onProgress: progress });
  return {
    // The local server runs without authentication on loopback only; credentials are not needed.
    connection: { uri: server.uri, user: 'neo4j', password: '', database: undefined },
    kind: 'local',
    logFile: server.logFile,
    stop: () => server.stop(),
  };
}
