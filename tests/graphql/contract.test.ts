// The GraphQL contract (schema.graphql; docs/design.md, "The GraphQL contract") over real HTTP, against the plan graph: every field of Query and of
// the types it returns, with answers taken from the plan (ids from data/graph/*.yaml).
/* eslint-disable @typescript-eslint/no-explicit-any -- answers are checked by shape with expect(); typing every selection would repeat the schema */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DATA_DIR, readGraphFiles } from '../../src/data/read.ts';
import type { Database } from '../../src/infra/database.ts';
import { LIMITS } from '../../src/api/graphql/limits.ts';
import { connectTestDatabase } from '../support/neo4j.ts';
import { ensurePlanLoaded } from '../support/plan.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let db: Database;
let server: TestServer;
/** The entities as data/graph writes them: expected values that follow the curators' edits. */
const planEntities = new Map<string, Record<string, unknown>>();

beforeAll(async () => {
  for await (const file of readGraphFiles(path.join(DEFAULT_DATA_DIR, 'graph'))) {
    for (const entry of file.entities) {
      const value = entry.value as Record<string, unknown>;
      planEntities.set(String(value.id), value);
    }
  }
  db = connectTestDatabase();
  await ensurePlanLoaded(db);
  server = await startTestServer(db);
});

afterAll(async () => {
  await server?.close();
  await db?.close();
});

/** Runs a query that must succeed and returns its data. */
async function gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const { status, body } = await server.graphql<T>(query, variables);
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  expect(status).toBe(200);
  return body.data as T;
}

/** Runs a query that must fail and returns its first error. */
async function gqlError(query: string, variables?: Record<string, unknown>) {
  const { body } = await server.graphql(query, variables);
  expect(body.errors?.length, JSON.stringify(body)).toBeGreaterThan(0);
  return body.errors![0]!;
}

const ids = (list: { id: string }[]) => list.map((x) => x.id);

const XIAMEN_SUB_AREAS = [
  'park:xiamen-haicang-cluster',
  'park:xiamen-island-area',
  'park:xiamen-jimei-cluster',
  'park:xiamen-tongan-cluster',
  'park:xiamen-xiangan-cluster',
];
const QINGKOU_ASSOCIATIONS = [
  'association:automotive-electronics-alliance', // 汽车电子产业联盟
  'association:teema', // 台湾电子公会 (台湾电电公会)
  'association:ttvma', // 台湾车辆同业公会
];

