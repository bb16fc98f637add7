// The bounds of the walks (issue 12), on a small synthetic graph built to reach each of them: a product hub
// feeding 30 products, each feeding a chain of two more; 40 enterprises making the hub, the first ten of
// which all supply one another; a region with ten policies. Each walk visits every entity once, stops as
// soon as its answer is known, and an answer cut by a limit says which limit and why. Checked through
// GraphQL over HTTP, and through the data-access functions for the visit limit (20,000 in the API; a
// handful here). What is measured is what the answer holds, never a time.
/* eslint-disable @typescript-eslint/no-explicit-any -- answers are checked by shape with expect() */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueQuotes } from '../../bench/generate.ts';
import { LIMITS } from '../../src/api/graphql/limits.ts';
import { PROJECT_ROOT } from '../../src/infra/config.ts';
import type { Database } from '../../src/infra/database.ts';
import { runNamedQuery } from '../../src/cli/analyses.ts';
import { readChainGaps } from '../../src/read/chainGaps.ts';
import { readNeighborhood } from '../../src/read/neighborhood.ts';
import { readPaths } from '../../src/read/paths.ts';
import { readPolicyReach } from '../../src/read/policyReach.ts';
import { readSupplyChain } from '../../src/read/supplyChain.ts';
import { loadGraph } from '../../src/write/load.ts';
import { connectTestDatabase } from '../support/neo4j.ts';
import { ensurePlanLoaded } from '../support/plan.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let db: Database;
let server: TestServer;
let dir: string;

const pad = (i: number) => String(i).padStart(2, '0');
const A = Array.from({ length: 30 }, (_, i) => `product:a${pad(i)}`);
const B = A.map((_, i) => `product:b${pad(i)}`);
const C = A.map((_, i) => `product:c${pad(i)}`);
const MAKERS = Array.from({ length: 40 }, (_, i) => `enterprise:m${pad(i)}`);
const POLICIES = Array.from({ length: 10 }, (_, i) => `policy:p${pad(i)}`);

/** The fixture in the streamed form (src/write/stream.ts), every fact citing one sentence of the plan. */
function writeFixture(into: string): void {
  const [quote] = uniqueQuotes();
  const lines: unknown[] = [{ document: 'fujian-plan-2011' }];
  const entity = (id: string, type: string, extra: Record<string, unknown> = {}) =>
    lines.push({ entity: { id, type, name: id, nameEn: id, quotes: [quote], ...extra } });
  const relation = (type: string, from: string, to: string) =>
    lines.push({ relation: { type, from, to, status: 'existing', quotes: [quote] } });
  entity('product:hub', 'Product');
  for (const id of [...A, ...B, ...C]) entity(id, 'Product');
  for (const id of MAKERS) entity(id, 'Enterprise', { origin: 'mainland' });
  entity('region:r0', 'Region', { level: 'county' });
  entity('project:j0', 'Project');
  for (const id of POLICIES) entity(id, 'Policy');
  A.forEach((a, i) => {
    relation('INPUT_TO', 'product:hub', a);
    relation('INPUT_TO', a, B[i] as string);
    relation('INPUT_TO', B[i] as string, C[i] as string);
  });
  for (const m of MAKERS) {
    relation('PRODUCES', m, 'product:hub');
    relation('LOCATED_IN', m, 'region:r0');
  }
  for (const m of MAKERS.slice(0, 10))
    for (const n of MAKERS.slice(0, 10)) if (m !== n) relation('SUPPORTS', m, n);
  relation('OWNS', 'enterprise:m00', 'project:j0');
  relation('PRODUCES', 'project:j0', 'product:a00');
  for (const p of POLICIES) relation('APPLIES_TO', p, 'region:r0');
  mkdirSync(path.join(into, 'graph'), { recursive: true });
  cpSync(path.join(PROJECT_ROOT, 'data', 'sources'), path.join(into, 'sources'), { recursive: true });
  writeFileSync(
    path.join(into, 'graph', 'bounds.ndjson'),
    lines.map((l) => JSON.stringify(l)).join('\n') + '\n',
  );
}

beforeAll(async () => {
  db = connectTestDatabase();
  dir = mkdtempSync(path.join(os.tmpdir(), 'cskg-bounds-'));
  writeFixture(dir);
  await loadGraph(db, { dataDir: dir, force: true, mode: 'transactional' });
  server = await startTestServer(db);
}, 120_000);

