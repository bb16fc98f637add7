// Chooses the Neo4j the app talks to, in the order docs/design.md gives ("How Neo4j is provided"): NEO4J_URI when set, otherwise the
// project's own local server (src/infra/neo4jServer/localServer.ts). Tests add a testcontainers Neo4j in between
// (tests/setup/neo4j.globalSetup.ts); the app itself never needs Docker. A local server comes with the
// control the bulk loader needs to replace its store folder: stop it, and start it again on the same
// port (so the driver of the caller reconnects by itself).
import type { Config, Neo4jConnection } from '../config.ts';
import type { Logger } from '../log.ts';
import { ensureNeo4jRuntime, startLocalNeo4j, type LocalNeo4j, type Neo4jRuntime } from './localServer.ts';

export interface ProvidedNeo4j {
  readonly connection: Neo4jConnection;
  /** 'external' for NEO4J_URI, 'local' for the project's own server */
  readonly kind: 'external' | 'local';
  /** where the local server logs (undefined for an external Neo4j) */
  readonly logFile: string | undefined;
  /** the local server this process started (undefined for an external Neo4j) */
  readonly local: LocalServerControl | undefined;
  stop(): Promise<void>;
}

/** The local server this process owns: what the bulk loader needs to swap its store folder. */
export interface LocalServerControl {
  /** the store folder (CSKG_NEO4J_DATA) */
  readonly dataDir: string;
  readonly runtime: Neo4jRuntime;
  readonly heap: string;
  readonly pageCacheMb: number;
  /** pid of the running server, undefined while stopped */
  readonly pid: number | undefined;
  readonly logFile: string;
  /** Stops the server cleanly (a checkpoint); the store folder is free afterwards. */
  stop(): Promise<void>;
  /** Starts it again on the same store folder and port. */
  start(): Promise<void>;
}

export async function provideNeo4j(config: Config, logger: Logger): Promise<ProvidedNeo4j> {
  if (config.neo4j) {
    logger.info(`Using Neo4j at ${config.neo4j.uri} (NEO4J_URI).`);
    return {
      connection: config.neo4j,
      kind: 'external',
      logFile: undefined,
      local: undefined,
      stop: async () => {},
    };
  }
  const progress = (message: string) => logger.info(message);
  const runtime = await ensureNeo4jRuntime(config.local, progress);
  const options = { ...config.local, onProgress: progress };
  let server: LocalNeo4j | undefined = await startLocalNeo4j(runtime, options);
  const port = Number(new URL(server.uri).port);
  const uri = server.uri;
  const local: LocalServerControl = {
    dataDir: server.dataDir,
    runtime,
    heap: config.local.heap,
    pageCacheMb: config.local.pageCacheMb,
    logFile: server.logFile,
    get pid() {
      return server?.pid;
    },
    async stop() {
      const running = server;
      server = undefined;
      await running?.stop();
    },
    async start() {
      if (server) return;
      server = await startLocalNeo4j(runtime, { ...options, port });
    },
  };
  return {
    // The local server runs without authentication on loopback only; credentials are not needed.
    connection: { uri, user: 'neo4j', password: '', database: undefined },
    kind: 'local',
    logFile: server.logFile,
    local,
    stop: () => local.stop(),
  };
}
