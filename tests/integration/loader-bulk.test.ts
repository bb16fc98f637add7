// The bulk path of the loader (src/write/bulk.ts: Neo4j's offline importer into a new store folder, then
// a swap of folders), on this file's OWN local server on a temporary store, since the bulk path replaces
// the store of the server it loads into:
// - it makes the very graph the transactional loader makes from the same data (the plan graph plus a
//   small streamed NDJSON file): every node, label, property with its Cypher type, relationship, the
//   stamp, and the same indexes and constraints, online;
// - invalid data changes nothing, with the transactional path's errors (file:line);
// - it is refused for a Neo4j that is not the project's own local server (NEO4J_URI);
// - `cskg load --bulk` killed (SIGKILL) during the import and at each step of the swap leaves the old graph
//   or the new one, whole, once the server starts again.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSyntheticData } from '../../bench/generate.ts';
import { loadConfig, PROJECT_ROOT } from '../../src/infra/config.ts';
import { Database } from '../../src/infra/database.ts';
import { DataInvalidError } from '../../src/infra/errors.ts';
import { loadGraph, type LoadMode } from '../../src/write/load.ts';
import { createLogger } from '../../src/infra/log.ts';
import { provideNeo4j, type ProvidedNeo4j } from '../../src/infra/neo4jServer/provision.ts';
import { storeLockHolder, storePaths } from '../../src/infra/neo4jServer/storeSwap.ts';
import { dumpGraph, type GraphDump } from '../support/graphDump.ts';
import { PLAN_DATA_DIR } from '../support/plan.ts';

const logger = createLogger('silent', 'test');
const temps: string[] = [];
let store: string;
let neo4j: ProvidedNeo4j | undefined;
let db: Database | undefined;
/** data/ copied at the start (others may edit data/ while this file runs) */
let planData: string;
/** the plan plus graph/synthetic.ndjson: entities, relations and evidence in the streamed form */
let mixedData: string;
let planDump: GraphDump;
let mixedDump: GraphDump;

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  temps.push(dir);
  return dir;
}

const localEnv = () => ({
  ...process.env,
  NEO4J_URI: '',
  CSKG_NEO4J_DATA: store,
  CSKG_NEO4J_HEAP: '512m',
  CSKG_NEO4J_PAGECACHE_MB: '64',
  LOG_LEVEL: 'warn',
});

/** Starts the project's local server on `store` (completing or undoing a swap a killed load left). */
async function startServer(): Promise<Database> {
  neo4j = await provideNeo4j(loadConfig(localEnv()), logger);
  db = new Database(neo4j.connection, { queryTimeoutMs: 120_000, logger });
  await db.verify();
  return db;
}

async function stopServer(): Promise<void> {
  await db?.close();
  await neo4j?.stop();
  db = undefined;
  neo4j = undefined;
}

function database(): Database {
  if (!db) throw new Error('no server');
  return db;
}

async function load(dataDir: string, mode: LoadMode) {
  return loadGraph(database(), {
    dataDir,
    mode,
    force: true,
    ...(neo4j?.local ? { local: neo4j.local } : {}),
  });
}

/** Indexes and constraints as Neo4j lists them: what schema.cypher made, and their state. */
async function schemaOf(): Promise<string[]> {
  const indexes = await database().read({
    cypher: /* Cypher */ `
      SHOW INDEXES YIELD name, type, entityType, labelsOrTypes, properties, state, owningConstraint
      RETURN name, type, entityType, labelsOrTypes, properties, state, owningConstraint`,
  });
  const constraints = await database().read({
    cypher: /* Cypher */ `
      SHOW CONSTRAINTS YIELD name, type, entityType, labelsOrTypes, properties
      RETURN name, type, entityType, labelsOrTypes, properties`,
  });
  return [...indexes, ...constraints].map((row) => JSON.stringify(row)).sort();
}

beforeAll(async () => {
  store = path.join(tempDir('cskg-bulk-store-'), 'data');
  planData = tempDir('cskg-bulk-plan-');
  fs.cpSync(PLAN_DATA_DIR, planData, { recursive: true });
  mixedData = tempDir('cskg-bulk-mixed-');
  fs.cpSync(PLAN_DATA_DIR, mixedData, { recursive: true });
  const synthetic = tempDir('cskg-bulk-synthetic-');
  await generateSyntheticData({ relations: 3_000, out: synthetic });
  fs.copyFileSync(
    path.join(synthetic, 'graph', 'synthetic.ndjson'),
    path.join(mixedData, 'graph', 'synthetic.ndjson'),
  );
  await startServer();
}, 300_000);

afterAll(async () => {
  await stopServer();
  for (const dir of temps) fs.rmSync(dir, { recursive: true, force: true });
  if (store) {
    for (const dir of Object.values(storePaths(store))) fs.rmSync(dir, { recursive: true, force: true });
  }
});