describe('search', () => {
  const SEARCH = /* GraphQL */ `
    query ($q: String!, $types: [EntityType!], $first: Int) {
      search(query: $q, types: $types, first: $first) {
        score
        matched
        entity {
          id
          type
          name
        }
      }
    }
  `;

  it.each([
    ['古雷', 'park:gulei-taiwan-petrochemical-park'],
    ['友达', 'enterprise:auo'],
    ['青口', 'park:fuzhou-qingkou-auto-park'],
    ['Gulei', 'park:gulei-taiwan-petrochemical-park'],
    ['AUO', 'enterprise:auo'],
    ['gul', 'park:gulei-taiwan-petrochemical-park'],
    ['友达光电', 'enterprise:auo'],
    ['青口汽车城', 'park:fuzhou-qingkou-auto-park'],
  ])('finds %s (Chinese, English, aliases, partial words)', async (q, expected) => {
    const { search } = await gql(SEARCH, { q, first: 10 });
    expect(ids(search.map((hit: any) => hit.entity))).toContain(expected);
  });

  it('ranks an exact name or alias first, scores descending, and says what matched', async () => {
    const { search } = await gql(SEARCH, { q: '友达' });
    expect(search[0].entity.id).toBe('enterprise:auo');
    expect(search[0].matched).toBe('友达');
    const scores = search.map((hit: any) => hit.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const { search: english } = await gql(SEARCH, { q: 'AUO' });
    expect(english[0].entity).toMatchObject({ id: 'enterprise:auo', name: '友达光电' });
  });

  it('filters by type and honours first', async () => {
    const { search } = await gql(SEARCH, { q: '古雷', types: ['Project'], first: 2 });
    expect(search).toHaveLength(2);
    for (const hit of search) expect(hit.entity.type).toBe('Project');
    const { search: all } = await gql(SEARCH, { q: '古雷', types: ['Park', 'Region'] });
    expect(new Set(all.map((hit: any) => hit.entity.type))).toEqual(new Set(['Park', 'Region']));
  });

  it('finds names by a single character too', async () => {
    const { search } = await gql(SEARCH, { q: '雷', first: 20 });
    expect(ids(search.map((hit: any) => hit.entity))).toContain('region:gulei');
  });

  it('answers nothing, not an error, when nothing matches', async () => {
    const { search } = await gql(SEARCH, { q: 'zzzzqqqq' });
    expect(search).toEqual([]);
  });
});

describe('entity and its typed fields', () => {
  it('returns a park with its kind, area, attributes, caveats and evidence', async () => {
    const [id, park] = [...planEntities].find(
      ([, e]) => e.type === 'Park' && typeof e.areaKm2 === 'number' && e.kind,
    )!;
    const { entity } = await gql(
      /* GraphQL */ `
        query ($id: ID!) {
          entity(id: $id) {
            __typename
            id
            type
            name
            nameEn
            aliases
            caveats
            degree
            attributes {
              key
              value
            }
            evidence {
              id
              documentId
              section
              sectionPath
              ordinal
              text
              quote
            }
            ... on Park {
              kind
              areaKm2
            }
          }
        }
      `,
      { id },
    );
    expect(entity).toMatchObject({
      __typename: 'Park',
      type: 'Park',
      id,
      name: park.name,
      nameEn: park.nameEn,
      kind: park.kind,
      areaKm2: park.areaKm2,
    });
    expect(entity.attributes).toContainEqual({ key: 'areaKm2', value: String(park.areaKm2) });
    expect(entity.attributes).toContainEqual({ key: 'kind', value: park.kind });
    expect(entity.caveats).toEqual(park.caveats ?? []);
    expect(entity.degree).toBeGreaterThan(0);
    expect(entity.evidence.length).toBeGreaterThan(0);
    const first = entity.evidence[0];
    expect(first.documentId).toBe('fujian-plan-2011');
    expect(first.text.replace(/\s/g, '')).toContain(first.quote.replace(/\s/g, ''));
    expect(first.section).toBe(first.sectionPath.join(' › '));
    const ordinals = entity.evidence.map((p: any) => p.ordinal);
    expect(ordinals).toEqual([...ordinals].sort((a, b) => a - b));
  });

  it('types every label: Project capacity, Enterprise origin, Indicator value, unit and year', async () => {
    const data = await gql(/* GraphQL */ `
      {
        project: entity(id: "project:gulei-refinery") {
          ... on Project {
            capacity
            unit
            projectStatus
          }
        }
        auo: entity(id: "enterprise:auo") {
          aliases
          ... on Enterprise {
            origin
          }
        }
        indicator: entity(id: "indicator:taiwan-capital-utilised-2010") {
          ... on Indicator {
            value
            unit
            year
            kind
          }
        }
        missing: entity(id: "park:does-not-exist") {
          id
        }
      }
    `);
    const project = planEntities.get('project:gulei-refinery')!;
    expect(data.project).toEqual({
      capacity: project.capacity,
      unit: project.unit,
      projectStatus: project.projectStatus,
    });
    expect(data.project.capacity).toBe(1600);
    expect(data.auo.origin).toBe('taiwan');
    expect(data.auo.aliases).toContain('友达');
    const indicator = planEntities.get('indicator:taiwan-capital-utilised-2010')!;
    expect(data.indicator).toEqual({
      value: indicator.value,
      unit: indicator.unit,
      year: indicator.year,
      kind: indicator.kind,
    });
    expect(data.indicator.value).toBe(26.68);
    expect(data.missing).toBeNull();
  });
});

describe('entities', () => {
  it('pages through every entity of some types with stable cursors and a total', async () => {
    const PAGE = /* GraphQL */ `
      query ($after: String) {
        entities(types: [Park], first: 40, after: $after) {
          totalCount
          pageInfo {
            hasNextPage
            hasPreviousPage
            startCursor
            endCursor
          }
          edges {
            cursor
            node {
              id
              type
            }
          }
        }
      }
    `;
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let page = 0; page < 20; page++) {
      const { entities }: { entities: any } = await gql(PAGE, { after });
      total = entities.totalCount;
      expect(entities.pageInfo.hasPreviousPage).toBe(after !== null);
      for (const edge of entities.edges) {
        expect(edge.node.type).toBe('Park');
        seen.push(edge.node.id);
      }
      if (entities.edges.length > 0) expect(entities.pageInfo.endCursor).toBe(entities.edges.at(-1).cursor);
      if (!entities.pageInfo.hasNextPage) break;
      after = entities.pageInfo.endCursor;
    }
    expect(seen.length).toBe(total);
    expect(new Set(seen).size).toBe(total);
    expect(seen).toEqual([...seen].sort());
    expect(seen).toEqual(expect.arrayContaining(['park:xiamen-tiz', ...XIAMEN_SUB_AREAS]));
  });

  it('counts all entities without a filter', async () => {
    const { entities, stats } = await gql(/* GraphQL */ `
      {
        entities(first: 1) {
          totalCount
          edges {
            node {
              id
            }
          }
        }
        stats {
          entities
        }
      }
    `);
    expect(entities.totalCount).toBe(stats.entities);
    expect(entities.edges).toHaveLength(1);
  });
});

