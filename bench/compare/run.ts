// `npm run bench`: cskg against @neo4j/graphql on the same Neo4j and against the raw Cypher, in one run,
// printed as one table. Steps:
//  1. Neo4j the way the app gets it (src/infra/neo4jServer/provision.ts: NEO4J_URI, or the project's local server, here
//     on a temporary store) and the plan graph loaded by the project's loader;
//  2. cskg (src/main.ts) and @neo4j/graphql (./theirs/server.ts) each in its own process on that Neo4j;
//  3. every question answered by all three ways and the answers compared (ids of entities and relations);
//     cskg's statement count read from its response extensions;
//  4. warm-up, then closed-loop load with 1, 8 and 32 clients per operation and for the mix of all five,
//     the three ways measured in turns;
//  5. the loader's and the explorer's benches when they exist (npm run bench:load / bench:web);
//  6. the table, and the raw figures as JSON in bench/out/.
// BENCH_SECONDS (default 10) sets the time per measurement (each way, in 5 turns); BENCH_CLIENTS (default
// "1,8,32") the client counts; BENCH_ONLY (e.g. "search,paths") limits the operations; BENCH_LOAD_SIZES
// the loader bench's sizes (default "10000 100000"); BENCH_SKIP_SIBLINGS=1 skips the loader and explorer benches.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { loadConfig, PROJECT_ROOT } from '../../src/infra/config.ts';
import { Database } from '../../src/infra/database.ts';
import { loadGraph } from '../../src/write/load.ts';
import { createLogger } from '../../src/infra/log.ts';
import { freePort } from '../../src/infra/neo4jServer/localServer.ts';
import { provideNeo4j, type ProvidedNeo4j } from '../../src/infra/neo4jServer/provision.ts';
import { closedLoop, graphqlClient, summarise, type LoadResult, type LoadSample } from './load.ts';
import { OPERATIONS, type Case, type Operation } from './operations.ts';
import { runSiblingBenches, type SiblingFigures } from './siblings.ts';
import { machine, printTable, type Row } from './table.ts';

// The raw runner measures the statements, not tsx's source maps: with them on, the stack neo4j-driver
// captures for every statement costs a source-map lookup per frame (cskg's server turns them off in
// production for the same reason, src/main.ts; @neo4j/graphql's server runs as it is).
process.setSourceMapsEnabled(false);

const BENCH_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CLIENTS = (process.env.BENCH_CLIENTS ?? '1,8,32').split(',').map(Number);
const ONLY = process.env.BENCH_ONLY?.split(',');
const WARM_ROUNDS = 3;
/** turns per measurement: each way gets SECONDS / SLICES at a time, in rotating order */
const SLICES = 5;

const logger = createLogger('info', 'bench');
const say = (message: string) => logger.info(message);
const children: ChildProcess[] = [];
let neo4j: ProvidedNeo4j | undefined;
let store: string | undefined;

