// Hostile input (issue 7): every document, variable set and HTTP request of tests/fixtures/hostile/ (depth
// bombs, alias floods, fragment cycles, huge lists, wrong types, control characters, NUL bytes, lone
// surrogates, very long strings, batching, wrong content types, GET with mutations, huge bodies) and
// every injection payload in every String and ID argument of the schema, sent to the server `npm start`
// runs, in its own process (tests/fixtures/hostile-server.ts). Every answer: a 4xx or GraphQL errors with
// a code, never a 5xx or INTERNAL_SERVER_ERROR, no stack, Cypher or driver text; the server stays up and
// logs no unexpected error; the graph in Neo4j is the same before and after; the server's heap after a
// full GC stays flat over repeated passes.
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/infra/database.ts';
import { buildSchema } from 'graphql';
import { SCHEMA_FILE } from '../../src/api/graphql/schema.ts';
import { readGraphStats } from '../../src/read/stats.ts';
import { dumpGraph, type GraphDump } from '../support/graphDump.ts';
import { injectionCases, judge, readCorpus, send, type HostileCase } from '../support/hostileCorpus.ts';
import { connectTestDatabase, testNeo4jEnv } from '../support/neo4j.ts';
import { ensurePlanLoaded } from '../support/plan.ts';

const SERVER = path.resolve(import.meta.dirname, '../fixtures/hostile-server.ts');
/** passes over the whole corpus after the first, for the memory check */
const MEMORY_PASSES = 4;
/** growth of the heap (after GC) allowed between the second pass and the last */
const HEAP_GROWTH_LIMIT_MB = 8;

let db: Database;
let server: ChildProcess;
let port: number;
const serverErrors: string[] = [];
let graphBefore: GraphDump;
let statsBefore: Awaited<ReturnType<typeof readGraphStats>>;
// The schema from schema.graphql, built with the copy of graphql this file imports (vitest loads its ESM
// build; @graphql-tools and yoga use the CommonJS one, and graphql refuses types from another copy).
const cases: HostileCase[] = [
  ...readCorpus(),
  ...injectionCases(buildSchema(fs.readFileSync(SCHEMA_FILE, 'utf8'))),
];

function heapAfterGc(): Promise<NodeJS.MemoryUsage> {
  return new Promise((resolve) => {
    server.once('message', (message: { memory?: NodeJS.MemoryUsage }) => resolve(message.memory!));
    server.send('memory');
  });
}

/** Sends every case once; returns the failures as "file › case: problems". */
async function pass(): Promise<string[]> {
  const failures: string[] = [];
  for (const c of cases) {
    const answer = await send(port, c).catch((error: Error) => error);
    if (answer instanceof Error) {
      failures.push(`${c.file} › ${c.name}: ${answer.message}`);
      continue;
    }
    const verdict = judge(c, answer);
    if (!verdict.ok) failures.push(`${c.file} › ${c.name}: ${verdict.problems.join('; ')}`);
  }
  return failures;
}

beforeAll(async () => {
  db = connectTestDatabase();
  await ensurePlanLoaded(db);
  graphBefore = await dumpGraph(db);
  statsBefore = await readGraphStats(db);
  server = fork(SERVER, [], {
    execArgv: ['--expose-gc', '--import', 'tsx'],
    env: { ...process.env, ...testNeo4jEnv(), NODE_ENV: 'production', LOG_LEVEL: 'error' },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  server.stderr!.on('data', (chunk: Buffer) => serverErrors.push(chunk.toString('utf8')));
  port = await new Promise<number>((resolve, reject) => {
    server.once('message', (message: { port?: number }) => resolve(message.port!));
    server.once('exit', (code) =>
      reject(new Error(`the server exited with ${code}: ${serverErrors.join('')}`)),
    );
  });
});

afterAll(async () => {
  if (server?.connected) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.disconnect();
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
  }
  server?.kill('SIGKILL');
  await db?.close();
});

describe('the hostile corpus', () => {
  it('holds cases of every kind the issue names', () => {
    const files = new Set(cases.map((c) => c.file));
    for (const kind of [
      'depth-bombs',
      'alias-floods',
      'fragment-cycles',
      'huge-lists',
      'wrong-types',
      'control-characters',
      'long-strings',
      'injection',
      'batching',
      'content-types',
      'methods',
      'huge-bodies',
    ]) {
      expect(files, kind).toContain(`${kind}.json`);
    }
    // every String and ID argument gets every payload, as a variable and as a literal
    expect(cases.filter((c) => c.file === 'injection.json').length).toBeGreaterThan(500);
  });

  it('is answered case by case with a 4xx or coded GraphQL errors, no 5xx, no internals, the graph untouched', async () => {
    const failures = await pass();
    expect(server.exitCode, 'the server is still running').toBeNull();
    expect(serverErrors.join(''), 'unexpected errors logged by the server').toBe('');
    expect(failures).toEqual([]);
    expect(await readGraphStats(db)).toEqual(statsBefore);
    expect(await dumpGraph(db)).toEqual(graphBefore);
  }, 600_000);

  it('leaves the server heap flat over repeated passes', async () => {
    const heaps: number[] = [];
    for (let i = 0; i < MEMORY_PASSES; i += 1) {
      const failures = await pass();
      expect(failures, `pass ${i + 2}`).toEqual([]);
      heaps.push((await heapAfterGc()).heapUsed / 2 ** 20);
    }
    const growth = Math.max(...heaps.slice(1)) - (heaps[0] ?? 0);
    console.info(
      `[hostile] ${cases.length} cases per pass; server heap after GC, passes 2–${MEMORY_PASSES + 1}: ${heaps.map((h) => h.toFixed(1)).join(', ')} MB`,
    );
    expect(growth, `heap after GC per pass, MB: ${heaps.map((h) => h.toFixed(1)).join(', ')}`).toBeLessThan(
      HEAP_GROWTH_LIMIT_MB,
    );
    expect(server.exitCode).toBeNull();
    expect(await dumpGraph(db)).toEqual(graphBefore);
  }, 1_800_000);
});
