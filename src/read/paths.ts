// Shortest paths between two entities, in either direction of the facts, shortest first. One statement,
// cypher/shortest-paths.cypher (Cypher's SHORTEST k over a quantified path pattern whose steps pass the
// relation filters); the GraphQL field paths and `cskg query shortest-paths` both call readPaths, so they
// cannot disagree.
import type { RelationStatus, RelationType } from '../data/model.ts';
import type { CypherQuery, Reader } from '../infra/database.ts';
import { bindNamedQuery, loadNamedQuery } from './namedQueries.ts';
import { entityRowsOn, toEdgeRow, type EdgeRow, type EntityRow } from './rows.ts';

export interface PathsRequest {
  readonly from: string;
  readonly to: string;
  readonly maxHops: number;
  readonly first: number;
  readonly relationTypes: readonly RelationType[] | null;
  readonly statuses: readonly RelationStatus[] | null;
  /** YYYY-MM-DD: the graph as known on that date (src/read/time.ts); null for everything known */
  readonly asOf?: string | null;
}

export interface PathRow {
  readonly nodes: EntityRow[];
  readonly edges: EdgeRow[];
  readonly length: number;
}

export interface PathsResult {
  /** the types of the two entities asked for, null when there is none */
  readonly fromType: string | null;
  readonly toType: string | null;
  readonly paths: PathRow[];
}

export function pathsQuery(request: PathsRequest): CypherQuery {
  return bindNamedQuery(loadNamedQuery('shortest-paths'), {
    from: request.from,
    to: request.to,
    maxHops: request.maxHops,
    first: request.first,
    relationTypes: request.relationTypes,
    statuses: request.statuses,
    asOf: request.asOf ?? null,
  });
}

export async function readPaths(db: Reader, request: PathsRequest): Promise<PathsResult> {
  const [row] = await db.read(pathsQuery(request));
  const paths = ((row?.paths ?? []) as { nodes: unknown[]; edges: unknown[] }[]).map((path) => ({
    nodes: path.nodes.map(entityRowsOn(request.asOf)),
    edges: path.edges.map(toEdgeRow),
    length: path.edges.length,
  }));
  return {
    fromType: (row?.fromType as string | null | undefined) ?? null,
    toType: (row?.toType as string | null | undefined) ?? null,
    paths,
  };
}
