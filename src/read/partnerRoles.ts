// Roles in the partnership network (docs/design.md "The analyses"): over the projection
// cypher/partner-roles.cypher reads (partnership facts between firms, associations, parks, regions and
// agencies, each end with its side of the strait), betweenness centrality says who bridges the two sides and
// Louvain modularity which groups cooperate, with graphology (graphology-communities-louvain; the
// betweenness in src/read/betweenness.ts, over graphology-shortest-path's searches).
//
// When: the measures change only when the graph is loaded, so they are computed once per load and kept in
// this process, keyed by the load's stamp (the dataHash of (:Meta {key:'graph'})); every request reads the
// stamp in its one statement, which also reads the projection only when the stamp differs from the one kept.
// So a reload is seen at the next request, and the first request after a load pays the computation
// (milliseconds for the plan's 50 facts). It is bounded: the projection is capped at PROJECTION_EDGES facts
// (the answer says when it was cut), and the betweenness runs at most BETWEENNESS_SOURCES searches (exact
// up to that many members, an estimate beyond: Brandes' search from every member is O(members × facts),
// 70 s of the server's one thread at 20,000 facts). No load path has to carry graphology.
// Louvain runs without its random walk, over nodes and facts added in id order, so the same graph always
// gives the same communities; they are numbered by their members' first id.
import type { Bilingual } from '../data/language.ts';
import { UndirectedGraph } from 'graphology';
import louvainModule from 'graphology-communities-louvain';
import type { CypherQuery, Reader } from '../infra/database.ts';
import { betweenness } from './betweenness.ts';
import { bindNamedQuery, loadNamedQuery } from './namedQueries.ts';
import { toEdgeRow, toEntityRow, type EdgeRow, type EntityRow } from './rows.ts';
import type { TruncationRow } from './truncation.ts';

// The package is CommonJS whose module.exports is the function: Node hands it over as the default export,
// while TypeScript (NodeNext) types that default as the module, whose `default` is the function.
const louvain = louvainModule as unknown as typeof louvainModule.default;

/** Most partnership facts measured (by id). */
export const PROJECTION_EDGES = 20_000;
/**
 * Most breadth-first searches of the betweenness (src/read/betweenness.ts): exact up to this many members,
 * an estimate from an even spread of them beyond (256 searches over 20,000 facts: well under a second).
 */
export const BETWEENNESS_SOURCES = 256;
/** Ties (partnership facts) listed per role, members per community. */
const LISTED = 50;

export type PartnerSideName = 'TAIWAN' | 'MAINLAND' | 'CROSS_STRAIT';

export interface PartnerRoleRow {
  readonly entity: EntityRow;
  readonly side: PartnerSideName;
  /** normalised betweenness: the share of shortest paths between two other members that pass through it */
  readonly betweenness: number;
  /** partners in the projection (facts between the same two entities count once) */
  readonly degree: number;
  readonly community: number;
  /** partners on another side of the strait than its own */
  readonly crossSideTies: number;
  /** it has partners on two different sides, or on another side than its own, and lies between others */
  readonly bridge: boolean;
  /** its partnership facts, by id (the first LISTED) */
  readonly ties: EdgeRow[];
  /** its partners and its place between others, in English and Chinese */
  readonly explanation: Bilingual;
}

export interface PartnerCommunityRow {
  readonly id: number;
  readonly size: number;
  /** the members, most between first (the first LISTED) */
  readonly members: EntityRow[];
  readonly taiwanSide: number;
}

export interface PartnerRolesResult {
  /** the load the measures are of */
  readonly dataHash: string | null;
  /** every member, most between first, then by id */
  readonly roles: PartnerRoleRow[];
  readonly bridges: PartnerRoleRow[];
  readonly communities: PartnerCommunityRow[];
  readonly modularity: number;
  readonly nodeCount: number;
  readonly edgeCount: number;
  /** members the betweenness was computed from: nodeCount when exact, BETWEENNESS_SOURCES when estimated */
  readonly betweennessSources: number;
  readonly truncation: TruncationRow[];
}

export interface PartnerRolesRequest {
  /** most roles (and bridges) returned */
  readonly first: number;
}

export function partnerRolesQuery(known: string | null, edges = PROJECTION_EDGES): CypherQuery {
  return bindNamedQuery(loadNamedQuery('partner-roles'), { known, edges });
}

interface RawRoles {
  dataHash: string | null;
  cached: boolean;
  more: boolean;
  edges: unknown[];
  nodes: (Record<string, unknown> & { side: string })[];
}

/** The measures of the last load this process has seen (one entry: a reload replaces it). */
let kept: {
  dataHash: string | null;
  result: Omit<PartnerRolesResult, 'roles' | 'bridges'> & { all: PartnerRoleRow[] };
} | null = null;

export async function readPartnerRoles(
  db: Reader,
  request: PartnerRolesRequest,
): Promise<PartnerRolesResult> {
  const [row] = (await db.read(partnerRolesQuery(kept?.dataHash ?? null))) as unknown as RawRoles[];
  if (!row?.cached || !kept) kept = { dataHash: row?.dataHash ?? null, result: measure(row) };
  const { all, ...rest } = kept.result;
  return {
    ...rest,
    roles: all.slice(0, request.first),
    bridges: all.filter((r) => r.bridge).slice(0, request.first),
  };
}

const SIDES: Readonly<Record<string, PartnerSideName>> = {
  taiwan: 'TAIWAN',
  mainland: 'MAINLAND',
  'cross-strait': 'CROSS_STRAIT',
};

