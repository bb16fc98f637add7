// `npm start`: brings up Neo4j (NEO4J_URI, or the project's local server), makes sure the graph
// matches data/, and serves GraphQL at /graphql and the explorer at /. Only this file listens.
import http from 'node:http';
import { loadConfig } from './infra/config.ts';
import { Database } from './infra/database.ts';
import { CskgError } from './infra/errors.ts';
import { createRequestListener } from './api/http/app.ts';
import { listen } from './api/http/listen.ts';
import { createCskgYoga } from './api/graphql/yoga.ts';
import { prepareGraph } from './write/prepare.ts';
import { createLogger } from './infra/log.ts';
import { provideNeo4j, type ProvidedNeo4j } from './infra/neo4jServer/provision.ts';

const started = Date.now();
const config = loadConfig();
// tsx turns source maps on, which makes every read of an Error's `stack` map each frame, and neo4j-driver
// reads one per statement (the stack it keeps for its async errors): about 4 % of the server's CPU per
// request under load. In production stacks point into the transpiled files instead; development keeps them.
if (config.env === 'production') process.setSourceMapsEnabled(false);
const logger = createLogger(config.logLevel);
let neo4j: ProvidedNeo4j | undefined;
let db: Database | undefined;
let server: http.Server | undefined;

async function shutdown(code: number): Promise<never> {
  server?.closeAllConnections();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  await db?.close().catch(() => {});
  await neo4j?.stop().catch(() => {});
  process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    logger.info(`${signal}: shutting down.`);
    void shutdown(0);
  });
}

try {
  neo4j = await provideNeo4j(config, logger);
  db = new Database(neo4j.connection, { queryTimeoutMs: config.queryTimeoutMs, logger });
  await db.verify();
  if (!config.skipLoad) await prepareGraph(db, config, logger, neo4j.local);
  const yoga = createCskgYoga({ db, logger, development: config.env === 'development' });
  server = http.createServer(createRequestListener({ yoga, db, webDir: config.webDir }));
  const port = await listen(server, config.port, config.host);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  logger.info(
    `cskg is ready after ${seconds} s: explorer http://${config.host}:${port}/ · GraphQL http://${config.host}:${port}/graphql`,
  );
} catch (error) {
  logger.error(
    error instanceof CskgError
      ? error.message
      : error instanceof Error
        ? (error.stack ?? error.message)
        : String(error),
  );
  if (neo4j?.logFile) logger.error(`Neo4j log: ${neo4j.logFile}`);
  await shutdown(1);
}