afterAll(async () => {
  await server?.close();
  await ensurePlanLoaded(db);
  await db?.close();
  rmSync(dir, { recursive: true, force: true });
}, 120_000);

async function gql(query: string, variables?: Record<string, unknown>): Promise<any> {
  const { status, body } = await server.graphql(query, variables);
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  expect(status).toBe(200);
  return body.data;
}

const ids = (list: { id: string }[]) => list.map((x) => x.id);
const SUBGRAPH = /* GraphQL */ `truncated truncation { reason limit message } nodes { id } edges { id source target }`;

describe('neighborhood', () => {
  const NEIGHBORHOOD = /* GraphQL */ `
    query ($ids: [ID!]!, $depth: Int, $limit: Int, $types: [RelationType!]) {
      neighborhood(ids: $ids, depth: $depth, limit: $limit, relationTypes: $types) { ${SUBGRAPH} }
    }`;

  it('keeps the closest entities by distance, then id, and says the node limit cut the answer', async () => {
    const hub = { ids: ['product:hub'], limit: 10, types: ['INPUT_TO'] };
    const { neighborhood } = await gql(NEIGHBORHOOD, { ...hub, depth: 1 });
    expect(ids(neighborhood.nodes)).toEqual(['product:hub', ...A.slice(0, 9)]);
    expect(neighborhood.edges).toHaveLength(9);
    expect(neighborhood.truncated).toBe(true);
    expect(neighborhood.truncation).toEqual([
      { reason: 'NODE_LIMIT', limit: 10, message: expect.stringContaining('the 10 closest are shown') },
    ]);
    // Deeper asks for nothing closer: the walk stops once the 10 closest are known.
    const deeper = (await gql(NEIGHBORHOOD, { ...hub, depth: 3 })).neighborhood;
    expect(ids(deeper.nodes)).toEqual(ids(neighborhood.nodes));
  });

  it('is whole, and says so, when every entity within the depth fits', async () => {
    const { neighborhood } = await gql(NEIGHBORHOOD, { ids: ['product:c05'], depth: 3 });
    expect(ids(neighborhood.nodes)).toEqual(['product:c05', 'product:b05', 'product:a05', 'product:hub']);
    expect(neighborhood).toMatchObject({ truncated: false, truncation: [] });
  });

  it('says when more facts join the entities kept than the edge limit allows', async () => {
    // m00 and the nine makers closest by id supply one another: 90 facts among 10 entities, 40 allowed.
    const { neighborhood } = await gql(NEIGHBORHOOD, { ids: ['enterprise:m00'], depth: 1, limit: 10 });
    expect(ids(neighborhood.nodes)).toEqual(MAKERS.slice(0, 10));
    expect(neighborhood.edges).toHaveLength(40);
    expect(neighborhood.truncation.map((t: any) => [t.reason, t.limit])).toEqual([
      ['NODE_LIMIT', 10],
      ['EDGE_LIMIT', 40],
    ]);
  });

  it('stops a walk after visiting its most entities at one level, and says so', async () => {
    const rows = await readNeighborhood(db, {
      ids: ['product:hub'],
      depth: 2,
      relationTypes: null,
      statuses: null,
      limit: 100,
      edgeLimit: 400,
      visits: 5,
    });
    expect(rows.nodes.length).toBeLessThanOrEqual(6);
    expect(rows.truncation.map((t) => t.reason)).toEqual(['VISIT_LIMIT']);
    expect(rows.truncation[0]?.message.en).toContain('after visiting 5 entities');
  });
});

