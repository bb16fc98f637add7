// Faults that could leave partial writes (issue 7), on this file's OWN Neo4j (the project's local server
// on a temporary store), so the shared test database is never touched:
// - `cskg load` killed with SIGKILL at several points of a load: the graph queries see is always the old
//   one or the new one, whole (tests/integration/loader.test.ts shows that leftovers of an interrupted
//   load are invisible and cleaned; here real loads are killed);
// - the server killed mid-request: nothing changes in Neo4j and its transactions end with it;
// - the API cannot write at all: the schema has no Mutation or Subscription, a tour of every field runs
//   only read transactions, and Neo4j refuses a write inside a read transaction. That the GraphQL, read
//   and HTTP code cannot even name a write method is the compiler's part (tests/unit/read-only.test.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4jDriver from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, PROJECT_ROOT } from '../../src/infra/config.ts';
import { Database, type CypherQuery, type Row, type StatementCounter } from '../../src/infra/database.ts';
import { createCskgYoga } from '../../src/api/graphql/yoga.ts';
import { buildSchema as buildSchemaFromSdl } from 'graphql';
import { buildSchema, SCHEMA_FILE } from '../../src/api/graphql/schema.ts';
import { readGraphStats } from '../../src/read/stats.ts';
import { hashDataDir } from '../../src/write/hash.ts';
import { loadGraph } from '../../src/write/load.ts';
import { createLogger } from '../../src/infra/log.ts';
import {
  ensureNeo4jRuntime,
  freePort,
  startLocalNeo4j,
  type LocalNeo4j,
} from '../../src/infra/neo4jServer/localServer.ts';
import { dumpGraph, type GraphDump } from '../support/graphDump.ts';
import { PLAN_DATA_DIR } from '../support/plan.ts';
import { schemaTour } from '../support/schemaTour.ts';

const config = loadConfig({ ...process.env, NODE_ENV: 'test' });
const logger = createLogger('silent', 'test');
let neo4j: LocalNeo4j;
let store: string;
let db: Database;
/** a copy of data/ taken at the start: others may edit data/ while this file runs */
let planData: string;
const temps: string[] = [];

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  const runtime = await ensureNeo4jRuntime(config.local);
  store = fs.mkdtempSync(path.join(os.tmpdir(), 'cskg-faults-writes-'));
  neo4j = await startLocalNeo4j(runtime, { ...config.local, dataDir: store, heap: '512m', pageCacheMb: 64 });
  db = new Database(
    { uri: neo4j.uri, user: 'neo4j', password: '', database: undefined },
    { queryTimeoutMs: 60_000, logger },
  );
  planData = fs.mkdtempSync(path.join(os.tmpdir(), 'cskg-faults-plan-'));
  temps.push(planData);
  fs.cpSync(PLAN_DATA_DIR, planData, { recursive: true });
  await loadGraph(db, { dataDir: planData });
});

