// `npm run bench:scale`: every operation of the GraphQL contract and the named queries of the command line
// (bench/scale/operations.ts) on graphs of growing size, from two generators: today's power-law one
// (bench/generate.ts) and an industry-shaped one (bench/generate-industry.ts), each at the plan's size
// (2,062 facts), 100k and 1M facts, plus the plan itself. For each graph: a fresh store of the project's own
// local Neo4j, the graph loaded by `cskg load`'s loader (the bulk path from 100k facts), the API served over
// real HTTP in this process; then each operation in a closed loop of 1 and of 8 clients, p50 and p99 of the
// answer time, and how many answers were errors (QUERY_TIMEOUT above all). One table at the end: each row
// an operation at one client count on one generator, its p50 and p99 at each size, and the growth of p50
// against the plan-size row of the same generator in the same run. The load average is printed before
// and after each graph (the machine is shared; ratios from one run are what to compare).
//
//   npm run bench:scale                                     # everything (about an hour on 2 shared cores)
//   npm run bench:scale -- --sizes 2062,100000 --generators industry --requests 16 --seconds 5
//   npm run bench:scale -- --only 'impact|singlePoints|gapPartners|partnerRoles|chainGaps' --baseline chainGaps
//
// --only keeps the operations whose name matches (a regular expression); --baseline adds a table of each
// operation's p50 over the baseline operation's p50 on the same graph in the same run.
//
// Generated data is kept in $TMPDIR/cskg-scale-data/<generator>-<size> and reused; stores are deleted.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../src/infra/config.ts';
import { dataFor, PLAN_SIZE, withServedGraph, type Generator } from './graphs.ts';
import { operations, type Operation, type Outcome } from './operations.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? (args[at + 1] ?? fallback) : fallback;
};
const SIZES = option('sizes', `${PLAN_SIZE},100000,1000000`).split(',').map(Number);
const GENERATORS = option('generators', 'power-law,industry').split(',') as Generator[];
const WITH_PLAN = option('plan', 'yes') !== 'no';
const CLIENTS = option('clients', '1,8').split(',').map(Number);
/** requests per operation and client count, at most (each client takes the next) */
const REQUESTS = Number(option('requests', '24'));
const SECONDS = Number(option('seconds', '8'));
const ONLY = new RegExp(option('only', '.'));
const BASELINE = option('baseline', '');
const log = (message: string) => process.stderr.write(`[bench:scale] ${message}\n`);

interface Graph {
  readonly generator: Generator | 'plan';
  readonly size: number;
  readonly dataDir: string;
}
interface Cell {
  readonly p50: number;
  readonly p99: number;
  readonly requests: number;
  readonly errors: Record<string, number>;
}
interface GraphResult {
  readonly graph: Graph;
  readonly facts: number;
  readonly entities: number;
  readonly loadMs: number;
  readonly loadMode: string;
  readonly loadBefore: number;
  readonly loadAfter: number;
  /** operation → clients → cell */
  readonly cells: Map<string, Map<number, Cell>>;
}

function percentile(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? NaN;
}

/** A closed loop of `clients` clients, each taking the next argument set, until REQUESTS or SECONDS. */
async function measure(operation: Operation, clients: number): Promise<Cell> {
  const times: number[] = [];
  const errors: Record<string, number> = {};
  const deadline = performance.now() + SECONDS * 1000;
  const total = REQUESTS * Math.max(1, clients / 2);
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < total && performance.now() < deadline) {
        const values = operation.args[next++ % operation.args.length] ?? {};
        const started = performance.now();
        let outcome: Outcome;
        try {
          outcome = await operation.run(values);
        } catch (error) {
          outcome = { error: (error as Error).message.slice(0, 40) };
        }
        times.push(performance.now() - started);
        if (outcome.error) errors[outcome.error] = (errors[outcome.error] ?? 0) + 1;
      }
    }),
  );
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99), requests: times.length, errors };
}

async function benchGraph(graph: Graph): Promise<GraphResult> {
  const label = `${graph.generator} ${graph.size}`;
  return withServedGraph(graph.dataDir, { label }, async ({ db, origin, load }) => {
    const url = `${origin}/graphql`;
    const send = async (query: string, variables: Record<string, unknown>): Promise<Outcome> => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
      const code = body.errors?.[0]?.extensions?.code;
      return code ? { error: code } : {};
    };
    const ops = (await operations(db, send)).filter((o) => ONLY.test(o.name));
    const [counts] = await db.read({
      cypher: /* Cypher */ `MATCH (m:Meta {key: 'graph'}) RETURN m.relationCount AS facts, m.entityCount AS entities`,
    });
    const loadBefore = os.loadavg()[0] ?? NaN;
    const cells = new Map<string, Map<number, Cell>>();
    for (const operation of ops) {
      // warm-up: every argument set once (Neo4j plans each statement on first use)
      for (const values of operation.args) await operation.run(values).catch(() => ({}));
      const byClients = new Map<number, Cell>();
      for (const clients of CLIENTS) {
        const cell = await measure(operation, clients);
        byClients.set(clients, cell);
        log(
          `${label} ${operation.name} ×${clients}: p50 ${cell.p50.toFixed(1)} ms, p99 ${cell.p99.toFixed(1)} ms (${cell.requests} requests${Object.keys(cell.errors).length ? `, errors ${JSON.stringify(cell.errors)}` : ''})`,
        );
      }
      cells.set(operation.name, byClients);
    }
    return {
      graph,
      facts: Number(counts?.facts ?? 0),
      entities: Number(counts?.entities ?? 0),
      loadMs: load.ms,
      loadMode: load.mode ?? 'unchanged',
      loadBefore,
      loadAfter: os.loadavg()[0] ?? NaN,
      cells,
    };
  });
}

