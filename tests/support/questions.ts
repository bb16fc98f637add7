// The analyst's question set (tests/questions/plan-questions.yaml): its schema, and the probe that answers
// one question through the GraphQL API the way an analyst would — find the entity the question names by
// its name (search), then read its fields, walk one or two relations, follow its supply chain, look for a
// path, or read the passage that states the fact. Every expected answer is the plan's, cited verbatim.
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { RELATION_STATUSES, RELATION_TYPES, ENTITY_TYPES } from '../../src/data/model.ts';
import type { TestServer } from './server.ts';

export const QUESTIONS_FILE = path.join(import.meta.dirname, '..', 'questions', 'plan-questions.yaml');

const step = z.strictObject({
  types: z.array(z.enum(RELATION_TYPES)).optional(),
  direction: z.enum(['IN', 'OUT', 'BOTH']).default('BOTH'),
  statuses: z.array(z.enum(RELATION_STATUSES)).optional(),
});

/** A filter on the entities (and relations) a walk reaches: `type`, `name` (name or alias), or any typed field. */
const where = z.record(z.string(), z.union([z.string(), z.number(), z.null()]));

const expectation = z.strictObject({
  /** every named entity is among those reached (matched by name or alias) */
  includes: z.array(z.string()).optional(),
  /** none of these is among them */
  excludes: z.array(z.string()).optional(),
  /** exactly these, no more */
  equals: z.array(z.string()).optional(),
  count: z.number().int().optional(),
  countAtLeast: z.number().int().optional(),
  /** the walk reaches as many entities with its status filters as without them */
  sameWithoutStatuses: z.boolean().optional(),
  /** the `field` of the start (or of every entity reached) as text; null: the field is absent */
  value: z.union([z.string(), z.number(), z.null()]).optional(),
  /** every relation reached has this status */
  status: z.enum(RELATION_STATUSES).optional(),
  /** some caveat (of the start, the entities reached, or with `onEdges` the relations reached) contains this */
  caveatIncludes: z.string().optional(),
  /** a relation attribute, e.g. { share: "0.58" } */
  edgeAttributes: z.record(z.string(), z.string()).optional(),
  /** path and rollup probes: whether the path exists */
  exists: z.boolean().optional(),
  /** resolve probe: how many entities carry the start as their name or an alias */
  matches: z.number().int().optional(),
  /** resolve probe: the name of the one entity the start resolves to */
  resolvesTo: z.string().optional(),
});

export const questionSchema = z.strictObject({
  id: z.string().regex(/^[A-Z]+\d+$/),
  category: z.enum([
    'neighbours',
    'attributes',
    'counts',
    'rollup',
    'chains',
    'paths',
    'owners',
    'numbers',
    'zones',
    'caveats',
    'status',
    'aliases',
    'passages',
  ]),
  question: z.string().min(10),
  /** the words of the plan that state the answer (one or more), each verbatim (whitespace aside) */
  cite: z.union([z.string(), z.array(z.string()).min(1)]),
  /** the name or alias the question names */
  start: z.string().min(1),
  startType: z.enum(ENTITY_TYPES).optional(),
  walk: z.array(step).max(2).optional(),
  where: where.optional(),
  /** read this typed field (or `caveats`) of the start, or of every entity the walk reaches */
  field: z.string().optional(),
  /** apply `status`, `caveatIncludes` and `edgeAttributes` to the relations the walk reaches */
  onEdges: z.boolean().optional(),
  chain: z
    .strictObject({ direction: z.enum(['UPSTREAM', 'DOWNSTREAM']), depth: z.number().int().min(1).max(10) })
    .optional(),
  /** a shortest path to this entity (by name), in at most maxHops relations of these types */
  path: z
    .strictObject({
      to: z.string(),
      toType: z.enum(ENTITY_TYPES).optional(),
      maxHops: z.number().int().min(1).max(6),
      types: z.array(z.enum(RELATION_TYPES)).optional(),
      /** every relation of the path points from the start towards `to` (a roll-up along PART_OF) */
      upward: z.boolean().optional(),
    })
    .optional(),
  /** resolve the start by name and count the entities it names */
  resolve: z.boolean().optional(),
  /** find the passage by this text and read the entities it states */
  passage: z.string().optional(),
  expect: expectation,
  /** set while the data cannot answer: the test expects this question to fail, and fails when it passes */
  knownFailure: z.string().min(10).optional(),
});

