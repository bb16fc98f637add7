// Configuration, read once from the environment: typed, defaulted and frozen. Every variable is listed
// in .env.example. The defaults are for local use only (a Neo4j on loopback without auth); production
// deployments set NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD.
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
export type RuntimeEnv = 'development' | 'production' | 'test';

export interface Neo4jConnection {
  /** bolt://, neo4j:// (routing: cluster or Aura) or their +s / +ssc variants */
  readonly uri: string;
  readonly user: string;
  readonly password: string;
  readonly database: string | undefined;
}

export interface LocalNeo4jConfig {
  /** Neo4j Community version taken from Maven Central */
  readonly version: string;
  /** where the Maven project, the resolved classpath and the compiled launcher are cached */
  readonly cacheDir: string;
  /** store of the local server used by `npm start`; kept between runs */
  readonly dataDir: string;
  readonly heap: string;
  readonly pageCacheMb: number;
  readonly startTimeoutMs: number;
}

export interface Config {
  readonly env: RuntimeEnv;
  readonly host: string;
  readonly port: number;
  readonly logLevel: LogLevel;
  /** NEO4J_URI and credentials when an existing Neo4j is to be used; undefined starts the local server */
  readonly neo4j: Neo4jConnection | undefined;
  readonly local: LocalNeo4jConfig;
  readonly queryTimeoutMs: number;
  /** skip loading data/ into Neo4j at start (the graph is assumed to be there) */
  readonly skipLoad: boolean;
  /** the smallest input (in facts) that `auto` loads with the bulk path into the local server */
  readonly bulkMinFacts: number;
  /** test only: a point where a bulk load stops and waits to be killed (tests/integration/loader-bulk.test.ts) */
  readonly bulkPauseAt: 'csv-written' | 'before-swap' | 'mid-swap' | 'after-swap' | undefined;
  readonly dataDir: string;
  readonly webDir: string;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

function integer(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min = 0,
  max = Number.MAX_SAFE_INTEGER,
): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name}=${JSON.stringify(raw)} is not an integer between ${min} and ${max}`);
  }
  return value;
}

function oneOf<T extends string>(
  env: NodeJS.ProcessEnv,
  name: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(`${name}=${JSON.stringify(raw)} must be one of ${allowed.join(', ')}`);
  }
  return raw as T;
}

function defaultCacheDir(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'cskg');
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const nodeEnv = oneOf(env, 'NODE_ENV', ['development', 'production', 'test'] as const, 'development');
  const user = env.NEO4J_USER || 'neo4j';
  const password = env.NEO4J_PASSWORD ?? '';
  const database = env.NEO4J_DATABASE || undefined;
  const uri = env.NEO4J_URI?.trim() || undefined;
  if (uri && !/^(bolt|neo4j)(\+s|\+ssc)?:\/\/[^\s]+$/.test(uri)) {
    throw new ConfigError(
      `NEO4J_URI=${JSON.stringify(uri)} is not a Neo4j URI; use bolt://host:7687 or neo4j://host:7687 (routing)`,
    );
  }
  const config: Config = {
    env: nodeEnv,
    host: env.HOST || '127.0.0.1',
    port: integer(env, 'PORT', 4000, 0, 65535),
    logLevel: oneOf(
      env,
      'LOG_LEVEL',
      ['debug', 'info', 'warn', 'error', 'silent'] as const,
      nodeEnv === 'test' ? 'warn' : 'info',
    ),
    neo4j: uri ? { uri, user, password, database } : undefined,
    local: {
      version: env.CSKG_NEO4J_VERSION || '5.26.30',
      cacheDir: path.resolve(env.CSKG_CACHE_DIR || defaultCacheDir(env)),
      dataDir: path.resolve(PROJECT_ROOT, env.CSKG_NEO4J_DATA || '.neo4j/data'),
      heap: env.CSKG_NEO4J_HEAP || '1g',
      pageCacheMb: integer(env, 'CSKG_NEO4J_PAGECACHE_MB', 512, 16),
      startTimeoutMs: integer(env, 'CSKG_NEO4J_START_TIMEOUT_MS', 180_000, 1000),
    },
    queryTimeoutMs: integer(env, 'CSKG_QUERY_TIMEOUT_MS', 15_000, 100),
    skipLoad: env.CSKG_SKIP_LOAD === '1' || env.CSKG_SKIP_LOAD === 'true',
    bulkMinFacts: integer(env, 'CSKG_BULK_MIN_FACTS', 100_000, 1),
    bulkPauseAt: env.CSKG_BULK_PAUSE_AT
      ? oneOf(
          env,
          'CSKG_BULK_PAUSE_AT',
          ['csv-written', 'before-swap', 'mid-swap', 'after-swap'] as const,
          'csv-written',
        )
      : undefined,
    dataDir: path.resolve(PROJECT_ROOT, env.CSKG_DATA_DIR || 'data'),
    webDir: path.resolve(PROJECT_ROOT, env.CSKG_WEB_DIR || 'web/dist'),
  };
  return deepFreeze(config);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