describe('relations of an entity', () => {
  const RELATIONS = /* GraphQL */ `
    query (
      $id: ID!
      $direction: Direction
      $types: [RelationType!]
      $statuses: [RelationStatus!]
      $first: Int
      $after: String
    ) {
      entity(id: $id) {
        relations(direction: $direction, types: $types, statuses: $statuses, first: $first, after: $after) {
          totalCount
          pageInfo {
            hasNextPage
            endCursor
          }
          edges {
            cursor
            direction
            neighbor {
              id
              name
            }
            node {
              id
              type
              source
              target
              status
              attributes {
                key
                value
              }
              evidence {
                id
                quote
              }
              sourceEntity {
                id
              }
              targetEntity {
                id
              }
            }
          }
        }
      }
    }
  `;

  it('lists the sub-areas of 厦门台商投资区 (厦门本岛, 集美, 海沧, 同安, 翔安 组团) as planned PART_OF', async () => {
    const { entity } = await gql(RELATIONS, {
      id: 'park:xiamen-tiz',
      direction: 'IN',
      types: ['PART_OF'],
      statuses: ['planned'],
    });
    const { edges } = entity.relations;
    expect(edges.map((e: any) => e.neighbor.id).sort()).toEqual(XIAMEN_SUB_AREAS);
    expect(edges.map((e: any) => e.neighbor.name).sort()).toEqual(
      ['厦门本岛', '集美组团', '海沧组团', '同安组团', '翔安组团'].sort(),
    );
    for (const edge of edges) {
      expect(edge.direction).toBe('IN');
      expect(edge.node).toMatchObject({ type: 'PART_OF', target: 'park:xiamen-tiz', status: 'planned' });
      expect(edge.node.attributes).toContainEqual({ key: 'status', value: 'planned' });
      expect(edge.node.sourceEntity.id).toBe(edge.node.source);
      expect(edge.node.targetEntity.id).toBe('park:xiamen-tiz');
      expect(edge.node.evidence[0].quote).toContain('四个组团');
    }
  });

  it('pages with cursors and counts over all pages', async () => {
    const all = (await gql(RELATIONS, { id: 'park:xiamen-tiz', first: 500 })).entity.relations;
    expect(all.pageInfo.hasNextPage).toBe(false);
    const first = (await gql(RELATIONS, { id: 'park:xiamen-tiz', first: 3 })).entity.relations;
    expect(first.totalCount).toBe(all.totalCount);
    expect(first.edges).toHaveLength(3);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (
      await gql(RELATIONS, { id: 'park:xiamen-tiz', first: 3, after: first.pageInfo.endCursor })
    ).entity.relations;
    expect([...first.edges, ...second.edges].map((e: any) => e.node.id)).toEqual(
      all.edges.slice(0, 6).map((e: any) => e.node.id),
    );
  });

  it('shows the associations that cooperate with 福州青口汽车工业园', async () => {
    const { entity } = await gql(RELATIONS, {
      id: 'park:fuzhou-qingkou-auto-park',
      types: ['COOPERATES_WITH', 'PARTNERS_WITH'],
    });
    const partners = entity.relations.edges.map((e: any) => e.neighbor.id);
    expect(partners.sort()).toEqual(QINGKOU_ASSOCIATIONS);
  });
});

