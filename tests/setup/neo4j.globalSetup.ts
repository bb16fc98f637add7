// Starts the Neo4j the data tests use, once per `npm test`, in the order docs/design.md gives:
// NEO4J_URI if set; a testcontainers Neo4j (neo4j:5.26-community) when a Docker engine answers;
// otherwise the project's own local server on a fresh, temporary store. Nobody starts one by hand.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../../src/infra/config.ts';
import { ensureNeo4jRuntime, startLocalNeo4j } from '../../src/infra/neo4jServer/localServer.ts';
import type { TestNeo4j } from '../support/neo4j.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: TestNeo4j;
  }
}

export default async function setup(project: TestProject) {
  const config = loadConfig({ ...process.env, NODE_ENV: 'test' });
  if (config.neo4j) {
    project.provide('neo4j', { ...config.neo4j, database: config.neo4j.database ?? null, kind: 'external' });
    return;
  }

  if (await dockerAnswers()) {
    const { Neo4jContainer } = await import('@testcontainers/neo4j');
    const container = await new Neo4jContainer('neo4j:5.26-community')
      .withPassword('test-only-password')
      .start();
    project.provide('neo4j', {
      uri: container.getBoltUri(),
      user: container.getUsername(),
      password: container.getPassword(),
      database: null,
      kind: 'testcontainers',
    });
    return async () => {
      await container.stop();
    };
  }

  const log = (message: string) => process.stderr.write(`[neo4j] ${message}\n`);
  const runtime = await ensureNeo4jRuntime(config.local, log);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cskg-test-neo4j-'));
  const server = await startLocalNeo4j(runtime, { ...config.local, dataDir, onProgress: log });
  project.provide('neo4j', { uri: server.uri, user: 'neo4j', password: '', database: null, kind: 'local' });
  return async () => {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}

/** True when a Docker engine (not just the client) answers; testcontainers is only tried then. */
async function dockerAnswers(): Promise<boolean> {
  if (process.env.CSKG_TEST_NO_DOCKER === '1') return false;
  const socket =
    process.env.DOCKER_HOST ??
    (fs.existsSync('/var/run/docker.sock') ? 'unix:///var/run/docker.sock' : undefined);
  if (!socket) return false;
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await Promise.race([
      getContainerRuntimeClient(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 10_000).unref()),
    ]);
    return true;
  } catch {
    return false;
  }
}
