// What the explorer asks the GraphQL API (schema.graphql), one operation per need, each a single request.
// The documents select exactly what the view shows; the mapping turns the answers into the model types.
import type {
  ChainDirection,
  ChainGap,
  ChainGapsAnswer,
  EdgeDetails,
  EdgeSummary,
  EntityDetails,
  EntityRecord,
  EntitySummary,
  GapKind,
  GapPartner,
  Impact,
  PartnerRoles,
  GraphStats,
  Limits,
  Outcome,
  Passage,
  PathWithEvidence,
  PathsAnswer,
  PolicyReachItem,
  RelationItem,
  RelationStatus,
  Scorecard,
  SearchHit,
  Subgraph,
  Timeline,
  TimelineStep,
} from '../model.ts';
import { ApiError, GraphQLClient, type TruncationNotice } from './client.ts';

const CARD = /* GraphQL */ `
  fragment Card on Entity {
    id
    type
    name
    nameEn
    aliases
    attributes {
      key
      value
    }
    degree
  }
`;
const EDGE = /* GraphQL */ `
  fragment EdgeCard on Edge {
    id
    type
    source
    target
    attributes {
      key
      value
    }
  }
`;
/** What became of an entity, on the day of the walk that returned it (its asOf; today without one). */
const FATE = /* GraphQL */ `
  fragment Fate on Entity {
    status {
      outcome
    }
  }
`;
/** A subgraph as the canvas draws it: the entities with their fate, the facts between them, whether it was cut. */
const SUBGRAPH = /* GraphQL */ `
  fragment SubgraphCards on Subgraph {
    truncated
    nodes {
      ...Card
      ...Fate
    }
    edges {
      ...EdgeCard
    }
  }
`;
const PAGE = /* GraphQL */ `
  fragment Page on Source {
    url
    publisher
    title
    date
  }
`;
const STEP = /* GraphQL */ `
  fragment Step on StatusStep {
    id
    basis
    status
    outcome
    date
    summary
    summaryZh
    where
    source {
      ...Page
    }
  }
`;
const PASSAGE = /* GraphQL */ `
  fragment PassageFields on Passage {
    id
    documentId
    section
    sectionPath
    ordinal
    kind
    text
    quote
  }
`;

export interface NeighborhoodOptions {
  readonly depth?: number;
  readonly limit?: number;
  readonly relationTypes?: readonly string[];
}

/** The overview: the plan's 五区十园 with where they are and what they focus on. */
export interface OverviewAnswer {
  /** the layout's halves (五区 and 十园): the policies PART_OF it */
  readonly halves: readonly string[];
  /** APPLIES_TO relations from a half to each zone and park, with the passage of 专栏三 that names it */
  readonly targets: readonly {
    readonly edge: EdgeSummary;
    readonly evidence: readonly Passage[];
    readonly park: EntitySummary;
  }[];
  /** LOCATED_IN and FOCUSES_ON around the zones and parks, each edge with the sections that state it */
  readonly around: Subgraph & { readonly sections: ReadonlyMap<string, readonly string[]> };
  /** the regions those regions lie in (districts and towns in their cities) */
  readonly regionParents: Subgraph;
}

