// The foundation against a real Neo4j: connect, write, read; stats over real HTTP; readable errors
// when Neo4j is unreachable; a clear error when the port is taken.
import { spawn } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/infra/config.ts';
import { Database } from '../../src/infra/database.ts';
import { ServiceUnavailableError } from '../../src/infra/errors.ts';
import { listen, PortInUseError } from '../../src/api/http/listen.ts';
import { freePort } from '../../src/infra/neo4jServer/localServer.ts';
import { connectTestDatabase, testNeo4jEnv } from '../support/neo4j.ts';
import { ensurePlanLoaded } from '../support/plan.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const RUN = `foundation-${process.pid}-${Date.now()}`;
let db: Database;
let server: TestServer;

beforeAll(async () => {
  db = connectTestDatabase();
  await ensurePlanLoaded(db);
  server = await startTestServer(db);
});

afterAll(async () => {
  await db.write({
    cypher: /* Cypher */ `MATCH (n:FoundationTest { run: $run }) DETACH DELETE n`,
    params: { run: RUN },
  });
  await server.close();
  await db.close();
});

describe('the driver module', () => {
  it('writes in a write transaction and reads back in a read transaction', async () => {
    await db.write({
      cypher: /* Cypher */ `CREATE (:FoundationTest { run: $run, name: $name, nameEn: $nameEn })`,
      params: { run: RUN, name: '友达光电', nameEn: 'AU Optronics' },
    });
    const rows = await db.read({
      cypher: /* Cypher */ `MATCH (n:FoundationTest { run: $run }) RETURN n.name AS name, n.nameEn AS nameEn, count(*) AS n`,
      params: { run: RUN },
    });
    expect(rows).toEqual([{ name: '友达光电', nameEn: 'AU Optronics', n: 1 }]);
  });

  it('rolls back every statement of a failed write transaction', async () => {
    await expect(
      db.writeTransaction(async (tx) => {
        await tx.run({
          cypher: /* Cypher */ `CREATE (:FoundationTest { run: $run, name: 'half' })`,
          params: { run: RUN },
        });
        throw new Error('interrupted');
      }),
    ).rejects.toThrow('interrupted');
    const rows = await db.read({
      cypher: /* Cypher */ `MATCH (n:FoundationTest { run: $run, name: 'half' }) RETURN count(n) AS n`,
      params: { run: RUN },
    });
    expect(rows[0]?.n).toBe(0);
  });

  it('refuses a write in a read transaction', async () => {
    await expect(
      db.read({ cypher: /* Cypher */ `CREATE (:FoundationTest { run: $run })`, params: { run: RUN } }),
    ).rejects.toThrow();
  });

  it('says plainly when Neo4j cannot be reached', async () => {
    const port = await freePort();
    const down = new Database(
      { uri: `bolt://127.0.0.1:${port}`, user: 'neo4j', password: 'x', database: undefined },
      { queryTimeoutMs: 2_000 },
    );
    try {
      const error = await down.read({ cypher: 'RETURN 1' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ServiceUnavailableError);
      expect((error as Error).message).toContain(`bolt://127.0.0.1:${port} is not reachable`);
      await expect(down.verify()).rejects.toBeInstanceOf(ServiceUnavailableError);
    } finally {
      await down.close();
    }
  });
});

describe('the HTTP server', () => {
  it('answers stats over real HTTP from the database', async () => {
    const { status, body } = await server.graphql<{
      stats: { entities: number; relations: number; passages: number; byType: { count: number }[] };
    }>(/* GraphQL */ `
      {
        stats {
          entities
          relations
          passages
          byType {
            type
            count
          }
          byRelation {
            type
            count
          }
          loadedAt
          dataHash
        }
      }
    `);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    // the figures of the graph itself, counted here directly
    const [counted] = await db.read({
      cypher: /* Cypher */ `RETURN COUNT { (:Entity) } AS entities, COUNT { (:Entity)-[]->(:Entity) } AS relations,
        COUNT { (:Passage) } AS passages`,
    });
    const stats = body.data!.stats;
    expect(stats.entities).toBeGreaterThan(0);
    expect({ entities: stats.entities, relations: stats.relations, passages: stats.passages }).toEqual(
      counted,
    );
    expect(stats.byType.reduce((sum, t) => sum + t.count, 0)).toBe(stats.entities);
  });

  it('serves GraphiQL to a browser at /graphql', async () => {
    const response = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/graphiql/i);
  });

  it('reports health with the state of Neo4j', async () => {
    const response = await fetch(`${server.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', neo4j: 'up' });
  });

  it('masks a GraphQL validation error without a stack trace', async () => {
    const { body } = await server.graphql(/* GraphQL */ `
      {
        nope
      }
    `);
    expect(body.errors?.[0]?.message).toMatch(/Cannot query field "nope"/);
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/);
  });
});

describe('a port already in use', () => {
  it('is reported with what to do', async () => {
    const blocker = http.createServer();
    const port = await listen(blocker, 0, '127.0.0.1');
    try {
      const second = http.createServer();
      const error = await listen(second, port, '127.0.0.1').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PortInUseError);
      expect((error as Error).message).toContain(`Port ${port} on 127.0.0.1 is already in use`);
      expect((error as Error).message).toContain(`PORT=${port + 1} npm start`);
    } finally {
      blocker.close();
    }
  });

  it('makes `npm start` exit with that message', async () => {
    const blocker = http.createServer();
    const port = await listen(blocker, 0, '127.0.0.1');
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'src/main.ts')], {
        env: { ...process.env, ...testNeo4jEnv(), PORT: String(port), CSKG_SKIP_LOAD: '1' },
      });
      let stderr = '';
      child.stderr.on('data', (chunk) => (stderr += chunk));
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      expect(code).toBe(1);
      expect(stderr).toContain(`Port ${port} on 127.0.0.1 is already in use`);
    } finally {
      blocker.close();
    }
  });
});
