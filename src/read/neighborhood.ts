// The subgraph around some entities, for the explorer: a breadth-first walk (ANY SHORTEST from each seed,
// so every entity is reached once, at its distance) over the facts that pass the filters, then the facts
// among the entities kept. One statement.
import type { RelationStatus, RelationType } from '../data/model.ts';
import { cypherInteger, type CypherQuery, type Reader } from '../infra/database.ts';
import { factFilter, quantifier } from './fragments.ts';
import {
  edgeProjection,
  entityProjection,
  toEdgeRow,
  toEntityRow,
  type EdgeRow,
  type EntityRow,
} from './rows.ts';


export interface NeighborhoodRequest {
  readonly ids: readonly string[];
  /** 0 to MAX_NEIGHBORHOOD_DEPTH, checked by the caller */
  readonly depth: number;
  readonly relationTypes: readonly RelationType[] | null;
  readonly statuses: readonly RelationStatus[] | null;
  /** most nodes returned */
  readonly limit: number;
  /** most edges returned */
  readonly edgeLimit: number;
}

export interface SubgraphRows {
  readonly nodes: EntityRow[];
  readonly edges: EdgeRow[];
  readonly truncated: boolean;
}

export interface NeighborhoodRows extends SubgraphRows {
  /** requested ids that are not in the graph */
  readonly missing: string[];
}

export function neighborhoodQuery(request: NeighborhoodRequest): CypherQuery {
  const reach =
    request.depth === 0
      ? /* Cypher */ `UNWIND seeds AS n WITH n, 0 AS distance`
      : /* Cypher */ `UNWIND seeds AS s
        MATCH p = ANY SHORTEST (s)(()-[r]-(:Entity) WHERE ${factFilter('r')})${quantifier(0, request.depth)}(n:Entity)
        WITH n, length(p) AS distance`;
  return {
    cypher: /* Cypher */ `
      UNWIND $ids AS id
      OPTIONAL MATCH (seed:Entity {id: id})
      WITH collect(seed) AS seeds
      WITH seeds, [id IN $ids WHERE NOT id IN [s IN seeds | s.id]] AS missing
      CALL (seeds) {
        ${reach}
        WITH n, min(distance) AS distance
        ORDER BY distance, n.id
        RETURN collect(n) AS reached
      }
      WITH missing, reached[0..$limit] AS nodes, size(reached) > $limit AS nodesTruncated
      CALL (nodes) {
        UNWIND nodes AS a
        MATCH (a)-[r]->(b:Entity)
        WHERE b IN nodes AND ${factFilter('r')}
        WITH r ORDER BY r.id
        RETURN collect(r) AS rels
      }
      RETURN missing,
        [n IN nodes | ${entityProjection('n')}] AS nodes,
        [r IN rels[0..$edgeLimit] | ${edgeProjection('r')}] AS edges,
        nodesTruncated OR size(rels) > $edgeLimit AS truncated`,
    params: {
      ids: [...request.ids],
      relationTypes: request.relationTypes,
      statuses: request.statuses,
      limit: cypherInteger(request.limit),
      edgeLimit: cypherInteger(request.edgeLimit),
    },
  };
}

export async function readNeighborhood(db: Reader, request: NeighborhoodRequest): Promise<NeighborhoodRows> {
  const [row] = await db.read(neighborhoodQuery(request));
  return {
    missing: ((row?.missing ?? []) as unknown[]).map(String),
    nodes: ((row?.nodes ?? []) as unknown[]).map(toEntityRow),
    edges: ((row?.edges ?? []) as unknown[]).map(toEdgeRow),
    truncated: Boolean(row?.truncated),
  };
}
