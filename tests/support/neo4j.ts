// Access to the Neo4j started by tests/setup/neo4j.globalSetup.ts, for tests of the data tier.
import { inject } from 'vitest';
import { Database } from '../../src/infra/database.ts';
import { createLogger } from '../../src/infra/log.ts';

export interface TestNeo4j {
  uri: string;
  user: string;
  password: string;
  database: string | null;
  kind: 'external' | 'testcontainers' | 'local';
}

export function testNeo4j(): TestNeo4j {
  return inject('neo4j');
}

/** A Database on the test Neo4j; close it in afterAll. */
export function connectTestDatabase(options: { queryTimeoutMs?: number } = {}): Database {
  const neo4j = testNeo4j();
  return new Database(
    { uri: neo4j.uri, user: neo4j.user, password: neo4j.password, database: neo4j.database ?? undefined },
    { queryTimeoutMs: options.queryTimeoutMs ?? 30_000, logger: createLogger('warn', 'test') },
  );
}

/** Environment for a child process that should use the test Neo4j. */
export function testNeo4jEnv(): Record<string, string> {
  const neo4j = testNeo4j();
  return {
    NEO4J_URI: neo4j.uri,
    NEO4J_USER: neo4j.user,
    NEO4J_PASSWORD: neo4j.password,
    ...(neo4j.database ? { NEO4J_DATABASE: neo4j.database } : {}),
  };
}
