// The supply chain of a product: the products upstream and downstream along INPUT_TO (breadth-first, so
// each is reached once, at its distance), the INPUT_TO links among them, and what covers each product:
// parks and regions that focus on it, enterprises and projects that make it, and the owners of those
// projects. One statement.
import type { RelationStatus } from '../data/model.ts';
import { cypherInteger, type CypherQuery, type QueryRunner } from '../db.ts';
import { quantifier } from './fragments.ts';
import { edgeProjection, entityProjection, toEdgeRow, toEntityRow } from './rows.ts';
import type { SubgraphRows } from './neighborhood.ts';

type Reader = Pick<QueryRunner, 'read'>;

export type ChainDirectionName = 'UPSTREAM' | 'DOWNSTREAM' | 'BOTH';

export interface SupplyChainRequest {
  readonly product: string;
  readonly direction: ChainDirectionName;
  readonly depth: number;
  readonly statuses: readonly RelationStatus[] | null;
}

export interface SupplyChainResult extends SubgraphRows {
  /** the type of the entity asked for, null when there is none */
  readonly productType: string | null;
}

const statusFilter = (r: string) => /* Cypher */ `($statuses IS NULL OR ${r}.status IN $statuses)`;

export function supplyChainQuery(request: SupplyChainRequest): CypherQuery {
  const steps = quantifier(1, request.depth);
  const link = /* Cypher */ `(()-[r:INPUT_TO]->() WHERE ${statusFilter('r')})`;
  return {
    cypher: /* Cypher */ `
      OPTIONAL MATCH (p:Entity {id: $product})
      WITH p,
        CASE WHEN $upstream AND p:Product THEN COLLECT {
          MATCH path = ANY SHORTEST (x:Product)${link}${steps}(p)
          RETURN { node: x, distance: length(path) } AS hit
        } ELSE [] END AS ups,
        CASE WHEN $downstream AND p:Product THEN COLLECT {
          MATCH path = ANY SHORTEST (p)${link}${steps}(x:Product)
          RETURN { node: x, distance: length(path) } AS hit
        } ELSE [] END AS downs
      WITH p, ups, downs,
        any(u IN ups WHERE u.distance = $depth
            AND EXISTS { MATCH (:Product)-[r:INPUT_TO]->(y) WHERE y = u.node AND ${statusFilter('r')} })
        OR any(d IN downs WHERE d.distance = $depth
            AND EXISTS { MATCH (y)-[r:INPUT_TO]->(:Product) WHERE y = d.node AND ${statusFilter('r')} })
          AS truncated
      WITH p, truncated,
        CASE WHEN p:Product THEN [p] ELSE [] END
          + [u IN ups WHERE u.node <> p | u.node]
          + [d IN downs WHERE d.node <> p AND NOT d.node IN [u IN ups | u.node] | d.node] AS chain
      WITH p, truncated, chain,
        COLLECT {
          UNWIND chain AS a
          MATCH (a)-[r:INPUT_TO]->(b:Product)
          WHERE b IN chain AND ${statusFilter('r')}
          RETURN r ORDER BY r.id
        } AS links,
        COLLECT {
          UNWIND chain AS a
          MATCH (c:Entity)-[r:FOCUSES_ON|PRODUCES]->(a)
          WHERE (c:Park OR c:Region OR c:Enterprise OR c:Project) AND ${statusFilter('r')}
          RETURN { node: c, rel: r } AS cover ORDER BY r.id
        } AS covers
      WITH p, truncated, chain, links, covers,
        COLLECT {
          UNWIND covers AS cover
          WITH cover.node AS project WHERE project:Project
          MATCH (o:Enterprise)-[r:OWNS]->(project)
          WHERE ${statusFilter('r')}
          RETURN { node: o, rel: r } AS owner ORDER BY r.id
        } AS owners
      WITH p, truncated, chain, links + [c IN covers | c.rel] + [o IN owners | o.rel] AS rels,
        [c IN covers | c.node] + [o IN owners | o.node] AS attached
      WITH p, truncated, rels, COLLECT { UNWIND chain + attached AS n RETURN DISTINCT n } AS nodes
      RETURN
        CASE WHEN p IS NULL THEN null ELSE p.type END AS productType,
        truncated,
        [n IN nodes | ${entityProjection('n')}] AS nodes,
        [r IN rels | ${edgeProjection('r')}] AS edges`,
    params: {
      product: request.product,
      upstream: request.direction !== 'DOWNSTREAM',
      downstream: request.direction !== 'UPSTREAM',
      depth: cypherInteger(request.depth),
      statuses: request.statuses,
    },
  };
}

export async function readSupplyChain(db: Reader, request: SupplyChainRequest): Promise<SupplyChainResult> {
  const [row] = await db.read(supplyChainQuery(request));
  const edges = ((row?.edges ?? []) as unknown[]).map(toEdgeRow);
  const seen = new Set<string>();
  return {
    productType: (row?.productType as string | null | undefined) ?? null,
    truncated: Boolean(row?.truncated),
    nodes: ((row?.nodes ?? []) as unknown[]).map(toEntityRow),
    edges: edges.filter((edge) => !seen.has(edge.id) && seen.add(edge.id)),
  };
}
