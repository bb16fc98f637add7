// The fixed mix of questions the comparison asks, each three ways: cskg's GraphQL API, @neo4j/graphql on
// the same Neo4j (type definitions in ./theirs/typeDefs.ts), and the raw Cypher of the answer run with
// neo4j-driver (the statements src/read builds, the ones cskg's resolvers send). Every question has a few
// argument sets, taken in turn, and a normaliser per way so run.ts can check that the three answers agree
// before timing them.
import { entitiesByIdQuery, relationPagesQuery } from '../../src/read/entities.ts';
import { luceneQuery, normaliseSearchText } from '../../src/read/fulltext.ts';
import { neighborhoodQuery } from '../../src/read/neighborhood.ts';
import { pathsQuery } from '../../src/read/paths.ts';
import { searchQuery } from '../../src/read/search.ts';
import { supplyChainQuery } from '../../src/read/supplyChain.ts';
import type { CypherQuery, Row } from '../../src/infra/database.ts';
import { RELATION_TYPES, type RelationType } from '../../src/data/model.ts';
import { relationField } from './theirs/typeDefs.ts';

/** The arguments every way uses; the @cypher statements of ./theirs are built for the same values. */
export const FIXED = Object.freeze({
  searchFirst: 20,
  relationsFirst: 50,
  neighborhoodDepth: 2,
  neighborhoodLimit: 300,
  pathsMaxHops: 4,
  pathsFirst: 3,
  supplyChainDepth: 6,
  supplyChainLimit: 500,
});

export type OperationName = 'search' | 'entity' | 'neighborhood' | 'paths' | 'supplyChain';

export interface GraphQLRequest {
  readonly query: string;
  readonly variables: Record<string, unknown>;
}

/**
 * What an answer contains, as sorted ids: the entities and the relations it names (a path is its node ids
 * joined with '>'). Two ways agree when these are equal.
 */
export interface Answer {
  readonly nodes: readonly string[];
  readonly edges: readonly string[];
}

/** Sends one GraphQL request to a server and resolves with `data` (a response with errors rejects). */
export type SendGraphQL = (request: GraphQLRequest) => Promise<unknown>;
/** Runs one statement in a read transaction and resolves with its rows. */
export type ReadCypher = (query: CypherQuery) => Promise<Row[]>;

/** One way of answering a question: the request(s) it takes, one after the other, and how to read the answer. */
export interface GraphQLWay {
  /** HTTP requests per question */
  readonly requests: number;
  ask(send: SendGraphQL): Promise<unknown>;
  answer(result: unknown): Answer;
}

export interface CypherWay {
  /** statements per question, each in its own read transaction, as cskg runs them */
  readonly statements: number;
  ask(read: ReadCypher): Promise<unknown>;
  answer(result: unknown): Answer;
}

export interface Case {
  readonly label: string;
  readonly ours: GraphQLWay;
  readonly theirs: GraphQLWay;
  readonly raw: CypherWay;
}

/** A way that is one GraphQL request. */
function single(request: GraphQLRequest, answer: (data: unknown) => Answer): GraphQLWay {
  return { requests: 1, ask: (send) => send(request), answer };
}

/** Statements run in order; the answer reads the list of their row lists. */
function statements(queries: CypherQuery[], answer: (results: Row[][]) => Answer): CypherWay {
  return {
    statements: queries.length,
    async ask(read) {
      const results: Row[][] = [];
      for (const query of queries) results.push(await read(query));
      return results;
    },
    answer: (results) => answer(results as Row[][]),
  };
}

export interface Operation {
  readonly name: OperationName;
  /** what the table prints */
  readonly title: string;
  readonly cases: readonly Case[];
  /** how the @neo4j/graphql answer relates to cskg's when they cannot be identical */
  readonly theirsDiffers?: string;
}

const ENTITY = /* GraphQL */ `id type name nameEn`;
const EDGE = /* GraphQL */ `id type source target status`;

type Json = Record<string, unknown>;
const sorted = (values: Iterable<string>) => [...new Set(values)].sort();
const ids = (list: unknown) => ((list ?? []) as Json[]).map((x) => String(x.id));

// ---------------------------------------------------------------------------------------------- search