export type Question = z.infer<typeof questionSchema>;

export function readQuestions(file = QUESTIONS_FILE): Question[] {
  const raw: unknown = parseYaml(fs.readFileSync(file, 'utf8'));
  return z.array(questionSchema).parse(raw);
}

export function cites(question: Question): string[] {
  return typeof question.cite === 'string' ? [question.cite] : question.cite;
}

interface EntityView {
  id: string;
  type: string;
  name: string;
  aliases: string[];
  caveats: string[];
  attributes: { key: string; value: string }[];
}

interface EdgeView {
  id: string;
  type: string;
  source: string;
  target: string;
  status: string;
  caveats: string[];
  attributes: { key: string; value: string }[];
}

const ENTITY_FIELDS = /* GraphQL */ `
  fragment E on Entity {
    id
    type
    name
    aliases
    caveats
    attributes {
      key
      value
    }
  }
`;

const SEARCH = /* GraphQL */ `
  query ($q: String!, $types: [EntityType!]) {
    search(query: $q, types: $types, first: 100) {
      entity {
        ...E
      }
    }
  }
  ${ENTITY_FIELDS}
`;

const RELATIONS = /* GraphQL */ `
  query ($id: ID!, $dir: Direction, $types: [RelationType!], $statuses: [RelationStatus!], $first: Int) {
    entity(id: $id) {
      relations(direction: $dir, types: $types, statuses: $statuses, first: $first) {
        edges {
          neighbor {
            ...E
          }
          node {
            id
            type
            source
            target
            status
            caveats
            attributes {
              key
              value
            }
          }
        }
      }
    }
  }
  ${ENTITY_FIELDS}
`;

const CHAIN = /* GraphQL */ `
  query ($id: ID!, $dir: ChainDirection, $depth: Int) {
    supplyChain(product: $id, direction: $dir, depth: $depth) {
      nodes {
        ...E
      }
    }
  }
  ${ENTITY_FIELDS}
`;

const PATHS = /* GraphQL */ `
  query ($from: ID!, $to: ID!, $maxHops: Int, $types: [RelationType!]) {
    paths(from: $from, to: $to, maxHops: $maxHops, first: 10, relationTypes: $types) {
      nodes {
        id
      }
      edges {
        source
        target
      }
    }
  }
`;

const PASSAGES = /* GraphQL */ `
  query ($q: String!) {
    passages(query: $q, first: 20) {
      passage {
        text
      }
      entities {
        ...E
      }
    }
  }
  ${ENTITY_FIELDS}
`;

const names = (e: EntityView) => [e.name, ...e.aliases];
const named = (e: EntityView, wanted: string) => names(e).includes(wanted);
const attribute = (item: { attributes: { key: string; value: string }[] }, key: string) =>
  item.attributes.find((a) => a.key === key)?.value ?? null;
const squeeze = (text: string) => text.replace(/[\s\u3000]+/g, '');

/** Answers questions over one server; every failure is an Error saying what the data answered instead. */
export class QuestionProbe {
  constructor(private readonly server: TestServer) {}

