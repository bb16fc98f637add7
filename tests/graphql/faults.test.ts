// Neo4j stopped and restarted while the server runs: requests get SERVICE_UNAVAILABLE within seconds
// (nothing hangs, no internals leak), /health stays up and says Neo4j is down, /ready says 503, and when
// Neo4j returns on the same port the same server answers again by itself (the driver reconnects).
// This file starts its OWN Neo4j (a temporary store, a fixed port so the restart reuses it): the shared
// test database is never stopped.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/infra/config.ts';
import { Database } from '../../src/infra/database.ts';
import {
  ensureNeo4jRuntime,
  freePort,
  startLocalNeo4j,
  type LocalNeo4j,
  type Neo4jRuntime,
} from '../../src/infra/neo4jServer/localServer.ts';
import { ensurePlanLoaded } from '../support/plan.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const config = loadConfig({ ...process.env, NEO4J_URI: '', NODE_ENV: 'test' });
const store = fs.mkdtempSync(path.join(os.tmpdir(), 'cskg-faults-neo4j-'));
let runtime: Neo4jRuntime;
let port: number;
let neo4j: LocalNeo4j | undefined;
let db: Database;
let server: TestServer;

function start(): Promise<LocalNeo4j> {
  return startLocalNeo4j(runtime, { ...config.local, dataDir: store, port, heap: '512m', pageCacheMb: 64 });
}

beforeAll(async () => {
  runtime = await ensureNeo4jRuntime(config.local);
  port = await freePort();
  neo4j = await start();
  db = new Database(
    { uri: neo4j.uri, user: 'neo4j', password: '', database: undefined },
    { queryTimeoutMs: 10_000 },
  );
  await ensurePlanLoaded(db);
  server = await startTestServer(db);
}, 300_000);

afterAll(async () => {
  await server?.close();
  await db?.close();
  await neo4j?.stop();
  fs.rmSync(store, { recursive: true, force: true });
});

const SEARCH = /* GraphQL */ `
  {
    search(query: "古雷", first: 3) {
      entity {
        id
      }
    }
  }
`;

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

describe('Neo4j down and back', () => {
  it('answers SERVICE_UNAVAILABLE while Neo4j is down and recovers by itself when it returns', async () => {
    const up = await server.graphql<{ search: { entity: { id: string } }[] }>(SEARCH);
    expect(up.body.errors).toBeUndefined();
    expect(up.body.data?.search.length).toBeGreaterThan(0);

    await neo4j!.stop();
    neo4j = undefined;

    // Several requests at once: each gets a clean SERVICE_UNAVAILABLE within seconds, none hangs.
    const downs = await Promise.all(Array.from({ length: 5 }, () => timed(() => server.graphql(SEARCH))));
    for (const { value, ms } of downs) {
      expect(value.status).toBeLessThan(500);
      expect(value.body.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
      expect(value.body.errors?.[0]?.message).toMatch(/not reachable|unavailable/);
      expect(JSON.stringify(value.body)).not.toMatch(/\bat .+\.(ts|js):\d+|Neo4jError|ECONNREFUSED/);
      expect(ms).toBeLessThan(15_000);
    }
    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', neo4j: 'down' });
    const ready = await fetch(`${server.url}/ready`);
    expect(ready.status).toBe(503);

    neo4j = await start();

    // The same server, untouched, answers again once the driver has reconnected.
    const deadline = Date.now() + 60_000;
    let recovered = false;
    while (!recovered && Date.now() < deadline) {
      const again = await server.graphql<{ search: unknown[] }>(SEARCH);
      recovered = again.body.errors === undefined && (again.body.data?.search.length ?? 0) > 0;
      if (!recovered) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(recovered).toBe(true);
    for (let i = 0; i < 5; i++) {
      const steady = await server.graphql(SEARCH);
      expect(steady.body.errors).toBeUndefined();
    }
    expect((await fetch(`${server.url}/ready`)).status).toBe(200);
    expect(await (await fetch(`${server.url}/health`)).json()).toEqual({ status: 'ok', neo4j: 'up' });
  }, 240_000);
});
