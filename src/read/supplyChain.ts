// The supply chain of a product: the products upstream and downstream along INPUT_TO (breadth-first, so
// each is reached once, at its distance), the INPUT_TO links among them, and what covers each product:
// parks and regions that focus on it, enterprises and projects that make it, and the owners of those
// projects. One statement, cypher/supply-chain.cypher, whose walk is bounded (it stops once `limit`
// products are reached, or WALK_VISITS at one level); the GraphQL field and `cskg query supply-chain` both
// call readSupplyChain, so they cannot disagree. The answer keeps `limit` entities (products first, closest
// first, then who covers them in chain order) and 4 × limit facts, and says which limit cut it.
import type { RelationStatus } from '../data/model.ts';
import type { CypherQuery, Reader } from '../infra/database.ts';
import { bindNamedQuery, loadNamedQuery } from './namedQueries.ts';
import { entityRowsOn, toEdgeRow, type EntityRow } from './rows.ts';
import type { SubgraphRows } from './neighborhood.ts';
import {
  WALK_VISITS,
  depthLimit,
  edgeLimit,
  nodeLimit,
  visitLimit,
  type TruncationRow,
} from './truncation.ts';

export type ChainDirectionName = 'UPSTREAM' | 'DOWNSTREAM' | 'BOTH';

/** Facts per entity of the limit: edges ≤ this × limit. */
const EDGES_PER_NODE = 4;

export interface SupplyChainRequest {
  readonly product: string;
  readonly direction: ChainDirectionName;
  readonly depth: number;
  readonly statuses: readonly RelationStatus[] | null;
  /** YYYY-MM-DD: the graph as known on that date (src/read/time.ts); null for everything known */
  readonly asOf?: string | null;
  /** most entities returned */
  readonly limit: number;
  /** most products one level of the walk reaches (WALK_VISITS unless a test asks for fewer) */
  readonly visits?: number;
}

/** Where a product of the chain lies from the one asked for. */
export interface ChainPosition {
  readonly id: string;
  readonly side: 'self' | 'upstream' | 'downstream';
  /** INPUT_TO links from the product asked for (0 for itself) */
  readonly distance: number;
}

export interface SupplyChainResult extends SubgraphRows {
  /** the type of the entity asked for, null when there is none */
  readonly productType: string | null;
  /** every product of the chain kept (not the parks, firms and projects around it), the one asked for first */
  readonly products: ChainPosition[];
}

export function supplyChainQuery(request: SupplyChainRequest): CypherQuery {
  return bindNamedQuery(loadNamedQuery('supply-chain'), {
    product: request.product,
    direction: request.direction.toLowerCase(),
    depth: request.depth,
    statuses: request.statuses,
    asOf: request.asOf ?? null,
    limit: request.limit,
    visits: request.visits ?? WALK_VISITS,
  });
}

export async function readSupplyChain(db: Reader, request: SupplyChainRequest): Promise<SupplyChainResult> {
  const { limit } = request;
  const [row] = await db.read(supplyChainQuery(request));
  const rows = (key: string) => ((row?.[key] ?? []) as unknown[]).map(entityRowsOn(request.asOf));

  // Products first, then who covers them and who owns those projects, each entity once, `limit` in all.
  const nodes = new Map<string, EntityRow>();
  let nodesCut = Boolean(row?.entitiesCut);
  for (const node of [...rows('productNodes'), ...rows('coverNodes'), ...rows('ownerNodes')]) {
    if (nodes.has(node.id)) continue;
    if (nodes.size >= limit) nodesCut = true;
    else nodes.set(node.id, node);
  }
  const seen = new Set<string>();
  const edges = ((row?.edges ?? []) as unknown[])
    .map(toEdgeRow)
    .filter((edge) => nodes.has(edge.source) && nodes.has(edge.target))
    .filter((edge) => !seen.has(edge.id) && seen.add(edge.id));
  const maxEdges = EDGES_PER_NODE * limit;

  const truncation: TruncationRow[] = [];
  if (row?.beyondDepth) truncation.push(depthLimit(request.depth));
  if (row?.visitsCut) truncation.push(visitLimit(request.visits ?? WALK_VISITS));
  if (nodesCut) truncation.push(nodeLimit(limit));
  if (row?.coversCut || edges.length > maxEdges) truncation.push(edgeLimit(maxEdges));
  return {
    productType: (row?.productType as string | null | undefined) ?? null,
    truncated: truncation.length > 0,
    truncation,
    products: ((row?.products ?? []) as ChainPosition[]).filter((p) => nodes.has(p.id)),
    nodes: [...nodes.values()],
    edges: edges.slice(0, maxEdges),
  };
}