describe('neighborhood', () => {
  const NEIGHBORHOOD = /* GraphQL */ `
    query ($ids: [ID!]!, $depth: Int, $types: [RelationType!], $statuses: [RelationStatus!], $limit: Int) {
      neighborhood(ids: $ids, depth: $depth, relationTypes: $types, statuses: $statuses, limit: $limit) {
        truncated
        nodes {
          id
          type
          name
          degree
        }
        edges {
          id
          type
          source
          target
          status
        }
      }
    }
  `;

  it('gives a cytoscape-ready subgraph: the zone, its parts, and the edges among them', async () => {
    const { neighborhood } = await gql(NEIGHBORHOOD, { ids: ['park:xiamen-tiz'], types: ['PART_OF'] });
    expect(neighborhood.truncated).toBe(false);
    expect(neighborhood.nodes[0].id).toBe('park:xiamen-tiz');
    expect(ids(neighborhood.nodes)).toEqual(expect.arrayContaining(XIAMEN_SUB_AREAS));
    const nodeIds = new Set(ids(neighborhood.nodes));
    for (const edge of neighborhood.edges) {
      expect(nodeIds.has(edge.source) && nodeIds.has(edge.target)).toBe(true);
      expect(edge.type).toBe('PART_OF');
    }
  });

  it('filters by status, walks deeper with depth, and keeps only the seeds at depth 0', async () => {
    const planned = (
      await gql(NEIGHBORHOOD, { ids: ['park:xiamen-tiz'], types: ['PART_OF'], statuses: ['planned'] })
    ).neighborhood;
    expect(ids(planned.nodes).sort()).toEqual(['park:xiamen-tiz', ...XIAMEN_SUB_AREAS].sort());
    for (const edge of planned.edges) expect(edge.status).toBe('planned');
    const one = (await gql(NEIGHBORHOOD, { ids: ['park:xiamen-tiz'], depth: 1, limit: 5000 })).neighborhood;
    const two = (await gql(NEIGHBORHOOD, { ids: ['park:xiamen-tiz'], depth: 2, limit: 5000 })).neighborhood;
    expect(two.nodes.length).toBeGreaterThan(one.nodes.length);
    const zero = (await gql(NEIGHBORHOOD, { ids: ['park:xiamen-tiz', 'park:xiamen-island-area'], depth: 0 }))
      .neighborhood;
    expect(ids(zero.nodes).sort()).toEqual(['park:xiamen-island-area', 'park:xiamen-tiz']);
    expect(ids(zero.edges)).toEqual(['park:xiamen-island-area|PART_OF|park:xiamen-tiz']);
  });

  it('says when the limit left nodes out, keeping the closest', async () => {
    const { neighborhood } = await gql(NEIGHBORHOOD, { ids: ['region:fujian'], depth: 2, limit: 10 });
    expect(neighborhood.truncated).toBe(true);
    expect(neighborhood.nodes).toHaveLength(10);
    expect(neighborhood.nodes[0].id).toBe('region:fujian');
    expect(neighborhood.edges.length).toBeLessThanOrEqual(10 * LIMITS.neighborhoodEdgesPerNode);
  });

  it('names unknown ids', async () => {
    const error = await gqlError(NEIGHBORHOOD, { ids: ['park:xiamen-tiz', 'park:nowhere'] });
    expect(error.extensions?.code).toBe('NOT_FOUND');
    expect(error.message).toContain('park:nowhere');
  });
});