  private async gql<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    const { body } = await this.server.graphql<T>(query, variables);
    if (body.errors?.length)
      throw new Error(`GraphQL error: ${body.errors.map((e) => e.message).join('; ')}`);
    return body.data as T;
  }

  /** The entities that carry `name` as their name or an alias (optionally of one type). */
  async resolveAll(name: string, type?: string): Promise<EntityView[]> {
    const data = await this.gql<{ search: { entity: EntityView }[] }>(SEARCH, {
      q: name,
      types: type ? [type] : null,
    });
    const seen = new Map<string, EntityView>();
    for (const { entity } of data.search) if (named(entity, name)) seen.set(entity.id, entity);
    return [...seen.values()];
  }

  async resolveOne(name: string, type?: string): Promise<EntityView> {
    const found = await this.resolveAll(name, type);
    if (found.length !== 1) {
      throw new Error(
        `"${name}"${type ? ` (${type})` : ''} names ${found.length} entities${found.length ? `: ${found.map((e) => e.id).join(', ')}` : ''}`,
      );
    }
    return found[0]!;
  }

  async answer(q: Question): Promise<void> {
    if (q.resolve) return this.checkResolve(q);
    const start = await this.resolveOne(q.start, q.startType);
    if (q.passage !== undefined) return this.checkPassage(q, start);
    if (q.chain) return this.checkNames(q, await this.chain(start, q.chain));
    if (q.path) return this.checkPath(q, start);
    if (!q.walk) return this.checkItems(q, [{ entity: start }]);
    const reached = await this.walk(start, q.walk);
    if (q.expect.sameWithoutStatuses) {
      const all = this.filter(
        q,
        await this.walk(
          start,
          q.walk.map(({ statuses: _, ...rest }) => rest),
        ),
      );
      const filtered = this.filter(q, reached);
      if (filtered.length !== all.length) {
        throw new Error(`${filtered.length} of ${all.length} remain with the status filter`);
      }
    }
    return this.checkItems(q, reached);
  }

  private async walk(
    start: EntityView,
    steps: NonNullable<Question['walk']>,
  ): Promise<{ entity: EntityView; edge?: EdgeView }[]> {
    let frontier: { entity: EntityView; edge?: EdgeView }[] = [{ entity: start }];
    for (const s of steps) {
      const next: { entity: EntityView; edge: EdgeView }[] = [];
      for (const { entity } of frontier) {
        const data = await this.gql<{
          entity: { relations: { edges: { neighbor: EntityView; node: EdgeView }[] } };
        }>(RELATIONS, {
          id: entity.id,
          dir: s.direction,
          types: s.types ?? null,
          statuses: s.statuses ?? null,
          first: 500,
        });
        for (const e of data.entity.relations.edges) next.push({ entity: e.neighbor, edge: e.node });
      }
      frontier = next;
    }
    return frontier;
  }

  private filter<T extends { entity: EntityView }>(q: Question, items: T[]): T[] {
    const w = q.where ?? {};
    return items.filter(({ entity }) =>
      Object.entries(w).every(([key, wanted]) => {
        if (key === 'type') return entity.type === wanted;
        if (key === 'name') return named(entity, String(wanted));
        const value = attribute(entity, key);
        return wanted === null ? value === null : value === String(wanted);
      }),
    );
  }

  private checkItems(q: Question, all: { entity: EntityView; edge?: EdgeView }[]): void {
    const items = this.filter(q, all);
    const e = q.expect;
    if (q.field !== undefined) {
      if (items.length === 0) throw new Error(`no entity to read ${q.field} of`);
      for (const { entity } of items) {
        const value = q.field === 'caveats' ? entity.caveats.join(' | ') : attribute(entity, q.field);
        if (e.value !== undefined) {
          const wanted = e.value === null ? null : String(e.value);
          if (value !== wanted)
            throw new Error(
              `${entity.id}.${q.field} is ${JSON.stringify(value)}, expected ${JSON.stringify(wanted)}`,
            );
        }
      }
    }
    if (e.status !== undefined) {
      if (items.length === 0) throw new Error('no relation reached');
      for (const { edge } of items) {
        if (edge && edge.status !== e.status)
          throw new Error(`${edge.id} is ${edge.status}, expected ${e.status}`);
      }
    }
    if (e.edgeAttributes) {
      for (const { edge } of items) {
        for (const [key, wanted] of Object.entries(e.edgeAttributes)) {
          const value = edge ? attribute(edge, key) : null;
          if (value !== wanted)
            throw new Error(`${edge?.id ?? '?'}.${key} is ${JSON.stringify(value)}, expected ${wanted}`);
        }
      }
      if (items.length === 0) throw new Error('no relation reached');
    }
    if (e.caveatIncludes !== undefined) {
      const caveats = q.onEdges
        ? items.flatMap(({ edge }) => edge?.caveats ?? [])
        : items.flatMap(({ entity }) => entity.caveats);
      if (!caveats.some((c) => c.includes(e.caveatIncludes!))) {
        throw new Error(`no caveat mentions "${e.caveatIncludes}" (caveats: ${JSON.stringify(caveats)})`);
      }
    }
    this.checkNames(q, dedupe(items.map((i) => i.entity)));
  }

  private checkNames(q: Question, entities: EntityView[]): void {
    const e = q.expect;
    const list = () => entities.map((x) => x.name).join('、') || '(none)';
    for (const wanted of e.includes ?? []) {
      if (!entities.some((x) => named(x, wanted))) throw new Error(`"${wanted}" is not among: ${list()}`);
    }
    for (const unwanted of e.excludes ?? []) {
      if (entities.some((x) => named(x, unwanted)))
        throw new Error(`"${unwanted}" should not be among: ${list()}`);
    }
    if (e.equals) {
      const missing = e.equals.filter((w) => !entities.some((x) => named(x, w)));
      const extra = entities.filter((x) => !e.equals!.some((w) => named(x, w)));
      if (missing.length || extra.length) {
        throw new Error(
          `expected exactly ${e.equals.join('、')}; missing ${missing.join('、') || 'none'}, extra ${extra.map((x) => x.name).join('、') || 'none'}`,
        );
      }
    }
    if (e.count !== undefined && entities.length !== e.count)
      throw new Error(`${entities.length} entities (${list()}), expected ${e.count}`);
    if (e.countAtLeast !== undefined && entities.length < e.countAtLeast) {
      throw new Error(`${entities.length} entities, expected at least ${e.countAtLeast}`);
    }
  }

  private async checkResolve(q: Question): Promise<void> {
    const found = await this.resolveAll(q.start, q.startType);
    if (q.expect.matches !== undefined && found.length !== q.expect.matches) {
      throw new Error(
        `"${q.start}" names ${found.length} entities (${found.map((x) => x.id).join(', ') || 'none'}), expected ${q.expect.matches}`,
      );
    }
    if (q.expect.resolvesTo !== undefined) {
      if (found.length !== 1 || found[0]!.name !== q.expect.resolvesTo) {
        throw new Error(
          `"${q.start}" resolves to ${found.map((x) => x.name).join('、') || 'nothing'}, expected ${q.expect.resolvesTo}`,
        );
      }
    }
  }

  private async chain(start: EntityView, c: NonNullable<Question['chain']>): Promise<EntityView[]> {
    const data = await this.gql<{ supplyChain: { nodes: EntityView[] } }>(CHAIN, {
      id: start.id,
      dir: c.direction,
      depth: c.depth,
    });
    return data.supplyChain.nodes.filter((n) => n.type === 'Product' && n.id !== start.id);
  }

  private async checkPath(q: Question, start: EntityView): Promise<void> {
    const p = q.path!;
    const target = await this.resolveOne(p.to, p.toType);
    const data = await this.gql<{
      paths: { nodes: { id: string }[]; edges: { source: string; target: string }[] }[];
    }>(PATHS, {
      from: start.id,
      to: target.id,
      maxHops: p.maxHops,
      types: p.types ?? null,
    });
    const found = data.paths.some(
      (path) => !p.upward || path.edges.every((edge, i) => edge.source === path.nodes[i]!.id),
    );
    if (found !== (q.expect.exists ?? true)) {
      throw new Error(
        `a ${p.upward ? 'roll-up ' : ''}path from ${start.id} to ${target.id} within ${p.maxHops} ${found ? 'exists' : 'does not exist'}`,
      );
    }
  }

  private async checkPassage(q: Question, start: EntityView): Promise<void> {
    const data = await this.gql<{ passages: { passage: { text: string }; entities: EntityView[] }[] }>(
      PASSAGES,
      { q: q.passage },
    );
    const wanted = squeeze(cites(q)[0]!);
    const hit = data.passages.find((h) => squeeze(h.passage.text).includes(wanted));
    if (!hit) throw new Error(`no passage found by "${q.passage}" contains the cited words`);
    if (!hit.entities.some((x) => x.id === start.id))
      throw new Error(`the passage does not state ${start.id}`);
    this.checkNames(q, hit.entities);
  }
}

function dedupe(entities: EntityView[]): EntityView[] {
  return [...new Map(entities.map((x) => [x.id, x])).values()];
}
