// `npm run neo4j:prime`: downloads Neo4j Community from Maven Central and compiles the launcher, without
// starting anything, so CI (and a first `npm start`) find the cache warm.
import { loadConfig } from '../config.ts';
import { createLogger } from '../log.ts';
import { ensureNeo4jRuntime } from './localServer.ts';

const config = loadConfig();
const logger = createLogger('info', 'neo4j');
const started = Date.now();
const runtime = await ensureNeo4jRuntime(config.local, (message) => logger.info(message));
const jars = runtime.classpath.split(':').length - 1;
logger.info(
  `Neo4j ${runtime.version} ready in ${config.local.cacheDir} (${jars} jars, ${((Date.now() - started) / 1000).toFixed(1)} s).`,
);