export interface ExplorerApi {
  /** The reading language of the answers that follow (caveats, explanations), as a BCP 47 tag. */
  setLanguage(lang: string): void;
  /**
   * The day the walks that follow see the graph as of (YYYY-MM-DD: only the facts known by then, and what
   * became of each entity by then); null: everything known today.
   */
  setAsOf(asOf: string | null): void;
  /** The API's maxima, which the explorer's requests and forms keep within. */
  limits(): Promise<Limits>;
  stats(): Promise<GraphStats>;
  search(query: string, first: number, signal?: AbortSignal, types?: readonly string[]): Promise<SearchHit[]>;
  entity(id: string): Promise<EntityRecord | null>;
  relation(id: string): Promise<EdgeDetails | null>;
  neighborhood(ids: readonly string[], options?: NeighborhoodOptions): Promise<Subgraph>;
  paths(from: string, to: string, maxHops: number, first: number): Promise<PathsAnswer>;
  /** A product's chain: the products along INPUT_TO and who covers them, at most `limit` entities. */
  supplyChain(product: string, direction: ChainDirection, depth: number, limit: number): Promise<Subgraph>;
  /**
   * The gaps of the chain a product is on, each with who could fill it. Asked apart from the chain: on a
   * large graph the chain is drawn first and its gaps, the slower part, are marked when they arrive.
   */
  chainGaps(product: string): Promise<ChainGapsAnswer>;
  passageContext(id: string, before: number, after: number): Promise<Passage[]>;
  policyReach(entity: string): Promise<PolicyReachItem[]>;
  overview(layoutId: string, limits: Limits): Promise<OverviewAnswer>;
  /** What the plan said of an entity, then what later pages report became of it, each step with its page. */
  timeline(entity: string): Promise<Timeline>;
  /** What the plan intended in a park, zone or sector, and what became of each member. */
  scorecard(scope: string): Promise<Scorecard>;
  /**
   * Every entity and relation, as far as the API's limits and `maxNodes` (what the canvas can draw) allow;
   * `truncated` when something was left out. The API has no single query for it.
   */
  wholeGraph(limits: Limits, maxNodes: number): Promise<Subgraph>;
  /** Every region, and every LOCATED_IN relation (all of them end at a region): what the map places by. */
  geography(limits: Limits): Promise<GeographyAnswer>;
  /** What the failure of these entities would do: consequences with their paths and evidence. */
  impact(entities: readonly string[]): Promise<Impact>;
  /** The partnership network, each member with its role (betweenness, community, bridge). */
  partnerRoles(): Promise<PartnerRoles>;
}

export interface GeographyAnswer {
  readonly regions: readonly EntitySummary[];
  readonly locatedIn: readonly EdgeSummary[];
  /** some regions or relations were left out by the API's limits */
  readonly truncated: boolean;
}

/** Partners listed beside each gap of a chain. */
const GAP_PARTNERS = 5;

/** The plan's layout 五区十园 (专栏三): its halves 五区 and 十园 are PART_OF it and APPLY_TO the zones and parks. */
export const LAYOUT_ID = 'policy:five-zones-ten-parks';

/** The hubs whose neighbourhood to depth 2 makes the bulk of the whole graph. */
const WHOLE_GRAPH_HUBS = 100;
/** Neighbours asked for around the plan, around 五区十园 and around their regions. */
const OVERVIEW_NEIGHBOURS = 1000;

interface RawEdge extends EdgeSummary {
  readonly evidence?: Passage[];
}

const GAP_KIND: Record<string, GapKind> = {
  UNCOVERED: 'uncovered',
  TAIWAN_ONLY: 'taiwan-only',
  NO_ENTERPRISE: 'no-enterprise',
  PLANNED_OR_SOUGHT_ONLY: 'planned-only',
};