function searchCase(text: string): Case {
  return {
    label: text,
    ours: single(
      {
        query: /* GraphQL */ `query Search($q: String!, $first: Int) {
          search(query: $q, first: $first) { score entity { ${ENTITY} } }
        }`,
        variables: { q: text, first: FIXED.searchFirst },
      },
      (data) => ({
        nodes: sorted(((data as Json).search as Json[]).map((hit) => String((hit.entity as Json).id))),
        edges: [],
      }),
    ),
    // @neo4j/graphql hands the phrase to Lucene as it is: a client must escape it itself, as cskg does.
    theirs: single(
      {
        query: /* GraphQL */ `query Search($phrase: String!, $first: Int) {
          searchEntities(phrase: $phrase, first: $first) { edges { score node { ${ENTITY} } } }
        }`,
        variables: { phrase: luceneQuery(normaliseSearchText(text)), first: FIXED.searchFirst },
      },
      (data) => ({
        nodes: sorted(
          (((data as Json).searchEntities as Json).edges as Json[]).map((e) => String((e.node as Json).id)),
        ),
        edges: [],
      }),
    ),
    raw: statements([searchQuery({ text, types: null, first: FIXED.searchFirst })], ([rows]) => ({
      nodes: sorted((rows ?? []).map((row) => String(((row.entity as Json).props as Json).id))),
      edges: [],
    })),
  };
}

// ------------------------------------------------------------------------------- entity with relations

const DIRECTED: [RelationType, 'OUT' | 'IN'][] = RELATION_TYPES.flatMap(
  (t): [RelationType, 'OUT' | 'IN'][] => [
    [t, 'OUT'],
    [t, 'IN'],
  ],
);

/**
 * Every relation field of @neo4j/graphql's Entity as a connection (connections carry the relation's
 * properties), with `args` (e.g. `(first: 50)`) and the selection `node` of the entity at the other end.
 */
function theirRelationSelection(node: string, args = ''): string {
  return DIRECTED.map(
    ([type, direction]) =>
      `${relationField(type, direction)}Connection${args} { totalCount edges { properties { id status } node { ${node} } } }`,
  ).join('\n');
}

/** Relation ids (from the properties) and neighbour ids of every connection field of `entity`. */
function theirRelations(entity: Json): { nodes: string[]; edges: string[] } {
  const nodes: string[] = [];
  const edges: string[] = [];
  for (const [type, direction] of DIRECTED) {
    const connection = entity[`${relationField(type, direction)}Connection`] as Json | undefined;
    for (const edge of (connection?.edges ?? []) as Json[]) {
      edges.push(String((edge.properties as Json).id));
      nodes.push(String((edge.node as Json).id));
    }
  }
  return { nodes, edges };
}

function entityCase(id: string): Case {
  return {
    label: id,
    ours: single(
      {
        query: /* GraphQL */ `query EntityWithRelations($id: ID!, $first: Int) {
          entity(id: $id) {
            ${ENTITY} aliases
            relations(first: $first) { totalCount edges { direction node { ${EDGE} } neighbor { ${ENTITY} } } }
          }
        }`,
        variables: { id, first: FIXED.relationsFirst },
      },
      (data) => {
        const entity = (data as Json).entity as Json;
        const edges = (entity.relations as Json).edges as Json[];
        return {
          nodes: sorted([String(entity.id), ...edges.map((e) => String((e.neighbor as Json).id))]),
          edges: sorted(edges.map((e) => String((e.node as Json).id))),
        };
      },
    ),
    // Relations are typed fields in @neo4j/graphql: the client asks for all 36 (18 types × 2 directions).
    theirs: single(
      {
        query: /* GraphQL */ `query EntityWithRelations($id: ID!) {
          entities(where: { id: { eq: $id } }) {
            ${ENTITY} aliases
            ${theirRelationSelection(ENTITY, `(first: ${FIXED.relationsFirst})`)}
          }
        }`,
        variables: { id },
      },
      (data) => {
        const [entity] = (data as Json).entities as Json[];
        const { nodes, edges } = theirRelations(entity ?? {});
        return { nodes: sorted([String(entity?.id), ...nodes]), edges: sorted(edges) };
      },
    ),
    raw: statements(
      [
        entitiesByIdQuery([id]),
        relationPagesQuery([
          {
            entityId: id,
            direction: 'BOTH',
            types: null,
            statuses: null,
            first: FIXED.relationsFirst,
            afterId: null,
          },
        ]),
      ],
      ([entities, pages]) => {
        const items = (pages?.[0]?.items ?? []) as Json[];
        return {
          nodes: sorted([
            ...(entities ?? []).map((row) => String(((row.entity as Json).props as Json).id)),
            ...items.map((item) => String(((item.neighbor as Json).props as Json).id)),
          ]),
          edges: sorted(items.map((item) => String(((item.edge as Json).props as Json).id))),
        };
      },
    ),
  };
}