describe('the bulk loader', () => {
  it('makes the same graph as the transactional loader, with the same indexes online', async () => {
    await load(planData, 'transactional');
    planDump = await dumpGraph(database());
    const transactional = await load(mixedData, 'transactional');
    expect(transactional.mode).toBe('transactional');
    mixedDump = await dumpGraph(database());
    const transactionalSchema = await schemaOf();
    expect(mixedDump.relationships.length).toBeGreaterThan(planDump.relationships.length + 3_000);

    const bulk = await load(mixedData, 'bulk');
    expect(bulk.mode).toBe('bulk');
    expect(bulk.dataHash).toBe(transactional.dataHash);
    expect({ ...bulk, loadedAt: 0, ms: 0, mode: 0, statements: 0, importPeakRssMb: 0 }).toEqual({
      ...transactional,
      loadedAt: 0,
      ms: 0,
      mode: 0,
      statements: 0,
      importPeakRssMb: 0,
    });
    const bulkDump = await dumpGraph(database());
    // compared whole first (a readable diff of the first difference), then exactly
    expect(bulkDump.nodes.length).toBe(mixedDump.nodes.length);
    expect(bulkDump.relationships.length).toBe(mixedDump.relationships.length);
    expect(bulkDump).toEqual(mixedDump);
    expect(await schemaOf()).toEqual(transactionalSchema);
    expect(JSON.stringify(transactionalSchema)).not.toContain('POPULATING');

    // the plan alone, in bulk too: back to the graph the transactional loader made of it
    await load(planData, 'bulk');
    expect(await dumpGraph(database())).toEqual(planDump);
    const paths = storePaths(store);
    for (const leftover of [paths.next, paths.retired, paths.lock])
      expect(fs.existsSync(leftover)).toBe(false);
  }, 600_000);

  it('changes nothing on invalid data, and reports it as the transactional path does (file:line)', async () => {
    const broken = tempDir('cskg-bulk-broken-');
    fs.cpSync(mixedData, broken, { recursive: true });
    const file = path.join(broken, 'graph', 'synthetic.ndjson');
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    // a relation near the end cites words that are not in the plan: found after most CSV rows are written
    const at = lines.findLastIndex((line) => line.startsWith('{"relation"'));
    const relation = JSON.parse(lines[at] as string) as { relation: { quotes: string[] } };
    relation.relation.quotes = ['这句话不在规划里。'];
    lines[at] = JSON.stringify(relation);
    fs.writeFileSync(file, lines.join('\n'));

    const before = await dumpGraph(database());
    const errorOf = async (mode: LoadMode) => {
      try {
        await load(broken, mode);
      } catch (error) {
        return error;
      }
      return undefined;
    };
    const bulkError = await errorOf('bulk');
    expect(bulkError).toBeInstanceOf(DataInvalidError);
    const issues = (bulkError as DataInvalidError).issues;
    expect(issues.join('\n')).toContain(`synthetic.ndjson:${at + 1}`);
    expect(await dumpGraph(database())).toEqual(before);
    const paths = storePaths(store);
    for (const leftover of [paths.next, paths.retired, paths.lock])
      expect(fs.existsSync(leftover)).toBe(false);

    const transactionalError = await errorOf('transactional');
    expect((transactionalError as DataInvalidError).issues).toEqual(issues);
  }, 300_000);

  it("is refused for a Neo4j that is not this process's local server (NEO4J_URI)", async () => {
    await expect(loadGraph(database(), { dataDir: planData, mode: 'bulk', force: true })).rejects.toThrow(
      /NEO4J_URI/,
    );
    const child = spawn(process.execPath, ['bin/cskg.js', 'load', '--bulk', '--force', '--data', planData], {
      cwd: PROJECT_ROOT,
      env: { ...localEnv(), NEO4J_URI: neo4j?.connection.uri ?? '', NEO4J_PASSWORD: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).not.toBe(0);
    expect(output).toMatch(/--bulk.*NEO4J_URI/s);
    expect(await dumpGraph(database())).toEqual(planDump);
  }, 120_000);
});

describe('`cskg load --bulk` killed (SIGKILL)', () => {
  /**
   * Where the load is killed: during the import (the JVM must die with it), and at the pause points of
   * the swap (CSKG_BULK_PAUSE_AT, where the load waits to be killed). The server stopped and renamed
   * folders are the states that matter; the next start completes or undoes the swap.
   */
  const POINTS: { name: string; pauseAt?: string; expect: 'old' | 'new' }[] = [
    { name: 'during the import', expect: 'old' },
    { name: 'with the new store complete, the server stopped', pauseAt: 'before-swap', expect: 'old' },
    { name: 'between the two renames', pauseAt: 'mid-swap', expect: 'new' },
    { name: 'after the renames, before the server started', pauseAt: 'after-swap', expect: 'new' },
  ];

  it.each(POINTS)(
    '$name: the next start serves the $expect graph, whole',
    async (point) => {
      // the old graph is the plan, loaded transactionally
      await load(planData, 'transactional');
      expect(await dumpGraph(database())).toEqual(planDump);
      await stopServer();

      const child = spawn(
        process.execPath,
        ['bin/cskg.js', 'load', '--bulk', '--force', '--data', mixedData],
        {
          cwd: PROJECT_ROOT,
          env: { ...localEnv(), ...(point.pauseAt ? { CSKG_BULK_PAUSE_AT: point.pauseAt } : {}) },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      const paths = storePaths(store);
      const reached = () =>
        point.pauseAt
          ? output.includes(`paused at ${point.pauseAt}`)
          : storeLockHolder(paths.next) !== undefined; // the importer has the new store open
      const deadline = Date.now() + 240_000;
      while (Date.now() < deadline && child.exitCode === null && !reached()) await delay(50);
      expect(child.exitCode, `the load ended before it could be killed:\n${output}`).toBeNull();
      child.kill('SIGKILL');
      await exited;
      // the server and the importer die with the load: wait until neither holds a store
      while (
        Date.now() < deadline &&
        (storeLockHolder(paths.home) !== undefined || storeLockHolder(paths.next) !== undefined)
      ) {
        await delay(100);
      }

      await startServer();
      const dump = await dumpGraph(database());
      const seen =
        JSON.stringify(dump) === JSON.stringify(planDump)
          ? 'old'
          : JSON.stringify(dump) === JSON.stringify(mixedDump)
            ? 'new'
            : 'neither';
      expect(seen).toBe(point.expect);
      for (const leftover of [paths.next, paths.retired, paths.lock])
        expect(fs.existsSync(leftover)).toBe(false);
    },
    360_000,
  );
});