async function main() {
  const startedAt = new Date();
  const loadAverageBefore = os.loadavg();
  say(`load average before: ${loadAverageBefore.map((x) => x.toFixed(2)).join(' ')}`);

  // 1. Neo4j and the plan graph
  store = process.env.NEO4J_URI ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'cskg-bench-neo4j-'));
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'production',
    ...(store ? { CSKG_NEO4J_DATA: store } : {}),
  });
  neo4j = await provideNeo4j(config, logger);
  const db = new Database(neo4j.connection, { queryTimeoutMs: 60_000 });
  await db.verify();
  const load = await loadGraph(db, { dataDir: config.dataDir });
  say(
    load.status === 'loaded'
      ? `plan graph loaded: ${load.entities} entities, ${load.relations} relations, ${load.passages} passages in ${(load.ms / 1000).toFixed(1)} s`
      : `plan graph already loaded (${load.dataHash})`,
  );
  const env = {
    ...process.env,
    NEO4J_URI: neo4j.connection.uri,
    NEO4J_USER: neo4j.connection.user,
    NEO4J_PASSWORD: neo4j.connection.password,
    ...(neo4j.connection.database ? { NEO4J_DATABASE: neo4j.connection.database } : {}),
  };

  // 2. the two servers
  const oursPort = await freePort();
  await startProcess(
    'cskg',
    ['--import', 'tsx', 'src/main.ts'],
    PROJECT_ROOT,
    {
      ...env,
      PORT: String(oursPort),
      HOST: '127.0.0.1',
      CSKG_SKIP_LOAD: '1',
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
    },
    /^$/,
  );
  await waitForReady(`http://127.0.0.1:${oursPort}/ready`);
  const theirsPort = await freePort();
  await startProcess(
    '@neo4j/graphql',
    ['--import', 'tsx', 'compare/theirs/server.ts'],
    BENCH_DIR,
    { ...env, PORT: String(theirsPort) },
    /^LISTENING /,
  );
  const sockets = Math.max(...CLIENTS) * 3;
  const ours = graphqlClient(`http://127.0.0.1:${oursPort}/graphql`, sockets);
  const theirs = graphqlClient(`http://127.0.0.1:${theirsPort}/graphql`, sockets);
  const read = (query: Parameters<Database['read']>[0]) => db.read(query);

  // 3. same answers; statements per request
  const operations = OPERATIONS.filter((op) => !ONLY || ONLY.includes(op.name));
  const checks = new Map<string, { agree: boolean; statements: number[]; note: string }>();
  for (const op of operations) {
    const statements: number[] = [];
    const disagreements: string[] = [];
    for (const c of op.cases) {
      const mine = c.ours.answer(await c.ours.ask(ours.send));
      statements.push(Number(ours.lastExtensions()?.statements ?? Number.NaN));
      const other = c.theirs.answer(await c.theirs.ask(theirs.send));
      const raw = c.raw.answer(await c.raw.ask(read));
      const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
      if (!same(mine, raw)) disagreements.push(`${c.label}: cskg ≠ raw Cypher`);
      if (!same(mine, other)) disagreements.push(`${c.label}: cskg ≠ @neo4j/graphql`);
    }
    for (const line of disagreements) logger.warn(`${op.name}: ${line}`);
    checks.set(op.name, { agree: disagreements.length === 0, statements, note: disagreements.join('; ') });
  }

  // 4. warm-up and load
  say(`warming up (${WARM_ROUNDS} rounds of every question, every way)…`);
  for (let round = 0; round < WARM_ROUNDS; round += 1) {
    for (const op of operations) {
      for (const c of op.cases) {
        await c.ours.ask(ours.send);
        await c.theirs.ask(theirs.send);
        await c.raw.ask(read);
      }
    }
  }
  const mix: Operation = {
    name: 'search',
    title: 'mix of all five',
    cases: interleave(operations.map((op) => op.cases)),
  };
  const rows: Row[] = [];
  for (const op of [...operations, mix]) {
    for (const clients of CLIENTS) {
      const ways: [string, (c: Case) => Promise<unknown>][] = [
        ['cskg', (c) => c.ours.ask(ours.send)],
        ['@neo4j/graphql', (c) => c.theirs.ask(theirs.send)],
        ['raw', (c) => c.raw.ask(read)],
      ];
      const run = (ask: (c: Case) => Promise<unknown>, seconds: number) =>
        closedLoop((client, n) => ask(op.cases[(client + n) % op.cases.length] as Case), {
          concurrency: clients,
          seconds,
        });
      say(`${op.title}, ${clients} client${clients === 1 ? '' : 's'}…`);
      // warm each way at this concurrency, then measure in SLICES turns, the order rotating each turn
      for (const [, ask] of ways) await run(ask, 1);
      const samples: LoadSample[][] = ways.map(() => []);
      for (let slice = 0; slice < SLICES; slice += 1) {
        for (let k = 0; k < ways.length; k += 1) {
          const i = (slice + k) % ways.length;
          samples[i]!.push(await run(ways[i]![1], SECONDS / SLICES));
        }
      }
      const [oursResult, theirsResult, rawResult] = samples.map(summarise) as [
        LoadResult,
        LoadResult,
        LoadResult,
      ];
      for (const [who, result] of [
        ['cskg', oursResult],
        ['@neo4j/graphql', theirsResult],
        ['raw', rawResult],
      ] as const) {
        if (result.failed > 0)
          logger.warn(`${op.title} × ${clients}, ${who}: ${result.failed} failed (${result.firstError})`);
      }
      const check = op === mix ? undefined : checks.get(op.name);
      rows.push({
        operation: op.title,
        clients,
        ours: oursResult,
        theirs: theirsResult,
        raw: rawResult,
        statements: op === mix ? undefined : check?.statements,
        theirsRequests: op === mix ? undefined : op.cases[0]?.theirs.requests,
        agree: op === mix ? undefined : check?.agree,
      });
    }
  }
  ours.close();
  theirs.close();
  await db.close();
  await stopChildren();
  await neo4j.stop();
  neo4j = undefined;

  // 5. the other benches
  const siblings: SiblingFigures = await runSiblingBenches(say);

  // 6. the table
  const loadAverageAfter = os.loadavg();
  const info = await machine();
  const command = `npm run bench${process.env.BENCH_SECONDS ? ` (BENCH_SECONDS=${SECONDS})` : ''}`;
  printTable({
    rows,
    siblings,
    info,
    command,
    startedAt,
    loadAverage: { before: loadAverageBefore, after: loadAverageAfter },
    neo4jKind: store ? 'local (src/infra/neo4jServer/localServer.ts, temporary store)' : `NEO4J_URI`,
    plan: {
      entities: load.entities,
      relations: load.relations,
      passages: load.passages,
      loaded: load.status,
    },
    notes: operations.flatMap((op) => (op.theirsDiffers ? [`${op.title}: ${op.theirsDiffers}`] : [])),
    checks,
    seconds: SECONDS,
  });
  const out = path.join(BENCH_DIR, 'out');
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(
    path.join(out, `compare-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`),
    JSON.stringify(
      { startedAt, info, loadAverageBefore, loadAverageAfter, seconds: SECONDS, rows, siblings },
      null,
      2,
    ),
  );
}

