// The operations `npm run bench:scale` times: every operation of the GraphQL contract and the named queries
// of the command line, each with a few argument sets drawn from the graph it runs on (so the same bench
// runs on the plan and on a synthetic million facts). Each argument list mixes the two most connected
// candidates (the hubs, where a walk that is not bounded blows up) with six taken at even steps of id order
// (the typical case): p50 is the typical request, p99 the hub's.
import type { Reader } from '../../src/infra/database.ts';
import { runNamedQuery } from '../../src/cli/analyses.ts';

export interface Outcome {
  /** an error code (QUERY_TIMEOUT, …) when the request failed */
  readonly error?: string;
}

export interface Operation {
  readonly name: string;
  /** argument sets, taken in turn */
  readonly args: readonly Record<string, unknown>[];
  run(args: Record<string, unknown>): Promise<Outcome>;
}

/** Sends one GraphQL request; resolves with the first error code, if any. */
export type SendGraphQL = (query: string, variables: Record<string, unknown>) => Promise<Outcome>;

const HUBS = 2;
/** The day the `asOf` operations see the graph on: within the plan's period, after it was published. */
const AS_OF = '2014-12-31';
const TYPICAL = 6;

/** Up to TYPICAL values at even steps of a sorted list, after the hubs (distinct, in that order). */
function mix(hubs: readonly string[], all: readonly string[]): string[] {
  const picked = [...hubs.slice(0, HUBS)];
  for (let i = 0; i < TYPICAL && all.length > 0; i++) {
    picked.push(all[Math.floor((i * all.length) / TYPICAL)] as string);
  }
  return [...new Set(picked)];
}

async function ids(db: Reader, cypher: string, params: Record<string, unknown> = {}): Promise<string[]> {
  const [row] = await db.read({ cypher, params });
  return ((row?.ids ?? []) as unknown[]).map(String);
}

/** Entities of some types (all when null): the most connected, and all ids in order. */
async function candidates(db: Reader, types: readonly string[] | null): Promise<string[]> {
  const hubs = await ids(
    db,
    /* Cypher */ `
      MATCH (n:Entity) WHERE $types IS NULL OR n.type IN $types
      WITH n ORDER BY COUNT { (n)--() } DESC, n.id LIMIT ${HUBS}
      RETURN collect(n.id) AS ids`,
    { types },
  );
  const all = await ids(
    db,
    /* Cypher */ `
      MATCH (n:Entity) WHERE $types IS NULL OR n.type IN $types
      WITH n ORDER BY n.id RETURN collect(n.id) AS ids`,
    { types },
  );
  return mix(hubs, all);
}

/** A two-character piece of a name (a Chinese bigram) and an English word, from names at even steps. */
async function searchTexts(db: Reader): Promise<string[]> {
  const [row] = await db.read({
    cypher: /* Cypher */ `
      MATCH (n:Entity) WITH n ORDER BY n.id
      WITH collect(n) AS every
      UNWIND range(0, 3) AS i
      WITH every[toInteger(i * size(every) / 4)] AS n
      RETURN collect(n.name) AS names, collect(n.nameEn) AS english`,
  });
  const texts: string[] = [];
  for (const name of (row?.names ?? []) as string[]) {
    const chinese = [...name].filter((c) => /\p{Script=Han}/u.test(c));
    if (chinese.length >= 2) texts.push(chinese.slice(0, 2).join(''));
  }
  for (const english of (row?.english ?? []) as string[]) {
    const word = english.split(/\s+/).find((w) => /^[A-Za-z]{3,}$/.test(w));
    if (word) texts.push(word);
  }
  return [...new Set(texts)];
}

const ENTITY = /* GraphQL */ `id type name nameEn degree`;
const EDGE = /* GraphQL */ `id type source target status`;