describe('supplyChain', () => {
  const CHAIN = /* GraphQL */ `
    query ($product: ID!, $direction: ChainDirection, $depth: Int, $limit: Int) {
      supplyChain(product: $product, direction: $direction, depth: $depth, limit: $limit) { ${SUBGRAPH} }
    }`;

  it('says when the chain goes on beyond the depth', async () => {
    const { supplyChain } = await gql(CHAIN, { product: 'product:hub', direction: 'DOWNSTREAM', depth: 1 });
    // the products, then who makes them: the 40 makers of the hub, the project making a00
    expect(ids(supplyChain.nodes)).toEqual(['product:hub', ...A, ...MAKERS, 'project:j0']);
    expect(supplyChain.truncation.map((t: any) => [t.reason, t.limit])).toEqual([['DEPTH', 1]]);
  });

  it('keeps the products first, the closest first, then who makes them, up to its limit', async () => {
    const cut = (await gql(CHAIN, { product: 'product:hub', direction: 'DOWNSTREAM', depth: 3, limit: 20 }))
      .supplyChain;
    expect(ids(cut.nodes)).toEqual(['product:hub', ...A.slice(0, 19)]);
    expect(cut.truncation.map((t: any) => t.reason)).toEqual(['NODE_LIMIT']);

    const up = (await gql(CHAIN, { product: 'product:c05', direction: 'UPSTREAM' })).supplyChain;
    expect(ids(up.nodes).slice(0, 4)).toEqual(['product:c05', 'product:b05', 'product:a05', 'product:hub']);
    expect(ids(up.nodes).slice(4).sort()).toEqual([...MAKERS].sort());
    expect(up).toMatchObject({ truncated: false, truncation: [] });

    const small = (await gql(CHAIN, { product: 'product:c05', direction: 'UPSTREAM', limit: 10 }))
      .supplyChain;
    expect(ids(small.nodes)).toEqual(ids(up.nodes).slice(0, 10));
    for (const edge of small.edges) {
      expect(ids(small.nodes)).toEqual(expect.arrayContaining([edge.source, edge.target]));
    }
    expect(small.truncation.map((t: any) => t.reason)).toEqual(['NODE_LIMIT']);
  });

  it('stops a walk after visiting its most products at one level, and says so', async () => {
    const result = await readSupplyChain(db, {
      product: 'product:hub',
      direction: 'DOWNSTREAM',
      depth: 3,
      statuses: null,
      limit: 500,
      visits: 5,
    });
    expect(result.products.length).toBeLessThanOrEqual(6);
    expect(result.truncation.map((t) => t.reason)).toEqual(['VISIT_LIMIT']);
  });

  it('refuses a limit above its maximum, naming it', async () => {
    const { body } = await server.graphql(
      /* GraphQL */ `
        query ($l: Int) {
          supplyChain(product: "product:hub", limit: $l) {
            truncated
          }
        }
      `,
      { l: LIMITS.supplyChainLimit + 1 },
    );
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message).toContain(`maximum of ${LIMITS.supplyChainLimit}`);
  });
});

