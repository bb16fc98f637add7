// Synthetic data for the load benchmark and the interrupted-load test: a data directory with the plan's
// sources (so quotes resolve) and graph/synthetic.ndjson, the streamed form of data/graph that the
// loader accepts (src/write/stream.ts): every entity, then every relation, one JSON object per line.
// Relation types and endpoint labels obey RELATION_RULES; every entity takes part in a relation; degrees
// follow a power law (a few hubs with thousands of facts, most entities with one or two), as in real
// industry graphs. Deterministic for a given size and seed. Written as a stream: memory stays small.
//
//   node --import tsx bench/generate.ts --relations 100000 --out /tmp/cskg-100k
import { createWriteStream, cpSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ENTITY_TYPES,
  RELATION_RULES,
  RELATION_TYPES,
  idPrefixOf,
  type EntityType,
  type RelationType,
} from '../src/data/model.ts';
import { parseSource } from '../src/sources/parse.ts';
import { locateQuote } from '../src/sources/quote.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PLAN = 'fujian-plan-2011';

/** A small, fast, seeded generator (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Quotes that occur exactly once in the plan: whole sentences of 8 to 60 characters. */
export function uniqueQuotes(): string[] {
  const text = readFileSync(path.join(ROOT, 'data', 'sources', `${PLAN}.txt`), 'utf8');
  const doc = parseSource(PLAN, text);
  const quotes: string[] = [];
  for (const passage of doc.passages) {
    if (
      passage.kind !== 'sentence' ||
      passage.text.length < 8 ||
      passage.text.length > 60 ||
      passage.text.includes('\n')
    )
      continue;
    try {
      locateQuote(doc, passage.text);
      quotes.push(passage.text);
    } catch {
      // ambiguous: skip
    }
  }
  return quotes;
}

export interface GenerateOptions {
  readonly relations: number;
  readonly out: string;
  readonly seed?: number;
  /** entities per relation; 0.1 gives an average of 20 facts per entity */
  readonly entityRatio?: number;
}

export async function generateSyntheticData(
  options: GenerateOptions,
): Promise<{ entities: number; relations: number }> {
  const rand = random(options.seed ?? 42);
  const quotes = uniqueQuotes();
  const quote = () => quotes[Math.floor(rand() * quotes.length)] as string;
  rmSync(options.out, { recursive: true, force: true });
  mkdirSync(path.join(options.out, 'graph'), { recursive: true });
  cpSync(path.join(ROOT, 'data', 'sources'), path.join(options.out, 'sources'), { recursive: true });
  // Written under a temporary name and renamed when complete, so an interrupted run leaves no file that
  // looks finished.
  const target = path.join(options.out, 'graph', 'synthetic.ndjson');
  const partial = `${target}.partial`;
  const stream = createWriteStream(partial, 'utf8');
  const write = async (value: unknown) => {
    if (!stream.write(`${JSON.stringify(value)}\n`)) await once(stream, 'drain');
  };

  // Entities: a pool per type, sized so every type can take part in the relation types it allows.
  const total = Math.max(
    ENTITY_TYPES.length * 2,
    Math.round(options.relations * (options.entityRatio ?? 0.1)),
  );
  const pools = new Map<EntityType, string[]>(ENTITY_TYPES.map((t) => [t, []]));
  await write({ document: PLAN });
  for (let i = 0; i < total; i++) {
    const type = ENTITY_TYPES[i % ENTITY_TYPES.length] as EntityType;
    const id = `${idPrefixOf(type)}:syn-${i}`;
    pools.get(type)?.push(id);
    await write({
      entity: {
        id,
        type,
        name: `合成${type}${i}`,
        nameEn: `Synthetic ${type} ${i}`,
        aliases: i % 7 === 0 ? [`别名${i}`] : [],
        quotes: [quote()],
        ...(type === 'Enterprise' ? { origin: ['taiwan', 'mainland', 'foreign', 'unknown'][i % 4] } : {}),
        ...(type === 'Park' ? { kind: 'industrial-park', areaKm2: 1 + (i % 50) / 4 } : {}),
      },
    });
  }

  // Power law: index = floor(n * u^3) puts most picks on the first few entities of a pool (the hubs).
  const pick = (pool: readonly string[]) => pool[Math.floor(pool.length * rand() ** 3)] as string;
  const poolOf = (types: readonly EntityType[]) =>
    pools.get(types[Math.floor(rand() * types.length)] as EntityType) ?? [];
  const seen = new Set<string>();
  let written = 0;
  const relation = async (type: RelationType, from: string, to: string) => {
    if (from === to) return;
    let id = `${from}|${type}|${to}`;
    let key: string | undefined;
    if (seen.has(id)) {
      key = `k${written}`;
      id = `${id}|${key}`;
    }
    seen.add(id);
    const status = (['existing', 'planned', 'sought'] as const)[Math.floor(rand() * 3)];
    await write({ relation: { type, from, to, status, quotes: [quote()], ...(key ? { key } : {}) } });
    written += 1;
  };
  // First, one relation per entity so that none is left unrelated (COOPERATES_WITH allows any labels).
  for (const pool of pools.values()) {
    for (const id of pool) {
      if (written >= options.relations) break;
      const partner = pick(poolOf(ENTITY_TYPES));
      await relation(
        'COOPERATES_WITH',
        id,
        partner === id ? (pool[0] === id ? (pool[1] as string) : (pool[0] as string)) : partner,
      );
    }
  }
  // Then typed relations between power-law picked endpoints until the count is reached.
  while (written < options.relations) {
    const type = RELATION_TYPES[Math.floor(rand() * RELATION_TYPES.length)] as RelationType;
    const rule = RELATION_RULES[type];
    await relation(type, pick(poolOf(rule.from)), pick(poolOf(rule.to)));
  }
  stream.end();
  await once(stream, 'finish');
  renameSync(partial, target);
  return { entities: total, relations: written };
}

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const relations = Number(argument('relations') ?? 10_000);
  const out = path.resolve(argument('out') ?? `/tmp/cskg-synthetic-${relations}`);
  const started = performance.now();
  const result = await generateSyntheticData({ relations, out, seed: Number(argument('seed') ?? 42) });
  process.stdout.write(
    `${JSON.stringify({ ...result, out, seconds: (performance.now() - started) / 1000 })}\n`,
  );
}