export async function operations(db: Reader, send: SendGraphQL): Promise<Operation[]> {
  const entities = await candidates(db, null);
  const products = mix(
    await ids(
      db,
      /* Cypher */ `
        MATCH (l:ChainLink) MATCH (p:Entity {id: l.product})
        WITH p ORDER BY COUNT { (p)-[:INPUT_TO]-() } DESC, p.id LIMIT ${HUBS} RETURN collect(p.id) AS ids`,
    ),
    await ids(
      db,
      /* Cypher */ `MATCH (l:ChainLink) WITH l ORDER BY l.product RETURN collect(l.product) AS ids`,
    ),
  );
  const sectors = mix(
    [],
    await ids(
      db,
      /* Cypher */ `MATCH (c:Chain) UNWIND c.sectors AS s WITH DISTINCT s ORDER BY s RETURN collect(s) AS ids`,
    ),
  );
  const reached = await candidates(db, ['Project', 'Enterprise', 'Park']);
  const parks = await candidates(db, ['Park']);
  const topSectors = await candidates(db, ['Sector']);
  const passages = mix(
    [],
    await ids(db, /* Cypher */ `MATCH (p:Passage) WITH p ORDER BY p.id RETURN collect(p.id) AS ids`),
  );
  const texts = await searchTexts(db);
  const pairs = entities.map((from, i) => ({ from, to: entities[(i + 3) % entities.length] as string }));
  const types = await ids(
    db,
    /* Cypher */ `MATCH (n:Entity) WITH n.type AS t, count(*) AS c ORDER BY c, t RETURN collect(t)[0..2] AS ids`,
  );

  const graphql = (name: string, query: string, args: readonly Record<string, unknown>[]): Operation => ({
    name,
    args,
    run: (variables) => send(query, variables),
  });
  const named = (name: string, query: string, args: readonly Record<string, unknown>[]): Operation => ({
    name,
    args,
    async run(params) {
      try {
        await runNamedQuery(db, query, params);
        return {};
      } catch (error) {
        return { error: (error as { code?: string }).code ?? 'ERROR' };
      }
    },
  });
  const chain = (direction: string) =>
    graphql(
      `supplyChain ${direction.toLowerCase()}`,
      /* GraphQL */ `query ($product: ID!, $direction: ChainDirection!) {
        supplyChain(product: $product, direction: $direction) { truncated truncation { reason } nodes { ${ENTITY} } edges { ${EDGE} } } }`,
      products.map((product) => ({ product, direction })),
    );

  return [
    graphql(
      'search',
      /* GraphQL */ `query ($q: String!) { search(query: $q) { score matched entity { ${ENTITY} } } }`,
      texts.map((q) => ({ q })),
    ),
    graphql(
      'entity + relations + evidence',
      /* GraphQL */ `query ($id: ID!) { entity(id: $id) { ${ENTITY} aliases attributes { key value }
        evidence { id section text quote }
        relations(first: 50) { totalCount edges { direction neighbor { ${ENTITY} } node { ${EDGE} evidence { id quote } } } } } }`,
      entities.map((id) => ({ id })),
    ),
    graphql(
      'entities page',
      /* GraphQL */ `query ($types: [EntityType!], $after: String) {
        entities(types: $types, first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { ${ENTITY} } } } }`,
      [{}, { types }, { types: null }],
    ),
    graphql(
      'neighborhood depth 1',
      /* GraphQL */ `query ($id: ID!) { neighborhood(ids: [$id], depth: 1) { truncated nodes { ${ENTITY} } edges { ${EDGE} } } }`,
      entities.map((id) => ({ id })),
    ),
    graphql(
      'neighborhood depth 2',
      /* GraphQL */ `query ($id: ID!) { neighborhood(ids: [$id], depth: 2) { truncated nodes { ${ENTITY} } edges { ${EDGE} } } }`,
      entities.map((id) => ({ id })),
    ),
    graphql(
      'paths',
      /* GraphQL */ `query ($from: ID!, $to: ID!) { paths(from: $from, to: $to) { length nodes { ${ENTITY} } edges { ${EDGE} evidence { id quote } } } }`,
      pairs,
    ),
    chain('UPSTREAM'),
    chain('DOWNSTREAM'),
    chain('BOTH'),
    graphql(
      'chainGaps whole graph',
      /* GraphQL */ `
        {
          chainGaps {
            chain {
              id
              name
            }
            link {
              id
              name
            }
            kinds
            explanation
            coverage {
              entity {
                id
                name
              }
              relation {
                type
                status
              }
              taiwanInvested
            }
            evidence {
              id
              section
              text
            }
          }
        }
      `,
      [{}],
    ),
    graphql(
      'chainGaps by sector',
      /* GraphQL */ `
        query ($sector: ID!) {
          chainGaps(sector: $sector) {
            chain {
              id
              name
            }
            link {
              id
              name
            }
            kinds
            explanation
            coverage {
              entity {
                id
                name
              }
              relation {
                type
                status
              }
              taiwanInvested
            }
            evidence {
              id
              section
              text
            }
          }
        }
      `,
      sectors.map((sector) => ({ sector })),
    ),
    graphql(
      'chainGaps as of a day (live)',
      /* GraphQL */ `
        query ($sector: ID, $asOf: Date) {
          chainGaps(sector: $sector, asOf: $asOf) {
            chain {
              id
              name
            }
            link {
              id
              name
            }
            kinds
            explanation
            coverage {
              entity {
                id
                name
              }
              relation {
                type
                status
              }
              taiwanInvested
            }
          }
        }
      `,
      [{ sector: null, asOf: AS_OF }, ...sectors.map((sector) => ({ sector, asOf: AS_OF }))],
    ),
    graphql(
      'neighborhood depth 2 as of a day',
      /* GraphQL */ `query ($id: ID!, $asOf: Date) { neighborhood(ids: [$id], depth: 2, asOf: $asOf) {
        truncated nodes { ${ENTITY} status { status outcome } } edges { ${EDGE} } } }`,
      entities.map((id) => ({ id, asOf: AS_OF })),
    ),
    graphql(
      'timeline',
      /* GraphQL */ `query ($entity: ID!) { timeline(entity: $entity) {
        status { status date outcome }
        steps { date basis status outcome summary where source { title publisher date url } }
        undated { summary source { url } } } }`,
      reached.map((entity) => ({ entity })),
    ),
    graphql(
      'scorecard',
      /* GraphQL */ `query ($scope: ID!, $asOf: Date) { scorecard(scope: $scope, asOf: $asOf) {
        total truncated outcomes { outcome count }
        members { entity { id name } intended status { status outcome } explanation } } }`,
      [...parks, ...topSectors].flatMap((scope) => [{ scope }, { scope, asOf: AS_OF }]),
    ),
    graphql(
      'policyReach',
      /* GraphQL */ `query ($entity: ID!) { policyReach(entity: $entity) { policy { ${ENTITY} } via status explanation
        path { length nodes { id } edges { id } } evidence { id } } }`,
      reached.map((entity) => ({ entity })),
    ),
    graphql(
      'passages + entities + edges',
      /* GraphQL */ `query ($q: String!) { passages(query: $q) { score passage { id section text }
        entities { ${ENTITY} } entityCount edges { ${EDGE} } edgeCount } }`,
      ['台湾 石化', '产业', '园区', '合作'].map((q) => ({ q })),
    ),
    graphql(
      'passageContext',
      /* GraphQL */ `
        query ($id: ID!) {
          passageContext(id: $id, before: 3, after: 3) {
            id
            ordinal
            text
          }
        }
      `,
      passages.map((id) => ({ id })),
    ),
    graphql(
      'stats',
      /* GraphQL */ `
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
        }
      `,
      [{}],
    ),
    named(
      'cli park-anchors',
      'park-anchors',
      topSectors.map((sector) => ({ sector })),
    ),
    named(
      'cli park-associations',
      'park-associations',
      parks.map((park) => ({ park })),
    ),
    named(
      'cli park-parts',
      'park-parts',
      parks.map((park) => ({ park })),
    ),
    named(
      'cli passage-facts',
      'passage-facts',
      passages.map((passage) => ({ passage })),
    ),
    named('cli chain-gaps', 'chain-gaps', [{}, ...sectors.map((sector) => ({ sector }))]),
    named(
      'cli policy-reach',
      'policy-reach',
      reached.map((entity) => ({ entity })),
    ),
    named(
      'cli supply-chain',
      'supply-chain',
      products.map((product) => ({ product })),
    ),
    named('cli shortest-paths', 'shortest-paths', pairs),
    // What if (issue 16): what failing firms, projects and parks leave behind (one at a time, and the two
    // hubs together), the links that hang on one firm, who could fill the gaps, and the partnership roles.
    graphql(
      'impact',
      /* GraphQL */ `query ($entities: [ID!]!) {
        impact(entities: $entities) { truncated consequenceCount failedWith { entity { id } }
          consequences { kind remaining entity { id } paths { length edges { id } } } } }`,
      [...reached.map((e) => ({ entities: [e] })), { entities: reached.slice(0, 2) }],
    ),
    graphql(
      'singlePoints',
      /* GraphQL */ `query ($product: ID) {
        singlePoints(product: $product) { truncated rankCount links { link { id } points { id } }
          ranking { entity { id } uncovers linkCount } } }`,
      [{}, ...products.map((product) => ({ product }))],
    ),
    graphql(
      'gapPartners',
      /* GraphQL */ `query ($product: ID) {
        gapPartners(product: $product, first: 50) { link { id } partnerCount
          partners { entity { id } taiwanSide reasons { kind } } } }`,
      [{}, ...products.map((product) => ({ product }))],
    ),
    graphql(
      'partnerRoles',
      /* GraphQL */ `{ partnerRoles(first: 100) { truncated nodeCount edgeCount modularity
        roles { entity { id } betweenness community bridge } } }`,
      [{}],
    ),
  ];
}