describe('paths', () => {
  const PATHS = /* GraphQL */ `
    query (
      $from: ID!
      $to: ID!
      $maxHops: Int
      $first: Int
      $types: [RelationType!]
      $statuses: [RelationStatus!]
    ) {
      paths(
        from: $from
        to: $to
        maxHops: $maxHops
        first: $first
        relationTypes: $types
        statuses: $statuses
      ) {
        length
        nodes {
          id
        }
        edges {
          id
          type
          source
          target
          status
          evidence {
            id
          }
        }
      }
    }
  `;

  it('finds the shortest paths first, each a chain of nodes and edges', async () => {
    const { paths } = await gql(PATHS, { from: 'association:ttvma', to: 'enterprise:auo', first: 5 });
    expect(paths.length).toBeGreaterThan(0);
    const lengths = paths.map((p: any) => p.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
    for (const path of paths) {
      expect(path.nodes[0].id).toBe('association:ttvma');
      expect(path.nodes.at(-1).id).toBe('enterprise:auo');
      expect(path.edges).toHaveLength(path.length);
      path.edges.forEach((edge: any, i: number) => {
        expect([edge.source, edge.target].sort()).toEqual([path.nodes[i].id, path.nodes[i + 1].id].sort());
        expect(edge.evidence.length).toBeGreaterThan(0);
      });
    }
  });

  it('uses only the relation types and statuses asked for', async () => {
    const { paths } = await gql(PATHS, {
      from: 'park:xiamen-xiangan-cluster',
      to: 'park:xiamen-tiz',
      types: ['PART_OF'],
    });
    expect(paths[0]).toMatchObject({
      length: 1,
      edges: [{ id: 'park:xiamen-xiangan-cluster|PART_OF|park:xiamen-tiz' }],
    });
    const existing = await gql(PATHS, {
      from: 'park:xiamen-xiangan-cluster',
      to: 'park:xiamen-tiz',
      types: ['PART_OF'],
      statuses: ['existing'],
    });
    expect(existing.paths).toEqual([]);
    const { paths: mixed } = await gql(PATHS, {
      from: 'association:ttvma',
      to: 'enterprise:auo',
      statuses: ['existing'],
    });
    for (const path of mixed) for (const edge of path.edges) expect(edge.status).toBe('existing');
  });

  it('refuses unknown ends and the same entity twice', async () => {
    expect((await gqlError(PATHS, { from: 'enterprise:auo', to: 'park:nowhere' })).extensions?.code).toBe(
      'NOT_FOUND',
    );
    expect((await gqlError(PATHS, { from: 'enterprise:auo', to: 'enterprise:auo' })).extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
  });
});

describe('supplyChain', () => {
  const CHAIN = /* GraphQL */ `
    query ($product: ID!, $direction: ChainDirection, $depth: Int, $statuses: [RelationStatus!]) {
      supplyChain(product: $product, direction: $direction, depth: $depth, statuses: $statuses) {
        truncated
        nodes {
          id
          type
          name
        }
        edges {
          id
          type
          source
          target
          status
        }
      }
    }
  `;

  it('traces PTA upstream to 炼油 (炼油 → 芳烃 → PX → PTA) with the parks, firms and projects on each link', async () => {
    const { supplyChain } = await gql(CHAIN, { product: 'product:pta', direction: 'UPSTREAM' });
    const nodeIds = ids(supplyChain.nodes);
    expect(nodeIds).toEqual(
      expect.arrayContaining(['product:pta', 'product:px', 'product:aromatics', 'product:oil-refining']),
    );
    const inputs = supplyChain.edges.filter((e: any) => e.type === 'INPUT_TO').map((e: any) => e.id);
    expect(inputs).toEqual(
      expect.arrayContaining([
        'product:oil-refining|INPUT_TO|product:aromatics',
        'product:aromatics|INPUT_TO|product:px',
        'product:px|INPUT_TO|product:pta',
      ]),
    );
    expect(nodeIds).toEqual(
      expect.arrayContaining([
        'park:gulei-taiwan-petrochemical-park',
        'project:xianglu-pta',
        'enterprise:tenglong-aromatics',
      ]),
    );
    // Nothing downstream of PTA when only upstream is asked for.
    for (const edge of supplyChain.edges.filter((e: any) => e.type === 'INPUT_TO')) {
      expect(edge.source).not.toBe('product:pta');
    }
    const nodes = new Set(nodeIds);
    for (const edge of supplyChain.edges) expect(nodes.has(edge.source) && nodes.has(edge.target)).toBe(true);
  });

  it('goes downstream from 炼油 to PTA, and says when depth cut the chain', async () => {
    const down = (await gql(CHAIN, { product: 'product:oil-refining', direction: 'DOWNSTREAM' })).supplyChain;
    expect(ids(down.nodes)).toContain('product:pta');
    expect(down.truncated).toBe(false);
    const short = (await gql(CHAIN, { product: 'product:oil-refining', direction: 'DOWNSTREAM', depth: 1 }))
      .supplyChain;
    expect(ids(short.nodes)).not.toContain('product:pta');
    expect(short.truncated).toBe(true);
  });

  it('filters the links by status', async () => {
    const { supplyChain } = await gql(CHAIN, { product: 'product:ethylene', statuses: ['sought'] });
    for (const edge of supplyChain.edges) expect(edge.status).toBe('sought');
    expect(ids(supplyChain.nodes)).toEqual(
      expect.arrayContaining(['product:ethylene', 'product:resin', 'product:plastic-products']),
    );
  });

  it('refuses what is not a product, and unknown ids', async () => {
    const notProduct = await gqlError(CHAIN, { product: 'park:xiamen-tiz' });
    expect(notProduct.extensions?.code).toBe('BAD_USER_INPUT');
    expect(notProduct.message).toContain('is a Park, not a Product');
    expect((await gqlError(CHAIN, { product: 'product:nothing' })).extensions?.code).toBe('NOT_FOUND');
  });
});

describe('passages', () => {
  it('searches the plan text and lists the entities and facts each passage states', async () => {
    const { passages } = await gql(/* GraphQL */ `
      {
        passages(query: "青口 台湾车辆同业公会", first: 5) {
          score
          passage {
            id
            text
            section
          }
          entities {
            id
          }
          edges {
            id
            type
          }
        }
      }
    `);
    expect(passages.length).toBeGreaterThan(0);
    const hit = passages.find((h: any) =>
      h.passage.text.includes('加强与台湾车辆同业公会、台湾电子公会、汽车电子产业联盟'),
    );
    expect(hit).toBeDefined();
    expect(ids(hit.edges)).toEqual(
      expect.arrayContaining(
        QINGKOU_ASSOCIATIONS.map((a) => `${a}|COOPERATES_WITH|park:fuzhou-qingkou-auto-park`),
      ),
    );
    expect(ids(hit.entities)).toContain('association:ttvma');
  });

  it('reads a passage in its context', async () => {
    const { passage, passageContext } = await gql(/* GraphQL */ `
      {
        passage(id: "fujian-plan-2011:p0289") {
          id
          ordinal
          text
        }
        passageContext(id: "fujian-plan-2011:p0289", before: 2, after: 1) {
          id
          ordinal
        }
      }
    `);
    expect(passage.text).toContain('四个组团');
    expect(passageContext.map((p: any) => p.ordinal)).toEqual([
      passage.ordinal - 2,
      passage.ordinal - 1,
      passage.ordinal,
      passage.ordinal + 1,
    ]);
  });
});

describe('chainGaps', () => {
  const GAPS = /* GraphQL */ `
    query ($sector: ID, $product: ID) {
      chainGaps(sector: $sector, product: $product) {
        chain {
          id
          name
          nameEn
          products {
            id
          }
        }
        link {
          id
          name
        }
        kinds
        upstream {
          id
        }
        downstream {
          id
        }
        coverage {
          entity {
            id
          }
          relation {
            id
            status
          }
          taiwanInvested
        }
        coverageOutsideFujian {
          entity {
            id
          }
        }
        explanation
        evidence {
          id
          text
        }
      }
    }
  `;

  it('finds the gaps of the petrochemical chain, each with its reasons and passages', async () => {
    const { chainGaps } = await gql(GAPS, { sector: 'sector:petrochemical' });
    const byLink = new Map(chainGaps.map((gap: any) => [gap.link.id, gap]));
    // Taiwan's downstream industries (台北的橡胶、轮胎 ...) are not in Fujian: uncovered links.
    const tyres: any = byLink.get('product:tyres');
    expect(tyres.kinds).toEqual(['UNCOVERED']);
    expect(tyres.coverage).toEqual([]);
    expect(ids(tyres.coverageOutsideFujian.map((c: any) => c.entity))).toContain('region:taipei');
    expect(ids(tyres.upstream)).toContain('product:rubber');
    // PX is made only by Taiwan-invested 腾龙芳烃 (and its project).
    const px: any = byLink.get('product:px');
    expect(px.kinds).toContain('TAIWAN_ONLY');
    expect(px.coverage.filter((c: any) => c.taiwanInvested).map((c: any) => c.entity.id)).toContain(
      'enterprise:tenglong-aromatics',
    );
    // 炼油 is covered, but only by planned projects.
    const refining: any = byLink.get('product:oil-refining');
    expect(refining.kinds).toContain('PLANNED_OR_SOUGHT_ONLY');
    for (const c of refining.coverage) expect(c.relation.status).not.toBe('existing');
    for (const gap of chainGaps) {
      expect(gap.evidence.length, gap.link.id).toBeGreaterThan(0);
      expect(gap.explanation).toContain(gap.link.name);
      expect(ids(gap.chain.products)).toContain(gap.link.id);
    }
    // The chain runs from 炼油 to PTA and on, through the chemical fibres PTA feeds, to new textile fabrics.
    expect(ids(px.chain.products)).toEqual(
      expect.arrayContaining(['product:oil-refining', 'product:pta', 'product:new-textile-fabric']),
    );
    expect(px.chain.name.split(' → ')[0]).toContain('炼油');
  });

  it('keeps the chain of one product, and refuses ids of the wrong type', async () => {
    const { chainGaps } = await gql(GAPS, { product: 'product:pta' });
    expect(new Set(chainGaps.map((gap: any) => gap.chain.id)).size).toBe(1);
    const { chainGaps: all } = await gql(GAPS, {});
    expect(all.length).toBeGreaterThanOrEqual(chainGaps.length);
    expect((await gqlError(GAPS, { sector: 'park:xiamen-tiz' })).extensions?.code).toBe('BAD_USER_INPUT');
    expect((await gqlError(GAPS, { sector: 'sector:nothing' })).extensions?.code).toBe('NOT_FOUND');
  });
});

describe('policyReach', () => {
  const REACH = /* GraphQL */ `
    query ($entity: ID!) {
      policyReach(entity: $entity) {
        policy {
          id
          type
          name
        }
        relation {
          id
          type
        }
        target {
          id
          type
        }
        via
        status
        partOf {
          id
        }
        explanation
        path {
          length
          nodes {
            id
          }
          edges {
            id
          }
        }
        evidence {
          id
        }
      }
    }
  `;

  it('lists the measures and policies that reach a project in 古雷, with the chain of reasons', async () => {
    const { policyReach } = await gql(REACH, { entity: 'project:gulei-refinery' });
    const byPolicy = new Map(policyReach.map((r: any) => [r.policy.id, r]));
    // Directly: the plan targets the project.
    expect((byPolicy.get('policy:fujian-cross-strait-base-plan') as any).via).toBe('DIRECT');
    // Through its park: the special approval policy applies to 古雷台湾石化工业园, which hosts the project.
    const park: any = byPolicy.get('policy:special-approval-policy');
    expect(park).toMatchObject({ via: 'PARK', target: { id: 'park:gulei-taiwan-petrochemical-park' } });
    expect(ids(park.path.nodes)).toEqual([
      'policy:special-approval-policy',
      'park:gulei-taiwan-petrochemical-park',
      'project:gulei-refinery',
    ]);
    // Measures reach it through its sector.
    const measures = policyReach.filter((r: any) => r.policy.type === 'Measure');
    expect(measures.length).toBeGreaterThan(0);
    for (const reach of policyReach) {
      expect(reach.path.nodes[0].id).toBe(reach.policy.id);
      expect(reach.path.nodes.at(-1).id).toBe('project:gulei-refinery');
      expect(reach.path.edges[0].id).toBe(reach.relation.id);
      expect(reach.evidence.length).toBeGreaterThan(0);
      expect(['APPLIES_TO', 'TARGETS']).toContain(reach.relation.type);
      expect(reach.explanation).toContain(reach.policy.name);
    }
    for (const measure of measures) expect(measure.partOf.length).toBeGreaterThan(0);
    const steps = policyReach.map((r: any) => r.path.length);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
  });

  it('refuses an unknown entity', async () => {
    expect((await gqlError(REACH, { entity: 'project:nowhere' })).extensions?.code).toBe('NOT_FOUND');
  });
});

describe('stats, relation, limits', () => {
  it('answers the size of the graph, one relation by id, and the limits', async () => {
    const data = await gql(/* GraphQL */ `
      {
        stats {
          entities
          relations
          passages
          byType {
            type
            count
          }
          byRelation {
            type
            count
          }
          loadedAt
          dataHash
        }
        relation(id: "park:xiamen-island-area|PART_OF|park:xiamen-tiz") {
          type
          source
          target
          status
        }
        missing: relation(id: "a|PART_OF|b") {
          id
        }
        limits {
          searchFirst
          neighborhoodLimit
          queryDepth
        }
      }
    `);
    expect(data.stats.entities).toBeGreaterThan(500);
    expect(data.stats.byType.find((t: any) => t.type === 'Park').count).toBeGreaterThan(50);
    expect(data.stats.dataHash).toMatch(/^sha256:/);
    expect(data.relation).toEqual({
      type: 'PART_OF',
      source: 'park:xiamen-island-area',
      target: 'park:xiamen-tiz',
      status: 'planned',
    });
    expect(data.missing).toBeNull();
    expect(data.limits).toEqual({
      searchFirst: LIMITS.searchFirst,
      neighborhoodLimit: LIMITS.neighborhoodLimit,
      queryDepth: LIMITS.queryDepth,
    });
  });
});

describe('limits on arguments', () => {
  it.each([
    ['search', '{ search(query: "古雷", first: 101) { score } }', 'maximum of 100'],
    ['entities', '{ entities(first: 1001) { totalCount } }', 'maximum of 1000'],
    [
      'relations',
      '{ entity(id: "park:xiamen-tiz") { relations(first: 501) { totalCount } } }',
      'maximum of 500',
    ],
    [
      'neighborhood depth',
      '{ neighborhood(ids: ["park:xiamen-tiz"], depth: 4) { truncated } }',
      'maximum of 3',
    ],
    [
      'neighborhood limit',
      '{ neighborhood(ids: ["park:xiamen-tiz"], limit: 5001) { truncated } }',
      'maximum of 5000',
    ],
    [
      'paths maxHops',
      '{ paths(from: "enterprise:auo", to: "park:xiamen-tiz", maxHops: 7) { length } }',
      'maximum of 6',
    ],
    [
      'paths first',
      '{ paths(from: "enterprise:auo", to: "park:xiamen-tiz", first: 11) { length } }',
      'maximum of 10',
    ],
    [
      'supplyChain depth',
      '{ supplyChain(product: "product:pta", depth: 11) { truncated } }',
      'maximum of 10',
    ],
    ['passages', '{ passages(query: "古雷", first: 101) { score } }', 'maximum of 100'],
    ['chainGaps', '{ chainGaps(first: 501) { kinds } }', 'maximum of 500'],
    ['policyReach', '{ policyReach(entity: "enterprise:auo", first: 501) { via } }', 'maximum of 500'],
    ['passageContext', '{ passageContext(id: "fujian-plan-2011:p0001", after: 51) { id } }', 'maximum of 50'],
  ])('%s beyond its maximum is BAD_USER_INPUT naming the maximum', async (_name, query, message) => {
    const error = await gqlError(query);
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toContain(message);
  });

  it('refuses more than 100 neighborhood ids and a foreign cursor', async () => {
    const tooMany = Array.from({ length: 101 }, (_, i) => `park:p${i}`);
    const error = await gqlError('query ($ids: [ID!]!) { neighborhood(ids: $ids) { truncated } }', {
      ids: tooMany,
    });
    expect(error.message).toContain('maximum of 100');
    const cursor = await gqlError('{ entities(after: "bm90LWEtY3Vyc29y") { totalCount } }');
    expect(cursor.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