function table(results: readonly GraphResult[]): string {
  const ms = (n: number | undefined) =>
    n === undefined || Number.isNaN(n) ? '–' : n < 10 ? n.toFixed(1) : n.toFixed(0);
  const sizes = [
    ...new Set(results.filter((r) => r.graph.generator !== 'plan').map((r) => r.graph.size)),
  ].sort((a, b) => a - b);
  const plan = results.find((r) => r.graph.generator === 'plan');
  const generators = [...new Set(results.map((r) => r.graph.generator))].filter((g) => g !== 'plan');
  const operationsNames = [...(results[0]?.cells.keys() ?? [])];
  const head = [
    'generator',
    'operation',
    'clients',
    ...(plan ? ['the plan p50 · p99'] : []),
    ...sizes.map((size) => `${size.toLocaleString('en')} p50 · p99${size === sizes[0] ? '' : ' · ×p50'}`),
    'errors',
  ];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i < 2 ? '---' : '--:')).join('|')}|`];
  for (const generator of generators) {
    for (const name of operationsNames) {
      for (const clients of CLIENTS) {
        const base = results.find((r) => r.graph.generator === generator && r.graph.size === sizes[0]);
        const baseP50 = base?.cells.get(name)?.get(clients)?.p50;
        const errors: string[] = [];
        const cells = sizes.map((size) => {
          const result = results.find((r) => r.graph.generator === generator && r.graph.size === size);
          const cell = result?.cells.get(name)?.get(clients);
          if (!cell) return '–';
          for (const [code, n] of Object.entries(cell.errors)) errors.push(`${code} ${n} at ${size}`);
          const ratio = size === sizes[0] || !baseP50 ? '' : ` · ${(cell.p50 / baseP50).toFixed(1)}×`;
          return `${ms(cell.p50)} · ${ms(cell.p99)}${ratio}`;
        });
        const planCell = plan?.cells.get(name)?.get(clients);
        lines.push(
          `| ${[
            generator,
            name,
            clients,
            ...(plan ? [planCell ? `${ms(planCell.p50)} · ${ms(planCell.p99)}` : '–'] : []),
            ...cells,
            errors.join(', ') || '0',
          ].join(' | ')} |`,
        );
      }
    }
  }
  return lines.join('\n');
}

/** Each operation's p50 over the baseline operation's p50, on the same graph in the same run. */
function baselineTable(results: readonly GraphResult[], baseline: string): string {
  const head = ['graph', 'operation', 'clients', `p50 / ${baseline} p50`];
  const lines = [`| ${head.join(' | ')} |`, `|---|---|--:|--:|`];
  for (const result of results) {
    const label = `${result.graph.generator} ${result.graph.size.toLocaleString('en')}`;
    for (const [name, byClients] of result.cells) {
      for (const [clients, cell] of byClients) {
        const base = result.cells.get(baseline)?.get(clients)?.p50;
        if (!base || name === baseline) continue;
        lines.push(`| ${label} | ${name} | ${clients} | ${(cell.p50 / base).toFixed(2)}× |`);
      }
    }
  }
  return lines.join('\n');
}

const graphs: Graph[] = [];
if (WITH_PLAN) graphs.push({ generator: 'plan', size: PLAN_SIZE, dataDir: path.join(ROOT, 'data') });
for (const generator of GENERATORS) {
  for (const size of SIZES) graphs.push({ generator, size, dataDir: await dataFor(generator, size) });
}
const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).toString().trim();
const started = new Date();
const results: GraphResult[] = [];
for (const graph of graphs) results.push(await benchGraph(graph));

const config = loadConfig({ ...process.env, NEO4J_URI: '' });
const summary = [
  `Command: \`npm run bench:scale${args.length ? ` -- ${args.join(' ')}` : ''}\`, commit ${commit}, ${started.toISOString()} – ${new Date().toISOString()}.`,
  `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; ` +
    `Neo4j ${config.local.version} (the project's local server), heap ${config.local.heap}, page cache ${config.local.pageCacheMb} MB, query timeout ${config.queryTimeoutMs} ms.`,
  `Each cell: p50 · p99 ms over up to ${REQUESTS} requests at 1 client (${REQUESTS * 4} at 8), at most ${SECONDS} s, after one warm-up request per argument set; ×p50: p50 over the plan-size p50 of the same generator.`,
  '',
  '| graph | facts | entities | load | load s | load average before → after |',
  '|---|--:|--:|---|--:|---|',
  ...results.map(
    (r) =>
      `| ${r.graph.generator} ${r.graph.size.toLocaleString('en')} | ${r.facts} | ${r.entities} | ${r.loadMode} | ${(r.loadMs / 1000).toFixed(1)} | ${r.loadBefore.toFixed(1)} → ${r.loadAfter.toFixed(1)} |`,
  ),
  '',
  table(results),
  ...(BASELINE ? ['', baselineTable(results, BASELINE)] : []),
].join('\n');
process.stdout.write(`${summary}\n`);
fs.writeFileSync(
  path.join(os.tmpdir(), 'cskg-bench-scale.json'),
  JSON.stringify(
    results.map((r) => ({
      ...r,
      cells: Object.fromEntries([...r.cells].map(([k, v]) => [k, Object.fromEntries(v)])),
    })),
    null,
    2,
  ),
);