// ------------------------------------------------------------------------------------- neighborhood

/**
 * @neo4j/graphql has no "any relation type" field, so a walk is the 36 relation fields at every level. As
 * ONE nested document (36 × 36 connection subqueries) Neo4j took 272 s to plan it the first time and
 * 0.5–2.3 s per request after that, on this graph; the client below does what is faster: one request per
 * ring (the seeds' relations, then their neighbours'), and a third for the relations among the outer
 * ring, so the answer is exactly cskg's.
 */
function theirNeighborhood(seeds: string[]): GraphQLWay {
  const ring = (variables: string, args: string) => /* GraphQL */ `query Ring(${variables}) {
    entities(where: { id: { in: $ids } }) { ${ENTITY} ${theirRelationSelection(ENTITY, args)} }
  }`;
  const everyRelation = ring('$ids: [ID!]!', '');
  const relationsAmong = ring('$ids: [ID!]!, $among: [ID!]!', '(where: { node: { id: { in: $among } } })');
  return {
    requests: 3,
    async ask(send) {
      const nodes = new Map<string, Json>();
      const edges = new Set<string>();
      const visit = (entities: Json[]) => {
        const found: string[] = [];
        for (const entity of entities) {
          nodes.set(String(entity.id), entity);
          for (const [type, direction] of DIRECTED) {
            const connection = entity[`${relationField(type, direction)}Connection`] as Json;
            for (const edge of connection.edges as Json[]) {
              edges.add(String((edge.properties as Json).id));
              const neighbour = edge.node as Json;
              if (!nodes.has(String(neighbour.id))) {
                nodes.set(String(neighbour.id), neighbour);
                found.push(String(neighbour.id));
              }
            }
          }
        }
        return found;
      };
      const first = visit(
        ((await send({ query: everyRelation, variables: { ids: seeds } })) as Json).entities as Json[],
      );
      const second = visit(
        ((await send({ query: everyRelation, variables: { ids: first } })) as Json).entities as Json[],
      );
      const all = [...nodes.keys()];
      visit(
        ((await send({ query: relationsAmong, variables: { ids: second, among: all } })) as Json)
          .entities as Json[],
      );
      return { nodes: [...nodes.keys()], edges: [...edges] };
    },
    answer: (result) => {
      const { nodes, edges } = result as { nodes: string[]; edges: string[] };
      return { nodes: sorted(nodes), edges: sorted(edges) };
    },
  };
}

function neighborhoodCase(seeds: string[]): Case {
  return {
    label: seeds.join(','),
    ours: single(
      {
        query: /* GraphQL */ `query Neighborhood($ids: [ID!]!, $depth: Int, $limit: Int) {
          neighborhood(ids: $ids, depth: $depth, limit: $limit) { truncated nodes { ${ENTITY} } edges { ${EDGE} } }
        }`,
        variables: { ids: seeds, depth: FIXED.neighborhoodDepth, limit: FIXED.neighborhoodLimit },
      },
      (data) => subgraphAnswer((data as Json).neighborhood as Json),
    ),
    theirs: theirNeighborhood(seeds),
    raw: statements(
      [
        neighborhoodQuery({
          ids: seeds,
          depth: FIXED.neighborhoodDepth,
          relationTypes: null,
          statuses: null,
          limit: FIXED.neighborhoodLimit,
          edgeLimit: FIXED.neighborhoodLimit * 4,
        }),
      ],
      ([rows]) => rawSubgraphAnswer(rows?.[0]),
    ),
  };
}

// ------------------------------------------------------------------------------------------- paths

function pathsAnswer(paths: Json[]): Answer {
  return {
    nodes: sorted(paths.map((p) => ids(p.nodes).join('>'))),
    edges: sorted(paths.flatMap((p) => ids(p.edges))),
  };
}

