// The one table `npm run bench` prints (Markdown, so it can go into bench/RESULTS.md as it is), with the
// machine, the load average and the command above it and the goals checked below it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import type { LoadResult } from './load.ts';
import type { SiblingFigures } from './siblings.ts';

export interface Row {
  readonly operation: string;
  readonly clients: number;
  readonly ours: LoadResult;
  readonly theirs: LoadResult;
  readonly raw: LoadResult;
  /** cskg's Cypher statements per request, one per argument set (undefined for the mix) */
  readonly statements: readonly number[] | undefined;
  /** HTTP requests @neo4j/graphql needs per question */
  readonly theirsRequests: number | undefined;
  /** the three ways gave the same answer */
  readonly agree: boolean | undefined;
}

export interface Machine {
  readonly cpus: number;
  readonly cpuModel: string;
  readonly memoryGiB: number;
  readonly node: string;
  readonly java: string;
}

export async function machine(): Promise<Machine> {
  const cpuinfo = fs.existsSync('/proc/cpuinfo') ? fs.readFileSync('/proc/cpuinfo', 'utf8') : '';
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
  return {
    cpus: os.availableParallelism(),
    cpuModel: /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: os.totalmem() / 2 ** 30,
    node: process.version,
    java: (java.stderr || java.stdout || '').split('\n')[0]?.trim() || 'not found',
  };
}

export interface TableInput {
  readonly rows: readonly Row[];
  readonly siblings: SiblingFigures;
  readonly info: Machine;
  readonly command: string;
  readonly startedAt: Date;
  readonly loadAverage: { before: number[]; after: number[] };
  readonly neo4jKind: string;
  readonly plan: { entities: number; relations: number; passages: number; loaded: string };
  readonly notes: readonly string[];
  readonly checks: ReadonlyMap<string, { agree: boolean; statements: number[]; note: string }>;
  readonly seconds: number;
}

const ms = (value: number) =>
  Number.isFinite(value) ? (value < 10 ? value.toFixed(2) : value.toFixed(1)) : '–';
const rate = (value: number) => (value < 100 ? value.toFixed(1) : value.toFixed(0));
const ratio = (a: number, b: number) => (Number.isFinite(a / b) ? `${(a / b).toFixed(2)}×` : '–');
const load = (values: number[]) => values.map((x) => x.toFixed(2)).join(' ');

function statementsText(values: readonly number[] | undefined): string {
  if (!values || values.length === 0) return '–';
  const min = Math.min(...values);
  const max = Math.max(...values);
  return min === max ? String(min) : `${min}–${max}`;
}

export function formatTable(input: TableInput): string {
  const { info } = input;
  const lines: string[] = [];
  lines.push(
    `cskg vs @neo4j/graphql vs raw Cypher — ${input.startedAt.toISOString()} — \`${input.command}\`, ${input.seconds} s per measurement (5 turns, the three in rotating order)`,
    `machine: ${info.cpus} CPUs (${info.cpuModel}), ${info.memoryGiB.toFixed(1)} GiB, node ${info.node}, ${info.java}; ` +
      `load average before ${load(input.loadAverage.before)}, after ${load(input.loadAverage.after)}`,
    `Neo4j: ${input.neo4jKind}; plan graph ${input.plan.entities} entities, ${input.plan.relations} relations, ${input.plan.passages} passages`,
    '',
    '| operation | clients | cskg q/s | p50 ms | p99 ms | @neo4j/graphql q/s | p50 ms | p99 ms | raw Cypher q/s | p50 ms | p99 ms | cskg/@neo4j p50 | cskg/raw p50 | cskg stmts/req | same answer |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|:-:|',
  );
  for (const row of input.rows) {
    const failed = row.ours.failed + row.theirs.failed + row.raw.failed;
    lines.push(
      `| ${row.operation}${row.theirsRequests && row.theirsRequests > 1 ? ` ¹` : ''} | ${row.clients} ` +
        `| ${rate(row.ours.rate)} | ${ms(row.ours.p50)} | ${ms(row.ours.p99)} ` +
        `| ${rate(row.theirs.rate)} | ${ms(row.theirs.p50)} | ${ms(row.theirs.p99)} ` +
        `| ${rate(row.raw.rate)} | ${ms(row.raw.p50)} | ${ms(row.raw.p99)} ` +
        `| ${ratio(row.ours.p50, row.theirs.p50)} | ${ratio(row.ours.p50, row.raw.p50)} ` +
        `| ${statementsText(row.statements)} | ${row.agree === undefined ? '' : row.agree ? 'yes' : 'NO'}${failed ? ` (${failed} failed)` : ''} |`,
    );
  }
  const { load: loadBench, web } = input.siblings;
  const empty = ' |'.repeat(13);
  lines.push(
    `| load throughput, synthetic data (\`npm run bench:load\`) | | ${loadBench.summary} |${empty}`,
    `| explorer render time (\`npm run bench:web\`) | | ${web.summary} |${empty}`,
    '',
  );
  if (input.rows.some((row) => row.theirsRequests && row.theirsRequests > 1)) {
    lines.push(
      '¹ @neo4j/graphql answers this in 3 requests (one per ring, then the relations among the outer ring); q/s and latency are per answer.',
    );
  }
  for (const note of input.notes) lines.push(`- ${note}`);

  // the goals of issue 7
  const byOperation = new Map<string, Row[]>();
  for (const row of input.rows)
    byOperation.set(row.operation, [...(byOperation.get(row.operation) ?? []), row]);
  const behind: string[] = [];
  const slow: string[] = [];
  for (const [operation, rows] of byOperation) {
    for (const row of rows) {
      if (row.ours.p50 > row.theirs.p50 || row.ours.rate < row.theirs.rate)
        behind.push(`${operation} × ${row.clients}`);
      if (row.ours.p50 > 2 * row.raw.p50)
        slow.push(`${operation} × ${row.clients} (${ratio(row.ours.p50, row.raw.p50)})`);
    }
  }
  lines.push(
    `- ahead of @neo4j/graphql (lower p50 and higher q/s) on every operation and client count: ${behind.length === 0 ? 'yes' : `no — behind on ${behind.join(', ')}`}`,
    `- never slower than 2× the raw Cypher (p50): ${slow.length === 0 ? 'yes' : `no — ${slow.join(', ')}`}`,
  );
  for (const [name, check] of input.checks)
    if (!check.agree) lines.push(`- answers differ for ${name}: ${check.note}`);
  return lines.join('\n');
}

export function printTable(input: TableInput): void {
  process.stdout.write(`${formatTable(input)}\n`);
}
