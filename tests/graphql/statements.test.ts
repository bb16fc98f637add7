// Cypher statements per GraphQL operation (extensions.statements, counted by the request's Database view):
// the same operation with a small and a large answer must cost the same, small number of statements —
// entity loads, evidence and relations of all the entities of an answer are batched, never one per row.
/* eslint-disable @typescript-eslint/no-explicit-any -- answers are only measured */
import { afterAll, describe, expect, it } from 'vitest';
import { usePlanServer } from '../support/plan.ts';
import type { TestServer } from '../support/server.ts';

let server: TestServer;

usePlanServer((plan) => ({ server } = plan));

/** The fields an explorer asks of every entity: its evidence and a page of relations with their evidence. */
const ENTITY_DETAILS = /* GraphQL */ `
  fragment EntityDetails on Entity {
    id
    name
    attributes {
      key
      value
    }
    evidence {
      id
      quote
    }
    relations(first: 5) {
      totalCount
      edges {
        node {
          id
          evidence {
            id
          }
        }
        neighbor {
          id
          evidence {
            id
          }
        }
      }
    }
  }
`;
const EDGE_DETAILS = /* GraphQL */ `
  fragment EdgeDetails on Edge {
    id
    evidence {
      id
      quote
    }
    sourceEntity {
      id
      name
    }
  }
`;

interface Measured {
  statements: number;
  size: number;
}

async function measure(
  query: string,
  variables: Record<string, unknown>,
  size: (data: any) => number,
): Promise<Measured> {
  const { status, body } = await server.graphql(query, variables);
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  expect(status).toBe(200);
  const statements = (body as { extensions?: { statements?: number } }).extensions?.statements;
  expect(typeof statements).toBe('number');
  return { statements: statements!, size: size(body.data) };
}

interface Case {
  readonly name: string;
  readonly query: string;
  readonly small: Record<string, unknown>;
  readonly large: Record<string, unknown>;
  readonly size: (data: any) => number;
  /** the fixed number of statements this operation costs with these fields */
  readonly expected: number;
}

const CASES: Case[] = [
  {
    name: 'search (hits with evidence and relations)',
    query: `query ($first: Int) { search(query: "古雷 台湾", first: $first) { score entity { ...EntityDetails } } } ${ENTITY_DETAILS}`,
    small: { first: 1 },
    large: { first: 100 },
    size: (d) => d.search.length,
    expected: 4,
  },
  {
    name: 'entity (with relations of relations)',
    query: `query ($id: ID!, $first: Int) { entity(id: $id) {
      ...EntityDetails all: relations(first: $first) { edges { neighbor { ...EntityDetails } } } } } ${ENTITY_DETAILS}`,
    small: { id: 'product:caprolactam', first: 500 },
    large: { id: 'region:fujian', first: 500 },
    size: (d) => d.entity.all.edges.length,
    expected: 6,
  },
  {
    name: 'entities (a page with evidence and relations)',
    query: `query ($first: Int) { entities(first: $first) { totalCount edges { node { ...EntityDetails } } } } ${ENTITY_DETAILS}`,
    small: { first: 1 },
    large: { first: 1000 },
    size: (d) => d.entities.edges.length,
    expected: 4,
  },
  {
    name: 'neighborhood (nodes and edges with evidence)',
    query: `query ($limit: Int, $depth: Int) { neighborhood(ids: ["region:fujian"], depth: $depth, limit: $limit) {
      truncated nodes { id evidence { id } } edges { ...EdgeDetails } } } ${EDGE_DETAILS}`,
    small: { limit: 1, depth: 0 },
    large: { limit: 5000, depth: 3 },
    size: (d) => d.neighborhood.nodes.length + d.neighborhood.edges.length,
    expected: 2,
  },
  {
    name: 'supplyChain (with evidence)',
    query: `query ($depth: Int) { supplyChain(product: "product:oil-refining", direction: DOWNSTREAM, depth: $depth) {
      nodes { id evidence { id } } edges { ...EdgeDetails } } } ${EDGE_DETAILS}`,
    small: { depth: 1 },
    large: { depth: 10 },
    size: (d) => d.supplyChain.nodes.length,
    expected: 2,
  },
  {
    name: 'passages (with entities and facts)',
    query: `query ($first: Int) { passages(query: "台湾 合作", first: $first) {
      passage { id } entities { id evidence { id } } edges { ...EdgeDetails } } } ${EDGE_DETAILS}`,
    small: { first: 1 },
    large: { first: 100 },
    size: (d) => d.passages.length,
    expected: 4,
  },
  {
    name: 'chainGaps (with evidence and coverage)',
    query: `query ($product: ID) { chainGaps(product: $product) {
      link { id evidence { id } } kinds evidence { id } coverage { entity { id } relation { ...EdgeDetails } } } } ${EDGE_DETAILS}`,
    small: { product: 'product:pta' },
    large: { product: null },
    size: (d) => d.chainGaps.length,
    expected: 2,
  },
  {
    name: 'policyReach (with paths and evidence)',
    query: `query ($first: Int) { policyReach(entity: "project:gulei-refinery", first: $first) {
      policy { id evidence { id } } path { nodes { id } edges { ...EdgeDetails } } evidence { id } } } ${EDGE_DETAILS}`,
    small: { first: 1 },
    large: { first: 500 },
    size: (d) => d.policyReach.length,
    expected: 2,
  },
];

