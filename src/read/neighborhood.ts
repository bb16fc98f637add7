// The subgraph around some entities, for the explorer, in one statement whose work is bounded whatever the
// graph: a breadth-first walk over the facts that pass the filters, level by level, each entity visited
// once, stopping as soon as the `limit` closest entities are known (or after WALK_VISITS entities at one
// level); the `limit` closest (by distance, then id) are kept, then the facts among them. Never an
// enumeration of paths.
import type { RelationStatus, RelationType } from '../data/model.ts';
import { cypherInteger, type CypherQuery, type Reader } from '../infra/database.ts';
import { FACT_TYPES, factsAskedFilter } from './fragments.ts';
import {
  edgeProjection,
  entityProjection,
  toEdgeRow,
  entityRowsOn,
  type EdgeRow,
  type EntityRow,
} from './rows.ts';
import { WALK_VISITS, edgeLimit, nodeLimit, visitLimit, type TruncationRow } from './truncation.ts';

export interface NeighborhoodRequest {
  readonly ids: readonly string[];
  /** 0 to MAX_NEIGHBORHOOD_DEPTH, checked by the caller */
  readonly depth: number;
  readonly relationTypes: readonly RelationType[] | null;
  readonly statuses: readonly RelationStatus[] | null;
  /** YYYY-MM-DD: the graph as known on that date (src/read/time.ts); null for everything known */
  readonly asOf?: string | null;
  /** most nodes returned */
  readonly limit: number;
  /** most edges returned */
  readonly edgeLimit: number;
  /** most entities one ring's walk visits (WALK_VISITS unless a test asks for fewer) */
  readonly visits?: number;
}

export interface SubgraphRows {
  readonly nodes: EntityRow[];
  readonly edges: EdgeRow[];
  /** true when `truncation` is not empty */
  readonly truncated: boolean;
  /** every limit that cut this answer */
  readonly truncation: TruncationRow[];
}

export interface NeighborhoodRows extends SubgraphRows {
  /** requested ids that are not in the graph */
  readonly missing: string[];
}

export function neighborhoodQuery(request: NeighborhoodRequest): CypherQuery {
  const params = {
    ids: [...request.ids],
    depth: cypherInteger(request.depth),
    relationTypes: request.relationTypes,
    statuses: request.statuses,
    asOf: request.asOf ?? null,
    limit: cypherInteger(request.limit),
    edgeLimit: cypherInteger(request.edgeLimit),
    visits: cypherInteger(request.visits ?? WALK_VISITS),
  };
  return {
    cypher: /* Cypher */ `
      UNWIND $ids AS id
      OPTIONAL MATCH (seed:Entity {id: id})
      WITH collect(seed) AS seeds
      WITH [id IN $ids WHERE NOT id IN [s IN seeds | s.id]] AS missing,
        // Breadth-first, one level of facts at a time (the reduce is the loop): a level expands only the
        // entities first reached on the level before, so each entity is visited once, never a path; the
        // walk stops at $depth, once more than $limit entities are reached (the closest $limit are then
        // all known), or once one level would reach more than $visits entities.
        reduce(walk = { seen: seeds, level: seeds, found: [s IN seeds | { node: s, distance: 0 }], cut: false },
               k IN range(1, $depth) |
          CASE WHEN size(walk.level) = 0 OR size(walk.seen) > $limit OR walk.cut THEN walk ELSE
            [next IN [COLLECT {
                UNWIND walk.level AS a
                MATCH (a)-[r:${FACT_TYPES}]-(b:Entity)
                WHERE ${factsAskedFilter('r', params)} AND NOT b IN walk.seen
                RETURN DISTINCT b LIMIT toInteger($visits)
              }] | { seen: walk.seen + next, level: next, found: walk.found + [b IN next | { node: b, distance: k }],
                     cut: size(next) >= $visits }][0]
          END) AS walk
      WITH missing, walk.cut AS visitsCut, COLLECT {
        UNWIND walk.found AS f
        RETURN f.node AS n ORDER BY f.distance, n.id
      } AS reached
      WITH missing, visitsCut, reached[0..$limit] AS nodes, size(reached) > $limit AS nodesCut
      CALL (nodes) {
        UNWIND nodes AS a
        MATCH (a)-[r:${FACT_TYPES}]->(b:Entity)
        WHERE b IN nodes AND ${factsAskedFilter('r', params)}
        WITH r ORDER BY r.id
        RETURN collect(r) AS rels
      }
      RETURN missing, nodesCut, visitsCut, size(rels) > $edgeLimit AS edgesCut,
        [n IN nodes | ${entityProjection('n')}] AS nodes,
        [r IN rels[0..$edgeLimit] | ${edgeProjection('r')}] AS edges`,
    params,
  };
}

export async function readNeighborhood(db: Reader, request: NeighborhoodRequest): Promise<NeighborhoodRows> {
  const [row] = await db.read(neighborhoodQuery(request));
  const truncation: TruncationRow[] = [];
  if (row?.visitsCut) truncation.push(visitLimit(request.visits ?? WALK_VISITS));
  if (row?.nodesCut) truncation.push(nodeLimit(request.limit));
  if (row?.edgesCut) truncation.push(edgeLimit(request.edgeLimit));
  return {
    missing: ((row?.missing ?? []) as unknown[]).map(String),
    nodes: ((row?.nodes ?? []) as unknown[]).map(entityRowsOn(request.asOf)),
    edges: ((row?.edges ?? []) as unknown[]).map(toEdgeRow),
    truncated: truncation.length > 0,
    truncation,
  };
}
