// The supply chain of a product: the products upstream and downstream along INPUT_TO (breadth-first, so
// each is reached once, at its distance), the INPUT_TO links among them, and what covers each product:
// parks and regions that focus on it, enterprises and projects that make it, and the owners of those
// projects. One statement, cypher/supply-chain.cypher; the GraphQL field and `cskg query supply-chain`
// both call readSupplyChain, so they cannot disagree.
import type { RelationStatus } from '../data/model.ts';
import type { CypherQuery, Reader } from '../infra/database.ts';
import { bindNamedQuery, loadNamedQuery } from './namedQueries.ts';
import { toEdgeRow, toEntityRow } from './rows.ts';
import type { SubgraphRows } from './neighborhood.ts';


export type ChainDirectionName = 'UPSTREAM' | 'DOWNSTREAM' | 'BOTH';

export interface SupplyChainRequest {
  readonly product: string;
  readonly direction: ChainDirectionName;
  readonly depth: number;
  readonly statuses: readonly RelationStatus[] | null;
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
  /** every product of the chain (not the parks, firms and projects around it), the one asked for first */
  readonly products: ChainPosition[];
}

export function supplyChainQuery(request: SupplyChainRequest): CypherQuery {
  return bindNamedQuery(loadNamedQuery('supply-chain'), {
    product: request.product,
    direction: request.direction.toLowerCase(),
    depth: request.depth,
    statuses: request.statuses,
  });
}

export async function readSupplyChain(db: Reader, request: SupplyChainRequest): Promise<SupplyChainResult> {
  const [row] = await db.read(supplyChainQuery(request));
  const edges = ((row?.edges ?? []) as unknown[]).map(toEdgeRow);
  const seen = new Set<string>();
  return {
    productType: (row?.productType as string | null | undefined) ?? null,
    truncated: Boolean(row?.truncated),
    products: (row?.products ?? []) as ChainPosition[],
    nodes: ((row?.nodes ?? []) as unknown[]).map(toEntityRow),
    edges: edges.filter((edge) => !seen.has(edge.id) && seen.add(edge.id)),
  };
}