describe('statements per operation', () => {
  const table: string[] = [];
  afterAll(() => {
    if (table.length)
      process.stderr.write(`\nstatements per operation (small / large answer):\n${table.join('\n')}\n`);
  });

  it.each(CASES)('$name costs the same few statements for a small and a large answer', async (c) => {
    const small = await measure(c.query, c.small, c.size);
    const large = await measure(c.query, c.large, c.size);
    table.push(
      `  ${c.name}: ${small.statements} (${small.size} items) / ${large.statements} (${large.size} items)`,
    );
    expect(large.size).toBeGreaterThan(small.size);
    expect(large.statements).toBe(small.statements);
    expect(small.statements).toBe(c.expected);
  });

  it('paths costs one statement per ring of its search, never one per path', async () => {
    // The search reads the facts around the two ends a ring at a time (src/read/paths.ts): the ends with
    // their first ring, at most one more per hop, then the paths' entities and facts, then their evidence.
    const query = `query ($first: Int) { paths(from: "association:ttvma", to: "enterprise:auo", first: $first) {
      length nodes { id evidence { id } } edges { ...EdgeDetails } } } ${EDGE_DETAILS}`;
    const one = await measure(query, { first: 1 }, (d) => d.paths.length);
    const ten = await measure(query, { first: 10 }, (d) => d.paths.length);
    table.push(`  paths: ${one.statements} (${one.size} items) / ${ten.statements} (${ten.size} items)`);
    expect(ten.size).toBeGreaterThan(one.size);
    for (const { statements } of [one, ten]) expect(statements).toBeLessThanOrEqual(1 + 4 + 2);
    expect(ten.statements).toBeGreaterThanOrEqual(one.statements);
  });

  it('batches entity loads of one request into one statement, aliases included', async () => {
    const fields = Array.from(
      { length: 20 },
      (_, i) => `e${i}: entity(id: $id${i}) { id name evidence { id } }`,
    );
    const variables = Object.fromEntries(
      ['park:xiamen-tiz', 'enterprise:auo', 'product:pta', 'region:fujian', 'association:ttvma']
        .flatMap((id) => [id, id, id, id])
        .map((id, i) => [`id${i}`, id]),
    );
    const query = `query (${Object.keys(variables)
      .map((k) => `$${k}: ID!`)
      .join(', ')}) { ${fields.join('\n')} }`;
    const { statements } = await measure(query, variables, (d) => Object.keys(d).length);
    expect(statements).toBe(2); // the entities, then their evidence
  });

  it('costs one statement for stats and none for limits', async () => {
    expect((await measure('{ stats { entities } }', {}, () => 1)).statements).toBe(1);
    expect((await measure('{ limits { searchFirst } }', {}, () => 1)).statements).toBe(0);
  });
});