function measure(
  raw: RawRoles | undefined,
): Omit<PartnerRolesResult, 'roles' | 'bridges'> & { all: PartnerRoleRow[] } {
  const entities = new Map<string, EntityRow>();
  const side = new Map<string, PartnerSideName>();
  for (const node of raw?.nodes ?? []) {
    const entity = toEntityRow(node);
    entities.set(entity.id, entity);
    side.set(entity.id, SIDES[node.side] ?? 'MAINLAND');
  }
  // by id, as the projection read them, so each member's ties are its first by id
  const edges = (raw?.edges ?? []).map(toEdgeRow).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const graph = new UndirectedGraph();
  for (const id of [...entities.keys()].sort()) graph.addNode(id);
  for (const edge of edges) if (edge.source !== edge.target) graph.mergeEdge(edge.source, edge.target);

  const between = betweenness(graph, BETWEENNESS_SOURCES);
  const detailed = graph.size > 0 ? louvain.detailed(graph, { randomWalk: false }) : null;
  // Communities renumbered by their first member's id, so the numbers do not depend on Louvain's internals.
  const firstMember = new Map<number, string>();
  for (const id of graph.nodes()) {
    const c = detailed?.communities[id] ?? -1;
    if (!firstMember.has(c)) firstMember.set(c, id);
  }
  const numbering = new Map(
    [...firstMember.entries()].sort((a, b) => (a[1] < b[1] ? -1 : 1)).map(([c], i) => [c, i]),
  );
  const communityOf = (id: string) =>
    detailed ? (numbering.get(detailed.communities[id] as number) ?? 0) : (numbering.get(-1) ?? 0);

  const tiesOf = new Map<string, EdgeRow[]>();
  for (const edge of edges) {
    for (const end of [edge.source, edge.target]) {
      const ties = tiesOf.get(end);
      if (!ties) tiesOf.set(end, [edge]);
      else if (ties.length < LISTED) ties.push(edge);
    }
  }
  const all = graph
    .nodes()
    .map((id): PartnerRoleRow => {
      const own = side.get(id) as PartnerSideName;
      const partners = graph.neighbors(id);
      const sides = new Set(partners.map((p) => side.get(p)));
      const crossSideTies = partners.filter((p) => side.get(p) !== own).length;
      const score = between.scores[id] ?? 0;
      const bridge = score > 0 && (crossSideTies > 0 || sides.size > 1);
      const entity = entities.get(id) as EntityRow;
      return {
        entity,
        side: own,
        betweenness: score,
        degree: partners.length,
        community: communityOf(id),
        crossSideTies,
        bridge,
        ties: tiesOf.get(id) ?? [],
        explanation: explain(entity, own, score, partners, crossSideTies, entities),
      };
    })
    .sort((a, b) => b.betweenness - a.betweenness || (a.entity.id < b.entity.id ? -1 : 1));

  const members = new Map<number, PartnerRoleRow[]>();
  for (const role of all) members.set(role.community, [...(members.get(role.community) ?? []), role]);
  const communities = [...members.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([id, list]) => ({
      id,
      size: list.length,
      members: list.slice(0, LISTED).map((r) => r.entity),
      taiwanSide: list.filter((r) => r.side === 'TAIWAN').length,
    }));
  return {
    dataHash: raw?.dataHash ?? null,
    all,
    communities,
    modularity: detailed?.modularity ?? 0,
    nodeCount: graph.order,
    edgeCount: graph.size,
    betweennessSources: between.sources,
    truncation: raw?.more ? [projectionLimit()] : [],
  };
}

function projectionLimit(): TruncationRow {
  return {
    reason: 'EDGE_LIMIT',
    limit: PROJECTION_EDGES,
    message: {
      en:
        `More than ${PROJECTION_EDGES} partnership facts: the first ${PROJECTION_EDGES} by id were measured, ` +
        'so the roles and communities are those of that part of the network.',
      zh: `合作关系多于 ${PROJECTION_EDGES} 条：只计量了按 id 排序的前 ${PROJECTION_EDGES} 条，角色和社群只反映网络的这一部分。`,
    },
  };
}

const SIDE_TEXT: Readonly<Record<PartnerSideName, Bilingual>> = {
  TAIWAN: { en: 'Taiwan side', zh: '台湾方面' },
  MAINLAND: { en: 'mainland side', zh: '大陆方面' },
  CROSS_STRAIT: { en: 'both sides', zh: '两岸' },
};

function explain(
  entity: EntityRow,
  own: PartnerSideName,
  score: number,
  partners: readonly string[],
  crossSideTies: number,
  entities: ReadonlyMap<string, EntityRow>,
): Bilingual {
  const named = partners
    .slice(0, 5)
    .map((p) => entities.get(p)?.name ?? p)
    .join('、');
  const more = partners.length - Math.min(partners.length, 5);
  const share = (score * 100).toFixed(1);
  return {
    en:
      `${entity.name} (${entity.nameEn}, ${SIDE_TEXT[own].en}) has ${partners.length} ` +
      `${partners.length === 1 ? 'partner' : 'partners'} (${named}${more > 0 ? ` and ${more} more` : ''}), ` +
      `${crossSideTies} across the strait; ${share}% of the shortest ways between two others pass through it.`,
    zh:
      `${entity.name}（${SIDE_TEXT[own].zh}）有${partners.length}个合作伙伴（${named}${more > 0 ? `等${partners.length}个` : ''}），` +
      `其中${crossSideTies}个跨越海峡；其他任意两者之间的最短路径有${share}%经过它。`,
  };
}