afterAll(async () => {
  await db?.close();
  await neo4j?.stop();
  for (const dir of [store, ...temps]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const env = () => ({
  ...process.env,
  NEO4J_URI: neo4j.uri,
  NEO4J_USER: 'neo4j',
  NEO4J_PASSWORD: '',
  LOG_LEVEL: 'warn',
});

async function count(cypher: string): Promise<number> {
  const [row] = await db.read({ cypher });
  return Number(row?.n ?? 0);
}

/**
 * The graph as it stands once every transaction committed so far is fully applied. Neo4j's isolation
 * is read committed: a transaction's changes become visible one by one while its commit is applied, so
 * a read racing the swap's commit (the kill comes the moment its stamp shows) can still see part of the
 * old label index. A write of our own, then a read that waits for its bookmark, waits for every earlier
 * commit to be applied (Neo4j waits for the last *closed* transaction, and transactions close in order).
 * The barrier node carries none of the labels the dump reads.
 */
async function settledDump(): Promise<GraphDump> {
  const driver = neo4jDriver.driver(neo4j.uri, neo4jDriver.auth.basic('neo4j', ''), {
    disableLosslessIntegers: true, // as src/infra/database.ts reads them
  });
  try {
    const writer = driver.session();
    await writer.executeWrite((tx) => tx.run(`MERGE (b:FaultsBarrier) SET b.n = coalesce(b.n, 0) + 1`));
    const bookmarks = writer.lastBookmarks();
    await writer.close();
    const reader = driver.session({ bookmarks, defaultAccessMode: neo4jDriver.session.READ });
    try {
      return await dumpGraph({
        read: async ({ cypher, params }) =>
          (await reader.executeRead((tx) => tx.run(cypher, params))).records.map((r) => r.toObject()),
      });
    } finally {
      await reader.close();
    }
  } finally {
    await driver.close();
  }
}

/** The first lines only one of two dumps has, for a failure message. */
function describeDifference(seen: GraphDump, wanted: GraphDump): string {
  const only = (a: string[], b: string[]) => {
    const other = new Set(b);
    return a.filter((line) => !other.has(line));
  };
  const extra = [...only(seen.nodes, wanted.nodes), ...only(seen.relationships, wanted.relationships)];
  const missing = [...only(wanted.nodes, seen.nodes), ...only(wanted.relationships, seen.relationships)];
  const show = (lines: string[]) =>
    lines
      .slice(0, 3)
      .map((l) => l.slice(0, 160))
      .join(' | ');
  return `${extra.length} extra: ${show(extra)}; ${missing.length} missing: ${show(missing)}`;
}

function waitForExit(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

// ------------------------------------------------------------------------------------- killed loads

describe('`cskg load` killed (SIGKILL) midway', () => {
  let oldDump: GraphDump;
  let newDump: GraphDump;
  let newData: string;
  let newHash: string;

  beforeAll(async () => {
    // the new data: data/ with one English name changed, so old and new graphs tell apart
    newData = fs.mkdtempSync(path.join(os.tmpdir(), 'cskg-faults-data-'));
    temps.push(newData);
    fs.cpSync(planData, newData, { recursive: true });
    const file = path.join(
      newData,
      'graph',
      fs
        .readdirSync(path.join(newData, 'graph'))
        .sort()
        .find((f) => f.endsWith('.yaml'))!,
    );
    const text = fs.readFileSync(file, 'utf8');
    const changed = text.replace(/^(\s*nameEn: .+)$/m, '$1 (reloaded)');
    expect(changed).not.toBe(text);
    fs.writeFileSync(file, changed);
    newHash = await hashDataDir(newData);

    oldDump = await dumpGraph(db);
    await loadGraph(db, { dataDir: newData });
    newDump = await dumpGraph(db);
    expect(newDump).not.toEqual(oldDump);
    await loadGraph(db, { dataDir: planData, force: true });
    expect(await dumpGraph(db)).toEqual(oldDump);
  }, 300_000);

  /** The stages of a load, as they show in the database, in order; a kill is aimed at each. */
  const STAGES: { name: string; reached: () => Promise<boolean>; expect: 'old' | 'new' }[] = [
    {
      name: 'while passages are staged',
      reached: async () => (await count(`MATCH (p:StagedPassage) RETURN count(p) AS n`)) > 0,
      expect: 'old',
    },
    {
      name: 'while entities are staged',
      reached: async () => (await count(`MATCH (e:StagedEntity) RETURN count(e) AS n`)) > 0,
      expect: 'old',
    },
    {
      name: 'while relations are staged',
      reached: async () =>
        (await count(`MATCH (:StagedEntity)-[r]->(:StagedEntity) RETURN count(r) AS n`)) > 0,
      expect: 'old',
    },
    {
      name: 'after the swap, while the old graph is deleted',
      reached: async () => (await readGraphStats(db)).dataHash === newHash,
      expect: 'new',
    },
  ];

  it.each(STAGES)(
    '$name: queries see the old graph or the new one, whole',
    async (stage) => {
      const { child, stderr } = spawnLoad(newData);
      const exited = waitForExit(child);
      let killed = false;
      const deadline = Date.now() + 240_000;
      while (Date.now() < deadline && child.exitCode === null) {
        if (await stage.reached()) {
          killed = child.kill('SIGKILL');
          break;
        }
        await delay(50);
      }
      await exited;
      expect(killed, `the load ended before it could be killed ${stage.name}: ${stderr()}`).toBe(true);

      const dump = await settledDump();
      const seen =
        JSON.stringify(dump) === JSON.stringify(oldDump)
          ? 'old'
          : JSON.stringify(dump) === JSON.stringify(newDump)
            ? 'new'
            : 'neither';
      const wanted = stage.expect === 'new' ? newDump : oldDump;
      expect(seen, `the graph after the kill (${describeDifference(dump, wanted)})`).toBe(stage.expect);
      const stats = await readGraphStats(db);
      expect(stats.dataHash).toBe(stage.expect === 'new' ? newHash : await hashDataDir(planData));

      // back to the old graph for the next stage; the load clears what the killed one left
      await loadGraph(db, { dataDir: planData, force: true });
      expect(await dumpGraph(db)).toEqual(oldDump);
      expect(
        await count(
          `MATCH (n) WHERE n:StagedEntity OR n:StagedPassage OR n:RetiredEntity OR n:RetiredPassage RETURN count(n) AS n`,
        ),
      ).toBe(0);
    },
    300_000,
  );

  it('a second load while one runs is refused, naming the first, and the first completes whole', async () => {
    const { child, stderr } = spawnLoad(newData, 10); // 10-row batches: seconds longer than our validation
    const exited = waitForExit(child);
    while (child.exitCode === null && (await count(`MATCH (p:StagedPassage) RETURN count(p) AS n`)) === 0)
      await delay(20);
    const refused = loadGraph(db, { dataDir: planData, force: true });
    await expect(refused).rejects.toThrow(
      new RegExp(`Another load is writing to this database \\(process ${child.pid} on ${os.hostname()}`),
    );
    await expect(refused).rejects.toThrow(/nothing was written/);
    expect(await exited, stderr()).toBe(0);
    expect(await settledDump()).toEqual(newDump);
    expect(await count(`MATCH (l:LoadLock) RETURN count(l) AS n`)).toBe(0);

    await loadGraph(db, { dataDir: planData, force: true });
    expect(await dumpGraph(db)).toEqual(oldDump);
  }, 300_000);

  it("a lock left by a load on another machine holds until it lapses; one of this machine's dead process at once", async () => {
    const leave = (host: string, pid: number, ageMs: number) =>
      db.write({
        cypher: `MERGE (l:LoadLock {key: 'load'}) SET l.owner = 'left', l.host = $host, l.pid = $pid,
                   l.since = '2026-01-01T00:00:00Z', l.heartbeatAt = $at`,
        params: { host, pid, at: Date.now() - ageMs },
      });
    await leave('elsewhere.example', 4242, 5_000);
    const refusal = await loadGraph(db, { dataDir: newData, force: true }).then(
      () => new Error('the load was not refused'),
      (error: unknown) => error as Error,
    );
    expect(refusal.message).toMatch(
      /process 4242 on elsewhere\.example.*last sign of life \d+ s ago.*lapses 60 s after/s,
    );
    // 5 s when the lock was left, and more on a busy machine (validation runs before the lock is taken)
    const age = Number(/last sign of life (\d+) s ago/.exec(refusal.message)?.[1]);
    expect(age).toBeGreaterThanOrEqual(5);
    expect(age).toBeLessThan(60);
    expect(await dumpGraph(db)).toEqual(oldDump);

    await leave('elsewhere.example', 4242, 61_000); // lapsed
    await loadGraph(db, { dataDir: planData, force: true });
    expect(await count(`MATCH (l:LoadLock) RETURN count(l) AS n`)).toBe(0);

    const gone = spawn(process.execPath, ['-e', '']);
    await waitForExit(gone);
    await leave(os.hostname(), gone.pid!, 1_000); // this machine, process exited
    await loadGraph(db, { dataDir: planData, force: true });
    expect(await count(`MATCH (l:LoadLock) RETURN count(l) AS n`)).toBe(0);
    expect(await dumpGraph(db)).toEqual(oldDump);
  }, 120_000);
});

/** `cskg load --force` of `data` in a child process, in small batches so each stage lasts a while. */
function spawnLoad(data: string, batchSize = 50): { child: ChildProcess; stderr: () => string } {
  const child = spawn(
    process.execPath,
    // small batches stretch each stage over many statements, so the 50 ms poll cannot miss one
    ['bin/cskg.js', 'load', '--force', '--data', data, '--batch-size', String(batchSize)],
    { cwd: PROJECT_ROOT, env: env(), stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return { child, stderr: () => stderr };
}

// ---------------------------------------------------------------------------------- killed server

describe('the server killed (SIGKILL) mid-request', () => {
  it('changes nothing in Neo4j, and its transactions end with it', async () => {
    const before = await dumpGraph(db);
    const port = await freePort();
    const server = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: PROJECT_ROOT,
      env: { ...env(), PORT: String(port), CSKG_SKIP_LOAD: '1', NODE_ENV: 'production' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const exited = waitForExit(server);
    const url = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 60_000;
    while (
      (await fetch(`${url}/ready`).then(
        (r) => r.status,
        () => 0,
      )) !== 200
    ) {
      expect(Date.now(), 'the server did not become ready').toBeLessThan(deadline);
      await delay(200);
    }

    const heavy = [
      `{ neighborhood(ids: ["region:fujian", "region:taiwan"], depth: 3, limit: 5000) { nodes { id } edges { id } } }`,
      `{ chainGaps { explanation evidence { id } } }`,
      `{ policyReach(entity: "project:gulei-refinery") { explanation } }`,
      `{ passages(query: "台湾 合作 产业", first: 100) { passage { id } entities { id } } }`,
    ];
    const inFlight = Array.from({ length: 16 }, (_, i) =>
      fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: heavy[i % heavy.length] }),
      }).then(
        () => 'answered',
        () => 'cut off',
      ),
    );
    // kill once Neo4j is running the server's statements
    const others = () =>
      count(
        `SHOW TRANSACTIONS YIELD currentQuery WHERE NOT currentQuery STARTS WITH 'SHOW' RETURN count(*) AS n`,
      );
    const seenDeadline = Date.now() + 20_000;
    let running = 0;
    while (Date.now() < seenDeadline && (running = await others()) === 0) await delay(10);
    server.kill('SIGKILL');
    await exited;
    const outcomes = await Promise.all(inFlight);
    expect(running, 'statements of the server were running when it was killed').toBeGreaterThan(0);
    expect(outcomes).toContain('cut off');

    const gone = Date.now() + 30_000;
    while ((await others()) > 0 && Date.now() < gone) await delay(200);
    expect(await others(), 'transactions of the killed server still open').toBe(0);
    expect(await dumpGraph(db)).toEqual(before);
  }, 180_000);
});

// --------------------------------------------------------------------------------------- read-only

/** A Database that records the access mode of every statement, and refuses every write. */
class RecordingDatabase extends Database {
  readonly modes: string[] = [];
  override read(query: CypherQuery, counter?: StatementCounter): Promise<Row[]> {
    this.modes.push('READ');
    return super.read(query, counter);
  }
  override write(): Promise<Row[]> {
    this.modes.push('WRITE');
    return Promise.reject(new Error('a GraphQL operation tried to write'));
  }
  override writeAutoCommit(): Promise<Row[]> {
    this.modes.push('WRITE');
    return Promise.reject(new Error('a GraphQL operation tried to write'));
  }
  override writeTransaction<T>(): Promise<T> {
    this.modes.push('WRITE');
    return Promise.reject(new Error('a GraphQL operation tried to write'));
  }
}

describe('the GraphQL API cannot write', () => {
  it('has no Mutation and no Subscription type', () => {
    const schema = buildSchema();
    expect(schema.getMutationType()).toBeUndefined();
    expect(schema.getSubscriptionType()).toBeUndefined();
  });

  it('runs every field of the schema in read transactions only', async () => {
    const recording = new RecordingDatabase(
      { uri: neo4j.uri, user: 'neo4j', password: '', database: undefined },
      { queryTimeoutMs: 60_000, logger },
    );
    const [relation] = await db.read({
      cypher: `MATCH (:Entity)-[r:LOCATED_IN]->(:Entity) RETURN r.id AS id LIMIT 1`,
    });
    const values: Record<string, unknown> = {
      id: 'park:xiamen-tiz',
      ids: ['product:pta'],
      entity: 'project:gulei-refinery',
      scope: 'park:gulei-taiwan-petrochemical-park',
      asOf: '2014-12-31',
      from: 'park:xiamen-tiz',
      to: 'region:taiwan',
      product: 'product:oil-refining',
      query: '古雷',
      entities: ['enterprise:tenglong-aromatics'],
      first: 2,
      limit: 20,
      depth: 1,
      maxHops: 3,
      before: 1,
      after: 1,
    };
    // built here from schema.graphql: vitest loads the ESM copy of graphql, @graphql-tools the CommonJS one
    const schema = buildSchemaFromSdl(fs.readFileSync(SCHEMA_FILE, 'utf8'));
    const tour = schemaTour(schema, (owner, field, argument) => {
      if (owner === 'Query' && field === 'relation' && argument.name === 'id') return relation?.id;
      if (owner === 'Query' && ['passage', 'passageContext'].includes(field) && argument.name === 'id') {
        return 'fujian-plan-2011:p0010';
      }
      if (argument.name === 'after' && String(argument.type) === 'String') return undefined; // cursors
      return values[argument.name];
    });
    const yoga = createCskgYoga({ db: recording, logger });
    try {
      for (const { field, query } of tour) {
        const response = await yoga.fetch('http://cskg/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query }),
        });
        const body = (await response.json()) as { data?: unknown; errors?: { message: string }[] };
        expect(body.errors, `${field}: ${query.slice(0, 200)}`).toBeUndefined();
        expect(body.data, field).toBeDefined();
      }
    } finally {
      await recording.close();
    }
    expect(tour.map((t) => t.field)).toEqual(
      expect.arrayContaining([
        'search',
        'neighborhood',
        'paths',
        'supplyChain',
        'chainGaps',
        'policyReach',
        'impact',
        'singlePoints',
        'gapPartners',
        'partnerRoles',
      ]),
    );
    expect(recording.modes.length).toBeGreaterThan(tour.length);
    expect(recording.modes.filter((mode) => mode !== 'READ')).toEqual([]);
  }, 180_000);

  it('is refused by Neo4j if a statement in a read transaction tries to write', async () => {
    const error = await db
      .read({ cypher: /* Cypher */ `CREATE (n:ReadOnlyProbe {at: timestamp()}) RETURN n` })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(await count(`MATCH (n:ReadOnlyProbe) RETURN count(n) AS n`)).toBe(0);
  });
});