describe('what the loader derives: chains and the facts of a passage', () => {
  it('lists the gaps of a chain in order, a page at a time, with its lists cut at first and counted', async () => {
    // Only the hub (40 makers) and a00 (a project) are made: the other 89 products are uncovered gaps, listed
    // upstream first (the hub, then a00…a29, b00…b29, c00…c29: Kahn's order, the smallest id first).
    const GAPS = /* GraphQL */ `
      query ($first: Int!, $product: ID) {
        chainGaps(first: $first, product: $product) {
          chain {
            id
            productCount
            products(first: 2) {
              id
            }
          }
          link {
            id
          }
          kinds
          upstream(first: 1) {
            id
          }
          upstreamCount
          downstreamCount
          coverage {
            entity {
              id
            }
          }
          coverageCount
        }
      }
    `;
    const { chainGaps } = await gql(GAPS, { first: 3 });
    expect(chainGaps.map((g: any) => g.link.id)).toEqual(['product:a01', 'product:a02', 'product:a03']);
    expect(chainGaps[0]).toMatchObject({
      chain: {
        id: 'product:a00',
        productCount: 91,
        products: [{ id: 'product:hub' }, { id: 'product:a00' }],
      },
      kinds: ['UNCOVERED'],
      upstream: [{ id: 'product:hub' }],
      upstreamCount: 1,
      downstreamCount: 1,
      coverage: [],
      coverageCount: 0,
    });
    const all = (await gql(GAPS, { first: 500, product: 'product:c05' })).chainGaps;
    expect(all).toHaveLength(89);
    expect(all.at(-1).link.id).toBe('product:c29');
  });

  it('as of a day computes the same gaps live, and says when its budget of links ran out first', async () => {
    const GAPS = /* GraphQL */ `
      query ($first: Int!, $asOf: Date) {
        chainGaps(first: $first, asOf: $asOf) {
          chain {
            id
          }
          link {
            id
          }
          kinds
          upstreamCount
          downstreamCount
          coverageCount
          explanation
        }
      }
    `;
    const stored = (await gql(GAPS, { first: 500 })).chainGaps;
    const live = await server.graphql<any>(GAPS, { first: 500, asOf: '2030-01-01' });
    expect(live.body.data.chainGaps).toEqual(stored);
    expect(live.body.extensions?.truncation).toBeUndefined();
    // before the plan was published no INPUT_TO link was known: no chain, no gap
    expect((await gql(GAPS, { first: 500, asOf: '2011-01-01' })).chainGaps).toEqual([]);

    // The walk looks at the links in order (the hub, a00, a01 …): with a budget of 5 it sees three gaps.
    const request = { sector: null, product: null, asOf: '2030-01-01', visits: 5 };
    const cut = await readChainGaps(db, { ...request, first: 10 });
    expect(cut.gaps.map((g) => g.link.id)).toEqual(['product:a01', 'product:a02', 'product:a03']);
    expect(cut.truncation).toMatchObject({ reason: 'VISIT_LIMIT', limit: 5 });
    expect(cut.truncation?.message.en).toContain('5 chain links');
    // asking for no more gaps than it found within the budget, the answer is whole
    expect((await readChainGaps(db, { ...request, first: 3 })).truncation).toBeNull();
  });

  it('gives the facts of a passage a page at a time, by id, with how many there are', async () => {
    const [quote] = uniqueQuotes();
    const { passages } = await gql(
      /* GraphQL */ `
        query ($q: String!) {
          passages(query: $q, first: 1) {
            passage {
              text
            }
            entities(first: 3) {
              id
            }
            entityCount
            edges(first: 5) {
              id
            }
            edgeCount
          }
        }
      `,
      { q: quote },
    );
    const [hit] = passages;
    expect(hit.passage.text).toContain(quote);
    // every entity and every fact of the fixture cites this one sentence
    expect(hit.entityCount).toBe(1 + 90 + 40 + 1 + 1 + 10);
    expect(hit.edgeCount).toBe(90 + 80 + 90 + 2 + 10);
    expect(hit.entities).toHaveLength(3);
    // the search reads as many entities as the request lists: the first 3 of a longer list, by id
    const longer = await gql(
      /* GraphQL */ `
        query ($q: String!) {
          passages(query: $q, first: 1) {
            entities(first: 100) {
              id
            }
          }
        }
      `,
      { q: quote },
    );
    const listed = longer.passages[0].entities.map((e: any) => e.id);
    expect(listed).toHaveLength(100);
    expect(listed).toEqual([...listed].sort());
    expect(hit.entities.map((e: any) => e.id)).toEqual(listed.slice(0, 3));
    const ids = hit.edges.map((e: any) => e.id);
    expect(ids).toHaveLength(5);
    expect(ids).toEqual([...ids].sort());
  });
});