/** [[a1, a2], [b1]] → [a1, b1, a2]: the mix asks every operation in turn. */
function interleave<T>(lists: readonly (readonly T[])[]): T[] {
  const out: T[] = [];
  for (let i = 0; i < Math.max(...lists.map((l) => l.length)); i += 1) {
    for (const list of lists) if (i < list.length) out.push(list[i] as T);
  }
  return out;
}

/** Spawns `node args` and resolves when a stdout line matches `ready` (an empty pattern: at once). */
function startProcess(
  name: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  ready: RegExp,
): Promise<void> {
  const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  const lines = readline.createInterface({ input: child.stdout! });
  child.stderr!.on('data', (chunk: Buffer) => process.stderr.write(`[${name}] ${chunk}`));
  return new Promise((resolve, reject) => {
    if (ready.source === '^$') resolve();
    lines.on('line', (line) => {
      if (ready.test(line)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`${name} exited with code ${code} while starting`)));
  });
}

async function waitForReady(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await fetch(url).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return;
    if (Date.now() > deadline) throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function stopChildren(): Promise<void> {
  await Promise.all(
    children.splice(0).map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
        }),
    ),
  );
}

async function cleanUp() {
  await stopChildren();
  await neo4j?.stop().catch(() => {});
  if (store) fs.rmSync(store, { recursive: true, force: true });
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void cleanUp().then(() => process.exit(130));
  });
}

try {
  await main();
  await cleanUp();
} catch (error) {
  logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  await cleanUp();
  process.exitCode = 1;
}