export function createExplorerApi(client = new GraphQLClient()): ExplorerApi {
  let asOf: string | null = null;
  const api: ExplorerApi = {
    setLanguage(lang) {
      client.language = lang;
    },

    setAsOf(day) {
      asOf = day;
    },

    async limits() {
      const data = await client.request<{ limits: Limits }>(/* GraphQL */ `
        query Limits {
          limits {
            searchFirst
            entitiesFirst
            neighborhoodIds
            neighborhoodLimit
            pathsMaxHops
            pathsFirst
            supplyChainDepth
            supplyChainLimit
            passageContext
          }
        }
      `);
      return data.limits;
    },

    async stats() {
      const data = await client.request<{ stats: GraphStats }>(/* GraphQL */ `
        query Stats {
          stats {
            entities
            relations
            passages
            loadedAt
            byType {
              type
              count
            }
            byRelation {
              type
              count
            }
          }
        }
      `);
      return data.stats;
    },

    async search(query, first, signal, types) {
      const data = await client.request<{ search: SearchHit[] }>(
        /* GraphQL */ `
          query Search($query: String!, $first: Int, $types: [EntityType!]) {
            search(query: $query, first: $first, types: $types) {
              score
              matched
              entity {
                ...Card
              }
            }
          }
          ${CARD}
        `,
        { query, first, types: types ?? null },
        signal ? { signal } : {},
      );
      return data.search;
    },

    async entity(id) {
      // The relations come from neighborhood rather than Entity.relations: one request, no paging, and the
      // same answer an expansion uses.
      const data = await client.request<{ entity: EntityDetails | null; neighborhood: Subgraph }>(
        /* GraphQL */ `
          query EntityDetails($id: ID!, $limit: Int, $asOf: Date) {
            entity(id: $id) {
              ...Card
              status(asOf: $asOf) {
                outcome
              }
              caveats
              evidence {
                ...PassageFields
              }
            }
            neighborhood(ids: [$id], depth: 1, limit: $limit, asOf: $asOf) {
              ...SubgraphCards
            }
          }
          ${SUBGRAPH}
          ${CARD}
          ${FATE}
          ${EDGE}
          ${PASSAGE}
        `,
        { id, limit: 400, asOf },
      );
      const entity = data.entity;
      if (!entity) return null;
      const neighbours = new Map(data.neighborhood.nodes.map((n) => [n.id, n]));
      const relations: RelationItem[] = [];
      for (const edge of data.neighborhood.edges) {
        const direction = edge.source === id ? 'OUT' : edge.target === id ? 'IN' : null;
        const neighbor = neighbours.get(direction === 'OUT' ? edge.target : edge.source);
        if (direction && neighbor) relations.push({ edge, direction, neighbor });
      }
      return { ...entity, relations, relationCount: entity.degree ?? relations.length };
    },

    async relation(id) {
      const data = await client.request<{ relation: EdgeDetails | null }>(
        /* GraphQL */ `
          query RelationDetails($id: ID!) {
            relation(id: $id) {
              ...EdgeCard
              caveats
              evidence {
                ...PassageFields
              }
              sourceEntity {
                ...Card
              }
              targetEntity {
                ...Card
              }
            }
          }
          ${CARD}
          ${EDGE}
          ${PASSAGE}
        `,
        { id },
      );
      return data.relation;
    },

    async neighborhood(ids, options = {}) {
      const data = await client.request<{ neighborhood: Subgraph }>(
        /* GraphQL */ `
          query Neighborhood(
            $ids: [ID!]!
            $depth: Int
            $limit: Int
            $relationTypes: [RelationType!]
            $asOf: Date
          ) {
            neighborhood(
              ids: $ids
              depth: $depth
              limit: $limit
              relationTypes: $relationTypes
              asOf: $asOf
            ) {
              ...SubgraphCards
            }
          }
          ${SUBGRAPH}
          ${CARD}
          ${FATE}
          ${EDGE}
        `,
        {
          ids,
          depth: options.depth ?? 1,
          limit: options.limit ?? 300,
          relationTypes: options.relationTypes ?? null,
          asOf,
        },
      );
      return data.neighborhood;
    },

    async paths(from, to, maxHops, first) {
      const { data, truncation } = await client.answer<{ paths: PathWithEvidence[] }>(
        /* GraphQL */ `
          query Paths($from: ID!, $to: ID!, $maxHops: Int, $first: Int, $asOf: Date) {
            paths(from: $from, to: $to, maxHops: $maxHops, first: $first, asOf: $asOf) {
              length
              nodes {
                ...Card
                ...Fate
              }
              edges {
                ...EdgeCard
                caveats
                evidence {
                  ...PassageFields
                }
                sourceEntity {
                  id
                  name
                  nameEn
                }
                targetEntity {
                  id
                  name
                  nameEn
                }
              }
            }
          }
          ${CARD}
          ${FATE}
          ${EDGE}
          ${PASSAGE}
        `,
        { from, to, maxHops, first, asOf },
      );
      return { paths: data.paths, cut: cutOf(truncation, 'paths') };
    },

    async supplyChain(product, direction, depth, limit) {
      const data = await client.request<{ supplyChain: Subgraph }>(
        /* GraphQL */ `
          query SupplyChain(
            $product: ID!
            $direction: ChainDirection
            $depth: Int
            $limit: Int
            $asOf: Date
          ) {
            supplyChain(product: $product, direction: $direction, depth: $depth, limit: $limit, asOf: $asOf) {
              ...SubgraphCards
            }
          }
          ${SUBGRAPH}
          ${CARD}
          ${FATE}
          ${EDGE}
        `,
        { product, direction, depth, limit, asOf },
      );
      return data.supplyChain;
    },

    async chainGaps(product) {
      interface RawGap {
        chain: { name: string; nameEn: string };
        link: EntitySummary;
        kinds: string[];
        explanation: string;
        coverage: { entity: EntitySummary; taiwanInvested: boolean; relation: { status: RelationStatus } }[];
        evidence: Passage[];
      }
      interface RawPartners {
        link: { id: string };
        partners: (Omit<GapPartner, 'reasons'> & { reasons: { kind: string }[] })[];
      }
      const { data, truncation } = await client.answer<{ chainGaps: RawGap[]; gapPartners: RawPartners[] }>(
        /* GraphQL */ `
          query ChainGaps($product: ID!, $asOf: Date) {
            gapPartners(product: $product, partners: ${GAP_PARTNERS}) {
              link {
                id
              }
              partners {
                entity {
                  ...Card
                }
                taiwanSide
                reasons {
                  kind
                }
                explanation
              }
            }
            chainGaps(product: $product, asOf: $asOf) {
              chain {
                name
                nameEn
              }
              link {
                ...Card
              }
              kinds
              explanation
              coverage {
                entity {
                  ...Card
                }
                taiwanInvested
                relation {
                  status
                }
              }
              evidence {
                ...PassageFields
              }
            }
          }
          ${CARD}
          ${PASSAGE}
        `,
        { product, asOf },
      );
      const partners = new Map(
        data.gapPartners.map((g) => [
          g.link.id,
          g.partners.map((p) => ({ ...p, reasons: p.reasons.map((r) => r.kind) })),
        ]),
      );
      const gaps: ChainGap[] = data.chainGaps.map((g) => ({
        chainName: g.chain.name,
        chainNameEn: g.chain.nameEn,
        link: g.link,
        kinds: g.kinds.map((k) => GAP_KIND[k]).filter((k): k is GapKind => k !== undefined),
        explanation: g.explanation,
        coverage: g.coverage.map((c) => ({
          entity: c.entity,
          taiwanInvested: c.taiwanInvested,
          status: c.relation.status,
        })),
        evidence: g.evidence,
        partners: partners.get(g.link.id) ?? [],
      }));
      return { gaps, cut: cutOf(truncation, 'chainGaps') };
    },

    async impact(entities) {
      const PATH = /* GraphQL */ `
        length
        nodes {
          ...Card
        }
        edges {
          ...EdgeCard
          caveats
          evidence {
            ...PassageFields
          }
        }
      `;
      const data = await client.request<{ impact: Impact }>(
        /* GraphQL */ `
          query Impact($entities: [ID!]!) {
            impact(entities: $entities) {
              failing {
                ...Card
              }
              failedWith {
                entity {
                  ...Card
                }
                path { ${PATH} }
              }
              consequences {
                kind
                entity {
                  ...Card
                }
                remaining
                explanation
                paths { ${PATH} }
                evidence {
                  ...PassageFields
                }
              }
              consequenceCount
              truncated
            }
          }
          ${CARD}
          ${EDGE}
          ${PASSAGE}
        `,
        { entities },
      );
      return data.impact;
    },

    async partnerRoles() {
      interface RawRole {
        entity: EntitySummary;
        side: PartnerRoles['roles'][number]['side'];
        betweenness: number;
        degree: number;
        community: number;
        bridge: boolean;
        explanation: string;
        ties: EdgeSummary[];
      }
      const data = await client.request<{
        partnerRoles: { roles: RawRole[]; communities: { id: number }[] };
      }>(
        /* GraphQL */ `
          query PartnerRoles($first: Int!) {
            partnerRoles(first: $first) {
              roles {
                entity {
                  ...Card
                }
                side
                betweenness
                degree
                community
                bridge
                explanation
                ties {
                  ...EdgeCard
                }
              }
              communities {
                id
              }
            }
          }
          ${CARD}
          ${EDGE}
        `,
        // every member (the API's maximum), as a variable: a literal would count 1000 times in the cost
        { first: 1000 },
      );
      const ties = new Map(data.partnerRoles.roles.flatMap((r) => r.ties).map((e) => [e.id, e]));
      return {
        roles: data.partnerRoles.roles.map((role) => ({
          entity: role.entity,
          side: role.side,
          betweenness: role.betweenness,
          degree: role.degree,
          community: role.community,
          bridge: role.bridge,
          explanation: role.explanation,
        })),
        ties: [...ties.values()],
        communities: data.partnerRoles.communities.length,
      };
    },

    async policyReach(entity) {
      const data = await client.request<{ policyReach: PolicyReachItem[] }>(
        /* GraphQL */ `
          query PolicyReach($entity: ID!, $asOf: Date) {
            policyReach(entity: $entity, asOf: $asOf) {
              via
              status
              explanation
              policy {
                ...Card
              }
              path {
                length
                nodes {
                  ...Card
                }
                edges {
                  ...EdgeCard
                  caveats
                  evidence {
                    ...PassageFields
                  }
                  sourceEntity {
                    id
                    name
                    nameEn
                    aliases
                  }
                  targetEntity {
                    id
                    name
                    nameEn
                    aliases
                  }
                }
              }
            }
          }
          ${CARD}
          ${EDGE}
          ${PASSAGE}
        `,
        { entity, asOf },
      );
      return data.policyReach;
    },

    async passageContext(id, before, after) {
      const data = await client.request<{ passageContext: Passage[] }>(
        /* GraphQL */ `
          query PassageContext($id: ID!, $before: Int, $after: Int) {
            passageContext(id: $id, before: $before, after: $after) {
              ...PassageFields
            }
          }
          ${PASSAGE}
        `,
        { id, before, after },
      );
      return data.passageContext;
    },

    async timeline(entity) {
      const data = await client.request<{ timeline: Timeline }>(
        /* GraphQL */ `
          query Timeline($entity: ID!, $asOf: Date) {
            timeline(entity: $entity, asOf: $asOf) {
              status {
                status
                date
                outcome
              }
              steps {
                ...Step
              }
              undated {
                ...Step
              }
            }
          }
          ${STEP}
          ${PAGE}
        `,
        { entity, asOf },
      );
      return data.timeline;
    },

    async scorecard(scope) {
      interface RawMember {
        entity: EntitySummary;
        intended: RelationStatus | null;
        status: {
          status: string | null;
          date: string | null;
          outcome: Outcome;
          step: { source: TimelineStep['source'] } | null;
        };
        explanation: string;
      }
      const data = await client.request<{
        scorecard: Omit<Scorecard, 'members'> & { members: RawMember[] };
      }>(
        /* GraphQL */ `
          query Scorecard($scope: ID!, $asOf: Date) {
            scorecard(scope: $scope, asOf: $asOf) {
              total
              truncated
              outcomes {
                outcome
                count
              }
              members {
                entity {
                  ...Card
                }
                intended
                status {
                  status
                  date
                  outcome
                  step {
                    source {
                      ...Page
                    }
                  }
                }
                explanation
              }
            }
          }
          ${CARD}
          ${PAGE}
        `,
        { scope, asOf },
      );
      const { members, ...rest } = data.scorecard;
      return {
        ...rest,
        members: members.map(({ status: { step, ...status }, ...member }) => ({
          ...member,
          status: { ...status, source: step?.source ?? null },
        })),
      };
    },

    async wholeGraph(limits, maxNodes) {
      // Every entity (ids and degrees, as many as a page holds), then the neighbourhood of the
      // best-connected ones to depth 2, which holds nearly everything with the relations among it, then the
      // neighbourhood of whatever is still missing. A few requests; complete, because every relation has an
      // end in one of them (truncated when a page or a neighbourhood reached the API's limits).
      const all = await client.request<{
        entities: { totalCount: number; edges: { node: { id: string; degree: number } }[] };
      }>(
        /* GraphQL */ `
          query WholeGraphIds($first: Int) {
            entities(first: $first) {
              totalCount
              edges {
                node {
                  id
                  degree
                }
              }
            }
          }
        `,
        { first: limits.entitiesFirst },
      );
      const ids = all.entities.edges.map((e) => e.node);
      const hubs = [...ids]
        .sort((a, b) => b.degree - a.degree)
        .slice(0, Math.min(WHOLE_GRAPH_HUBS, limits.neighborhoodIds))
        .map((n) => n.id);
      const nodes = new Map<string, EntitySummary>();
      const edges = new Map<string, EdgeSummary>();
      let truncated = all.entities.totalCount > ids.length;
      const merge = (part: Subgraph) => {
        for (const n of part.nodes) nodes.set(n.id, n);
        for (const e of part.edges) edges.set(e.id, e);
        truncated ||= part.truncated;
      };
      // On a graph larger than the canvas can draw, the hubs' neighbourhood fills it and the rest waits.
      const limit = Math.min(limits.neighborhoodLimit, maxNodes);
      if (hubs.length > 0) merge(await api.neighborhood(hubs, { depth: 2, limit }));
      const missing = ids.map((n) => n.id).filter((id) => !nodes.has(id));
      const chunk = limits.neighborhoodIds;
      for (let i = 0; i < missing.length; i += chunk) {
        const room = limit - nodes.size;
        if (room <= 0) {
          truncated = true;
          break;
        }
        merge(await api.neighborhood(missing.slice(i, i + chunk), { depth: 1, limit: room }));
      }
      return { nodes: [...nodes.values()], edges: [...edges.values()], truncated };
    },

    async geography(limits) {
      const data = await client.request<{
        entities: { totalCount: number; edges: { node: EntitySummary }[] };
      }>(
        /* GraphQL */ `
          query Regions($first: Int) {
            entities(types: [Region], first: $first) {
              totalCount
              edges {
                node {
                  ...Card
                }
              }
            }
          }
          ${CARD}
        `,
        { first: limits.entitiesFirst },
      );
      const regions = data.entities.edges.map((e) => e.node);
      const ids = regions.map((r) => r.id);
      const edges = new Map<string, EdgeSummary>();
      let truncated = data.entities.totalCount > regions.length;
      for (let i = 0; i < ids.length; i += limits.neighborhoodIds) {
        const part = await api.neighborhood(ids.slice(i, i + limits.neighborhoodIds), {
          depth: 1,
          relationTypes: ['LOCATED_IN'],
          limit: limits.neighborhoodLimit,
        });
        for (const e of part.edges) if (e.type === 'LOCATED_IN') edges.set(e.id, e);
        truncated ||= part.truncated;
      }
      return { regions, locatedIn: [...edges.values()], truncated };
    },

    async overview(layoutId, limits) {
      // 五区十园 is 15 entities with a few hundred relations around them: far below a neighbourhood's limit.
      const limit = Math.min(OVERVIEW_NEIGHBOURS, limits.neighborhoodLimit);
      // A graph without the plan's layout (a generated one, another plan) has no 五区十园: an empty overview.
      const layout = await api
        .neighborhood([layoutId], { depth: 1, relationTypes: ['PART_OF'], limit })
        .catch((error: unknown) => {
          if (error instanceof ApiError && error.code === 'NOT_FOUND') return { nodes: [], edges: [] };
          throw error;
        });
      const halves = layout.edges.filter((e) => e.target === layoutId).map((e) => e.source);
      const first =
        halves.length === 0
          ? { neighborhood: { nodes: [], edges: [] } }
          : await client.request<{ neighborhood: { nodes: EntitySummary[]; edges: RawEdge[] } }>(
              /* GraphQL */ `
                query OverviewTargets($halves: [ID!]!, $limit: Int, $asOf: Date) {
                  neighborhood(
                    ids: $halves
                    depth: 1
                    relationTypes: [APPLIES_TO]
                    limit: $limit
                    asOf: $asOf
                  ) {
                    nodes {
                      ...Card
                      ...Fate
                    }
                    edges {
                      ...EdgeCard
                      evidence {
                        ...PassageFields
                      }
                    }
                  }
                }
                ${CARD}
                ${FATE}
                ${EDGE}
                ${PASSAGE}
              `,
              { halves, limit, asOf },
            );
      const nodes = new Map(first.neighborhood.nodes.map((n) => [n.id, n]));
      const targets = selectOverviewTargets(
        first.neighborhood.edges
          .filter((e) => nodes.has(e.target))
          .map((e) => ({ edge: e, evidence: e.evidence ?? [], park: nodes.get(e.target) as EntitySummary })),
        halves,
      );

      const parkIds = targets.map((t) => t.park.id);
      if (parkIds.length === 0) {
        return {
          halves,
          targets,
          around: { nodes: [], edges: [], truncated: false, sections: new Map() },
          regionParents: { nodes: [], edges: [], truncated: false },
        };
      }
      const second = await client.request<{
        neighborhood: { truncated: boolean; nodes: EntitySummary[]; edges: RawEdge[] };
      }>(
        /* GraphQL */ `
          query OverviewAround($ids: [ID!]!, $limit: Int, $asOf: Date) {
            neighborhood(
              ids: $ids
              depth: 1
              relationTypes: [LOCATED_IN, FOCUSES_ON, PART_OF]
              limit: $limit
              asOf: $asOf
            ) {
              ...SubgraphCards
              edges {
                evidence {
                  section
                }
              }
            }
          }
          ${SUBGRAPH}
          ${CARD}
          ${FATE}
          ${EDGE}
        `,
        { ids: parkIds, limit, asOf },
      );
      const around = second.neighborhood;
      const sections = new Map(around.edges.map((e) => [e.id, (e.evidence ?? []).map((p) => p.section)]));
      const regionIds = around.edges
        .filter((e) => e.type === 'LOCATED_IN' && parkIds.includes(e.source))
        .map((e) => e.target);
      const regionParents =
        regionIds.length === 0
          ? { nodes: [], edges: [], truncated: false }
          : await api.neighborhood([...new Set(regionIds)].slice(0, limits.neighborhoodIds), {
              depth: 1,
              relationTypes: ['LOCATED_IN'],
              limit,
            });
      return { halves, targets, around: { ...around, sections }, regionParents };
    },
  };
  return api;
}

/** The relations that make up 五区十园: a half of the layout (五区, 十园) APPLIES_TO a zone or park (see data/graph). */
export function selectOverviewTargets<T extends { readonly edge: EdgeSummary }>(
  targets: readonly T[],
  halves: readonly string[],
): T[] {
  return targets.filter((t) => t.edge.type === 'APPLIES_TO' && halves.includes(t.edge.source));
}

/** The server's word on a list field of the response that a limit cut (`extensions.truncation`), or null. */
function cutOf(truncation: readonly TruncationNotice[], field: string): string | null {
  return truncation.find((notice) => notice.path === field)?.message ?? null;
}