describe('policyReach and paths', () => {
  it('reach the policies of what an entity belongs to, within the walk’s visits', async () => {
    const { policyReach } = await gql(/* GraphQL */ `
      {
        policyReach(entity: "enterprise:m03") {
          policy {
            id
          }
          via
          path {
            length
          }
        }
      }
    `);
    expect(ids(policyReach.map((r: any) => r.policy))).toEqual(POLICIES);
    expect(new Set(policyReach.map((r: any) => r.via))).toEqual(new Set(['REGION']));
    // A walk allowed to visit only the entity itself reaches no further.
    const none = await readPolicyReach(db, { entity: 'enterprise:m03', first: 200, visits: 1 });
    expect(none.reaches).toEqual([]);
    // A walk stops once it has `first` policies; what it answers is the start of the longer answer.
    const all = await readPolicyReach(db, { entity: 'enterprise:m03', first: 200 });
    const three = await readPolicyReach(db, { entity: 'enterprise:m03', first: 3 });
    expect(three.reaches).toEqual(all.reaches.slice(0, 3));
  });

  it('find the shortest paths within maxHops, and none beyond', async () => {
    const PATHS = /* GraphQL */ `
      query ($maxHops: Int) {
        paths(from: "product:c05", to: "product:c06", maxHops: $maxHops, first: 10) {
          length
        }
      }
    `;
    expect((await gql(PATHS, { maxHops: 6 })).paths.map((p: any) => p.length)).toEqual([6]);
    expect((await gql(PATHS, { maxHops: 5 })).paths).toEqual([]);
  });

  it('list paths by length, then by their entities and facts, never through an entity twice', async () => {
    // m00 and m01 support each other (two facts: two paths of one step); at two steps they meet through
    // each other maker of the ten (two facts each way: four paths each), the hub product and the region.
    const { paths } = await gql(/* GraphQL */ `
      {
        paths(from: "enterprise:m00", to: "enterprise:m01", first: 10) {
          length
          nodes {
            id
          }
          edges {
            id
          }
        }
      }
    `);
    expect(paths.map((p: any) => p.length)).toEqual([1, 1, 2, 2, 2, 2, 2, 2, 2, 2]);
    expect(paths.slice(0, 2).map((p: any) => p.edges[0].id)).toEqual([
      'enterprise:m00|SUPPORTS|enterprise:m01',
      'enterprise:m01|SUPPORTS|enterprise:m00',
    ]);
    expect(paths.slice(2).map((p: any) => p.nodes[1].id)).toEqual([
      ...Array(4).fill('enterprise:m02'),
      ...Array(4).fill('enterprise:m03'),
    ]);
    expect(paths.slice(2, 6).map((p: any) => p.edges.map((e: any) => e.id).join(' '))).toEqual([
      'enterprise:m00|SUPPORTS|enterprise:m02 enterprise:m01|SUPPORTS|enterprise:m02',
      'enterprise:m00|SUPPORTS|enterprise:m02 enterprise:m02|SUPPORTS|enterprise:m01',
      'enterprise:m02|SUPPORTS|enterprise:m00 enterprise:m01|SUPPORTS|enterprise:m02',
      'enterprise:m02|SUPPORTS|enterprise:m00 enterprise:m02|SUPPORTS|enterprise:m01',
    ]);
    for (const path of paths) expect(new Set(path.nodes.map((n: any) => n.id)).size).toBe(path.nodes.length);
  });

  it('stop the search for paths at its visits, with the paths of the lengths it finished', async () => {
    // m10 and m11 meet through the hub product and the region in two steps; any longer path needs the
    // facts of the hub (70) or the region (40), more than a search allowed 10 reads.
    const request = { from: 'enterprise:m10', to: 'enterprise:m11', maxHops: 4, first: 10 };
    const cut = await readPaths(db, { ...request, relationTypes: null, statuses: null, visits: 10 });
    expect(cut.paths.map((p) => p.nodes.map((n) => n.id))).toEqual([
      ['enterprise:m10', 'product:hub', 'enterprise:m11'],
      ['enterprise:m10', 'region:r0', 'enterprise:m11'],
    ]);
    expect(cut.truncation).toMatchObject({ reason: 'VISIT_LIMIT', limit: 10 });
    expect(cut.truncation?.message.en).toContain('the shortest of up to 2 facts');
    // The command line says so beside its rows.
    const cli = await runNamedQuery(db, 'shortest-paths', { ...request, visits: '10' });
    expect(cli.rows.map((r) => r.hops)).toEqual([2, 2]);
    expect(cli.notes).toEqual([cut.truncation?.message.en]);
    const whole = await readPaths(db, { ...request, relationTypes: null, statuses: null });
    expect(whole.truncation).toBeNull();
    expect(whole.paths.map((p) => p.length)).toEqual([2, 2, 4, 4, 4, 4, 4, 4, 4, 4]);
  });

  it('report the walk bounds in limits, and counts from the counts store in stats', async () => {
    const { limits, stats } = await gql(/* GraphQL */ `
      {
        limits {
          walkVisits
          pathFacts
          chainAsOfVisits
          impactVisits
          supplyChainLimit
        }
        stats {
          entities
          relations
          byType {
            type
            count
          }
        }
      }
    `);
    expect(limits).toEqual({
      walkVisits: LIMITS.walkVisits,
      pathFacts: 100_000,
      chainAsOfVisits: LIMITS.chainAsOfVisits,
      impactVisits: 1000,
      supplyChainLimit: LIMITS.supplyChainLimit,
    });
    expect(stats.entities).toBe(1 + 90 + 40 + 1 + 1 + 10);
    expect(stats.relations).toBe(90 + 80 + 90 + 2 + 10);
    expect(stats.byType).toEqual([
      { type: 'Enterprise', count: 40 },
      { type: 'Policy', count: 10 },
      { type: 'Product', count: 91 },
      { type: 'Project', count: 1 },
      { type: 'Region', count: 1 },
    ]);
  });
});
