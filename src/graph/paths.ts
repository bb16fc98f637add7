// Shortest paths between two entities, in either direction of the facts, shortest first. One statement:
// Cypher's SHORTEST k over a quantified path pattern whose steps pass the relation filters.
import type { RelationStatus, RelationType } from '../data/model.ts';
import type { CypherQuery, QueryRunner } from '../db.ts';
import { count, factFilter, quantifier } from './fragments.ts';
import {
  edgeProjection,
  entityProjection,
  toEdgeRow,
  toEntityRow,
  type EdgeRow,
  type EntityRow,
} from './rows.ts';

type Reader = Pick<QueryRunner, 'read'>;

export interface PathsRequest {
  readonly from: string;
  readonly to: string;
  readonly maxHops: number;
  readonly first: number;
  readonly relationTypes: readonly RelationType[] | null;
  readonly statuses: readonly RelationStatus[] | null;
}

export interface PathRow {
  readonly nodes: EntityRow[];
  readonly edges: EdgeRow[];
  readonly length: number;
}

export interface PathsResult {
  readonly fromFound: boolean;
  readonly toFound: boolean;
  readonly paths: PathRow[];
}

export function pathsQuery(request: PathsRequest): CypherQuery {
  return {
    cypher: /* Cypher */ `
      OPTIONAL MATCH (a:Entity {id: $from})
      OPTIONAL MATCH (b:Entity {id: $to})
      RETURN a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound,
        COLLECT {
          MATCH p = SHORTEST ${count(request.first)} (a)(()-[r]-(:Entity) WHERE ${factFilter('r')})${quantifier(1, request.maxHops)}(b)
          RETURN {
            nodes: [n IN nodes(p) | ${entityProjection('n')}],
            edges: [r IN relationships(p) | ${edgeProjection('r')}]
          } AS path
          ORDER BY length(p), [n IN nodes(p) | n.id]
        } AS paths`,
    params: {
      from: request.from,
      to: request.to,
      relationTypes: request.relationTypes,
      statuses: request.statuses,
    },
  };
}

export async function readPaths(db: Reader, request: PathsRequest): Promise<PathsResult> {
  const [row] = await db.read(pathsQuery(request));
  const paths = ((row?.paths ?? []) as { nodes: unknown[]; edges: unknown[] }[]).map((path) => ({
    nodes: path.nodes.map(toEntityRow),
    edges: path.edges.map(toEdgeRow),
    length: path.edges.length,
  }));
  return { fromFound: Boolean(row?.fromFound), toFound: Boolean(row?.toFound), paths };
}