function pathsCase(from: string, to: string): Case {
  return {
    label: `${from} → ${to}`,
    ours: single(
      {
        query: /* GraphQL */ `query Paths($from: ID!, $to: ID!, $maxHops: Int, $first: Int) {
          paths(from: $from, to: $to, maxHops: $maxHops, first: $first) { length nodes { ${ENTITY} } edges { ${EDGE} } }
        }`,
        variables: { from, to, maxHops: FIXED.pathsMaxHops, first: FIXED.pathsFirst },
      },
      (data) => pathsAnswer((data as Json).paths as Json[]),
    ),
    theirs: single(
      {
        query: /* GraphQL */ `query Paths($from: ID!, $to: ID!) {
          paths(from: $from, to: $to) { length nodes { ${ENTITY} } edges { ${EDGE} } }
        }`,
        variables: { from, to },
      },
      (data) => pathsAnswer((data as Json).paths as Json[]),
    ),
    raw: statements(
      [
        pathsQuery({
          from,
          to,
          maxHops: FIXED.pathsMaxHops,
          first: FIXED.pathsFirst,
          relationTypes: null,
          statuses: null,
        }),
      ],
      ([rows]) =>
        pathsAnswer(
          ((rows?.[0]?.paths ?? []) as Json[]).map((p) => ({
            nodes: (p.nodes as Json[]).map((n) => n.props),
            edges: (p.edges as Json[]).map((e) => e.props),
          })),
        ),
    ),
  };
}

// ------------------------------------------------------------------------------------- supply chain

function subgraphAnswer(graph: Json): Answer {
  return { nodes: sorted(ids(graph.nodes)), edges: sorted(ids(graph.edges)) };
}

function rawSubgraphAnswer(row: Row | undefined): Answer {
  return {
    nodes: sorted(((row?.nodes ?? []) as Json[]).map((n) => String((n.props as Json).id))),
    edges: sorted(((row?.edges ?? []) as Json[]).map((e) => String((e.props as Json).id))),
  };
}

function supplyChainCase(product: string): Case {
  return {
    label: product,
    ours: single(
      {
        query: /* GraphQL */ `query SupplyChain($product: ID!, $depth: Int) {
          supplyChain(product: $product, depth: $depth) { truncated nodes { ${ENTITY} } edges { ${EDGE} } }
        }`,
        variables: { product, depth: FIXED.supplyChainDepth },
      },
      (data) => subgraphAnswer((data as Json).supplyChain as Json),
    ),
    theirs: single(
      {
        query: /* GraphQL */ `query SupplyChain($product: ID!) {
          supplyChain(product: $product) { truncated nodes { ${ENTITY} } edges { ${EDGE} } }
        }`,
        variables: { product },
      },
      (data) => subgraphAnswer((data as Json).supplyChain as Json),
    ),
    raw: statements(
      [
        supplyChainQuery({
          product,
          direction: 'BOTH',
          depth: FIXED.supplyChainDepth,
          statuses: null,
          limit: FIXED.supplyChainLimit,
        }),
      ],
      ([rows]) => {
        // the statement returns the products, who covers them and the owners apart (src/read/supplyChain.ts)
        const row = rows?.[0];
        const nodes = ['productNodes', 'coverNodes', 'ownerNodes'].flatMap(
          (key) => (row?.[key] ?? []) as Json[],
        );
        return rawSubgraphAnswer({ nodes, edges: row?.edges });
      },
    ),
  };
}

// ------------------------------------------------------------------------------------------ the mix

export const OPERATIONS: readonly Operation[] = [
  {
    name: 'search',
    title: 'search',
    cases: ['古雷', '友达', 'Gulei', '液晶面板', '汽车零部件'].map(searchCase),
    theirsDiffers:
      'cskg re-ranks the full-text candidates (exact name, then prefix, then substring) before taking 20; @neo4j/graphql returns the 20 best Lucene scores: same entities, other order',
  },
  {
    name: 'entity',
    title: 'entity + relations',
    cases: [
      'park:xiamen-tiz',
      'enterprise:auo',
      'sector:automotive',
      'product:pta',
      'product:lcd-display',
    ].map(entityCase),
  },
  {
    name: 'neighborhood',
    title: 'neighborhood d2',
    cases: [['product:lcd-display'], ['product:pta'], ['region:gulei']].map(neighborhoodCase),
  },
  {
    name: 'paths',
    title: 'paths ≤4 hops',
    cases: [
      pathsCase('enterprise:auo', 'park:gulei-taiwan-petrochemical-park'),
      pathsCase('product:pta', 'region:pingtan'),
      pathsCase('park:fuzhou-qingkou-auto-park', 'product:led-chip'),
    ],
  },
  {
    name: 'supplyChain',
    title: 'supplyChain d6',
    cases: [
      'product:oil-refining',
      'product:complete-vehicle',
      'product:lcd-display',
      'product:led-chip',
    ].map(supplyChainCase),
  },
];
